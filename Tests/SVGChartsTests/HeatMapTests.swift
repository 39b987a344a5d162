import Foundation
import Testing

@testable import SVGCharts

/// Heat maps of a sweep: every cell's text, place and colour, cells without a value, one
/// colour scale shared by small multiples, category labels that never overlap, and sizes
/// from 1 × 1 to 12 × 12 cells.
struct HeatMapTests {
  static let rates = ["0.01", "0.03", "0.1", "0.3", "1"]
  static let batches = ["1", "10", "100"]
  /// Final test losses of a 5 × 3 sweep of learning rate and batch size; learning rate 1
  /// with batch size 1 diverged.
  static let losses: [[Double?]] = [
    [0.52, 0.61, 0.7], [0.31, 0.45, 0.66], [0.12, 0.24, 0.58], [0.05, 0.09, 0.41], [nil, 0.07, 0.22],
  ]
  static let labels = ChartLabels(title: "seed 317", xLabel: "batch size", yLabel: "learning rate")

  /// `value` as a report would write it in a cell: three decimals.
  static func text(_ value: Double) -> String {
    (try? FixedPoint.format(value, decimals: 3, trimmed: false)) ?? "unwritable"
  }

  /// The sweep's grid with every loss raised by `raise` (capped at 0.7); the diverged case
  /// reads "diverged".
  static func grid(_ values: [[Double?]] = losses, raise: Double = 0) -> HeatMapGrid {
    let cells = values.enumerated().map { row, rowValues in
      rowValues.enumerated().map { column, value -> HeatMapGrid.Cell in
        let name = "learning rate \(rates[row]), batch size \(batches[column])"
        guard let value else { return .missing(text: "diverged", title: "\(name): diverged") }
        let raised = min(0.7, value + raise)
        return HeatMapGrid.Cell(value: raised, text: text(raised), title: "\(name): \(raised)")
      }
    }
    return HeatMapGrid(rowLabels: rates, columnLabels: batches, cells: cells)
  }

  static func svg(_ figure: Figure) throws -> String {
    try figure.svg(idPrefix: "h-", standalone: true)
  }

  static func lossFigure(_ grids: [HeatMapGrid], columns: Int? = nil) -> Figure {
    let scale = HeatMapScale(covering: grids, direction: .lowerIsBetter, label: "final test loss")
    let maps = grids.enumerated().map { index, grid in
      (grid: grid, labels: ChartLabels(title: "seed \(index + 1)", xLabel: "batch size", yLabel: "learning rate"))
    }
    return .heatMaps(title: "Final test loss", description: "The sweep's final test losses.", maps: maps, scale: scale, columns: columns)
  }

  /// One cell as drawn: the attributes of its group and of the marks inside it.
  struct DrawnCell {
    var row: Int
    var column: Int
    var rect: Rect
    var fill: String
    var textColor: String
    var text: String
    var textPosition: Point
    var title: String?
    var hatch: [[Point]]
    /// The font size of the heat map the cell belongs to.
    var fontSize: Double
  }

  /// The cells of `svg` in document order, read from the parsed elements.
  static func cells(_ svg: String) throws -> [DrawnCell] {
    let all = try elements(of: svg)
    var cells: [DrawnCell] = []
    for (index, element) in all.enumerated() where element.name == "g" && element.attributes["class"] == "cell" {
      let children = all.filter { $0.parent == index }
      let rect = try #require(children.first { $0.name == "rect" })
      let text = try #require(children.first { $0.name == "text" })
      let map = try #require(element.parent.map { all[$0] })
      cells.append(
        DrawnCell(
          row: try #require(Int(element.attributes["data-row"] ?? "")),
          column: try #require(Int(element.attributes["data-column"] ?? "")),
          rect: rect.rect, fill: rect.attributes["fill"] ?? "", textColor: element.attributes["fill"] ?? "",
          text: text.text, textPosition: Point(x: text.number("x"), y: text.number("y")),
          title: children.first { $0.name == "title" }?.text,
          hatch: children.first { $0.name == "path" && $0.attributes["class"] == "hatch" }?.subpaths ?? [],
          fontSize: map.number("font-size")))
    }
    return cells
  }

  /// The cell's fill as a colour.
  static func color(_ cell: DrawnCell) -> Color {
    Color(hex: cell.fill)
  }

  @Test func everyCellHoldsItsTextAndTitleRowByRowFromTheTop() throws {
    let grid = Self.grid()
    let svg = try Self.svg(Self.lossFigure([grid]))
    try expectWellFormed(svg)
    let cells = try Self.cells(svg)
    #expect(cells.map { [$0.row, $0.column] } == (0..<5).flatMap { row in (0..<3).map { [row, $0] } })
    #expect(cells.map(\.text) == grid.cells.flatMap { $0.map(\.text) })
    #expect(cells.map(\.title) == grid.cells.flatMap { $0.map(\.title) })
    #expect(cells[13].text == "0.070" && cells[13].title == "learning rate 1, batch size 10: 0.07")
    // Square cells of one size, columns left to right, rows top to bottom, 1.5 pixels apart,
    // their texts centred in them.
    let side = cells[0].rect.width
    #expect(side >= 40 && cells.allSatisfy { $0.rect.width == side && $0.rect.height == side })
    for cell in cells {
      #expect(abs(cell.rect.x - (cells[0].rect.x + Double(cell.column) * (side + 1.5))) < 0.11)
      #expect(abs(cell.rect.y - (cells[0].rect.y + Double(cell.row) * (side + 1.5))) < 0.11)
      #expect(abs(cell.textPosition.x - cell.rect.midX) < 0.11)
      #expect(cell.textPosition.y > cell.rect.midY && cell.textPosition.y < cell.rect.maxY)
    }
    // The cells fill the plot, less half the gap at its edges.
    let plot = try plotRect(svg)
    #expect(abs(cells[0].rect.x - (plot.minX + 0.75)) < 0.11 && abs(cells[0].rect.y - (plot.minY + 0.75)) < 0.11)
    #expect(abs(cells[14].rect.maxX - (plot.maxX - 0.75)) < 0.11 && abs(cells[14].rect.maxY - (plot.maxY - 0.75)) < 0.11)
    // Row labels sit level with their rows, column labels under their columns (at ticks
    // moved to the middle of their pixel).
    let texts = try elements(of: svg).filter { $0.name == "text" }
    for (row, label) in Self.rates.enumerated() {
      let text = try #require(texts.first { $0.text == label && $0.attributes["text-anchor"] == "end" })
      #expect(abs(text.number("y") - 11 * 0.36 - cells[row * 3].rect.midY) <= 0.5)
      #expect(text.number("x") < plot.minX)
    }
    for (column, label) in Self.batches.enumerated() {
      let text = try #require(texts.first { $0.text == label && $0.attributes["text-anchor"] == nil })
      #expect(abs(text.number("x") - cells[column].rect.midX) <= 0.5)
      #expect(text.number("y") > plot.maxY)
    }
  }

  @Test func aLowerLossIsADarkerCellAndItsTextStaysLegible() throws {
    let svg = try Self.svg(Self.lossFigure([Self.grid()]))
    let valued = try Self.cells(svg).filter { Self.losses[$0.row][$0.column] != nil }
    #expect(valued.count == 14)
    let byLoss = valued.sorted { (Self.losses[$0.row][$0.column] ?? 0) < (Self.losses[$1.row][$1.column] ?? 0) }
    let luminances = byLoss.map { Self.color($0).relativeLuminance }
    #expect(zip(luminances, luminances.dropFirst()).allSatisfy { $0 < $1 }, "\(luminances)")
    // The best (0.05) and worst (0.7) losses take the palette's ends.
    #expect(byLoss.first?.fill == "#081d58" && byLoss.last?.fill == "#edf8b1")
    for cell in valued {
      let contrast = Color(hex: cell.textColor).contrast(with: Self.color(cell))
      #expect(contrast >= 4.5, "\(cell.text) on \(cell.fill): \(contrast)")
    }
    #expect(byLoss.first?.textColor == "#fff" && byLoss.last?.textColor == "#000")
  }

  @Test func aHigherAccuracyIsADarkerCell() throws {
    let accuracies = [[0.5, 0.75], [0.9, 1.0]]
    let grid = HeatMapGrid(
      rowLabels: ["relu", "tanh"], columnLabels: ["[3]", "[8, 8]"],
      cells: accuracies.map { $0.map { HeatMapGrid.Cell(value: $0, text: Self.text($0)) } })
    let scale = HeatMapScale(covering: [grid], direction: .higherIsBetter, label: "test accuracy")
    #expect(scale.range == 0.5...1)
    let svg = try Self.svg(.heatMaps(title: "a", description: "d", maps: [(grid, Self.labels)], scale: scale))
    let cells = try Self.cells(svg)
    #expect(cells.map(\.fill).first == "#edf8b1" && cells.map(\.fill).last == "#081d58")
    let luminances = cells.map { Self.color($0).relativeLuminance }
    #expect(zip(luminances, luminances.dropFirst()).allSatisfy { $0 > $1 }, "\(luminances)")
    #expect(cells.allSatisfy { $0.title == nil })
    #expect(try elements(of: svg).filter { $0.name == "title" }.count == 1, "only the figure's own title")
  }

  @Test func aCellWithoutAValueIsGreyHatchedAndReadsItsText() throws {
    let svg = try Self.svg(Self.lossFigure([Self.grid()]))
    let cells = try Self.cells(svg)
    let missing = try #require(cells.first { $0.row == 4 && $0.column == 0 })
    #expect(missing.fill == "#f0f0f0" && missing.text == "diverged")
    #expect(missing.title == "learning rate 1, batch size 1: diverged")
    #expect(missing.hatch.count >= 10)
    let inside = missing.rect.outset(by: 0.06)
    #expect(missing.hatch.allSatisfy { $0.count == 2 && $0.allSatisfy(inside.contains) })
    #expect(Color(hex: missing.textColor).contrast(with: Color(hex: missing.fill)) > 6)
    #expect(cells.filter { !$0.hatch.isEmpty }.count == 1)
    let dash = HeatMapGrid.Cell.missing()
    #expect(dash.text == "–" && dash.value == nil && dash.title == nil)
  }

  @Test func smallMultiplesShareOneScaleAndOneColorBar() throws {
    let grids = (0..<4).map { Self.grid(raise: Double($0) * 0.04) }
    let scale = HeatMapScale(covering: grids, direction: .lowerIsBetter, label: "final test loss")
    #expect(scale.range == 0.05...0.7)
    let figure = Self.lossFigure(grids, columns: 2)
    let svg = try Self.svg(figure)
    try expectWellFormed(svg)
    let cells = try Self.cells(svg)
    #expect(cells.count == 60)
    let panels = (0..<4).map { Array(cells[($0 * 15)..<($0 * 15 + 15)]) }
    // One value, one colour, in whichever panel: 0.09 is panel 1's (0.05 + 0.04) and panel
    // 2's own; 0.7 everywhere is the palest.
    #expect(panels[1][9].text == "0.090" && panels[0][10].text == "0.090")
    #expect(panels[1][9].fill == panels[0][10].fill)
    #expect(Set(cells.filter { $0.text == "0.700" }.map(\.fill)) == ["#edf8b1"])
    // Each panel's best cell is darker the lower its loss: the scale is not per panel.
    let best = panels.map { panel in panel.filter { $0.hatch.isEmpty }.map { Self.color($0).relativeLuminance }.min() ?? 1 }
    #expect(zip(best, best.dropFirst()).allSatisfy { $0 < $1 }, "\(best)")
    // One colour bar, right of every panel, from the top of the first row's plots to the
    // bottom of the second row's, its colours darkest at the bottom (the lowest loss).
    #expect(try elements("g", role: "colorbar", in: svg).count == 1)
    let all = try elements(of: svg)
    let bands = all.filter { $0.name == "rect" && $0.parent == 0 && $0.attributes["fill"] != "none" && $0.number("width") == 12 }
    #expect(bands.count == HeatMapScale.colorBarBands)
    let plots = try (0..<4).map { try plotRect(svg, panel: $0) }
    #expect(bands.allSatisfy { $0.rect.minX >= figure.panelWidth * 2 })
    #expect(abs((bands.map(\.rect.minY).min() ?? 0) - plots[0].minY) < 0.06)
    #expect(abs((bands.map(\.rect.maxY).max() ?? 0) - plots[3].maxY) < 0.06)
    let bottomUp = bands.sorted { $0.rect.minY > $1.rect.minY }.map { Color(hex: $0.attributes["fill"] ?? "").relativeLuminance }
    #expect(zip(bottomUp, bottomUp.dropFirst()).allSatisfy { $0 < $1 })
    let texts = all.filter { $0.name == "text" }.map(\.text)
    #expect(texts.contains("final test loss") && texts.contains("0.2") && texts.contains("0.6"))
    // The document is as wide as the panels and the bar's labels.
    let width = try #require(Double(all[0].attributes["width"] ?? ""))
    #expect(width > figure.panelWidth * 2 + 40 && width < figure.panelWidth * 2 + 110)
    #expect(plots.allSatisfy { $0.width == plots[0].width && $0.height == plots[0].height })
  }

  @Test func aScaleOfOneValueOrNoneStillHasWidth() {
    let one = HeatMapGrid(rowLabels: ["a"], columnLabels: ["b"], cells: [[HeatMapGrid.Cell(value: 0.4, text: "0.4")]])
    let single = HeatMapScale(covering: [one], direction: .lowerIsBetter, label: "")
    #expect(abs(single.range.lowerBound - 0.38) < 1e-15 && abs(single.range.upperBound - 0.42) < 1e-15)
    #expect(single.goodness(0.4) == 0.5)
    let none = HeatMapGrid(rowLabels: ["a"], columnLabels: ["b"], cells: [[.missing()]])
    #expect(HeatMapScale(covering: [none], direction: .higherIsBetter, label: "").range == 0...1)
    // Values beyond the range take the colour of the nearer end.
    let scale = HeatMapScale(range: 0...1, direction: .higherIsBetter, label: "")
    #expect(scale.color(for: 7) == scale.color(for: 1) && scale.color(for: -3) == scale.color(for: 0))
    #expect(HeatMapScale(range: 2...2, direction: .lowerIsBetter, label: "").goodness(2) == 0.5)
  }

  /// The box a tick label's glyphs take, from its position, anchor, rotation and size, with
  /// the width `TextMetrics` estimates (the one the layout used).
  static func labelBox(_ text: SVGElement, fontSize: Double) -> Rect {
    let size = text.attributes["font-size"].flatMap(Double.init) ?? fontSize
    let width = TextMetrics.width(text.text, fontSize: size)
    let (x, y) = (text.number("x"), text.number("y"))
    let left: Double =
      switch text.attributes["text-anchor"] {
      case "end": -width
      case "middle": -width / 2
      default: 0
      }
    if text.attributes["transform"]?.hasPrefix("rotate(-90 ") == true {
      // Upright, reading upwards: a point `t` along the text is at y - t, and the glyphs
      // lie left of the baseline x.
      return Rect(x: x - 0.76 * size, y: y - left - width, width: size, height: width)
    }
    return Rect(x: x + left, y: y - 0.76 * size, width: width, height: size)
  }

  static func overlap(_ a: Rect, _ b: Rect) -> Bool {
    a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY
  }

  @Test(arguments: [
    (["relu", "tanh", "sigmoid", "linear"], false),
    (["[]", "[3]", "[8]", "[8, 8]", "[16, 16, 16]", "[4, 4, 4, 4, 4, 4]"], true),
    ((1...12).map { "batch size \($0 * 10)" }, true),
  ])
  func longCategoryLabelsNeverOverlap(columns: [String], upright: Bool) throws {
    let rows = ["learning rate 0.001", "learning rate 0.01", "learning rate 0.1", "learning rate 1"]
    let grid = HeatMapGrid(
      rowLabels: rows, columnLabels: columns,
      cells: rows.indices.map { row in
        columns.indices.map { column in
          let value = Double((row * 7 + column * 3) % 11) / 10
          return HeatMapGrid.Cell(value: value, text: Self.text(value))
        }
      })
    let labels = ChartLabels(title: "Test accuracy", xLabel: "hidden layers", yLabel: "activation")
    let scale = HeatMapScale(covering: [grid], direction: .higherIsBetter, label: "test accuracy")
    let figure = Figure.heatMaps(title: "t", description: "d", maps: [(grid, labels), (grid, labels)], scale: scale)
    let svg = try Self.svg(figure)
    try expectWellFormed(svg)
    let all = try elements(of: svg)
    let groups = all.indices.filter { all[$0].name == "g" && all[$0].attributes["class"] == "labels" }
    #expect(groups.count == 2)
    for (panel, group) in groups.enumerated() {
      let frame = Rect(x: figure.panelWidth * Double(panel), y: 0, width: figure.panelWidth, height: figure.panelHeight)
      let plot = try plotRect(svg, panel: panel)
      let texts = all.filter { $0.parent == group }
      let columnLabels = try columns.map { label in try #require(texts.first { $0.text == label && $0.number("y") > plot.maxY }) }
      let rowLabels = try rows.map { label in try #require(texts.first { $0.text == label }) }
      #expect(columnLabels.allSatisfy { ($0.attributes["transform"] != nil) == upright })
      let columnBoxes = columnLabels.map { Self.labelBox($0, fontSize: 11) }
      let rowBoxes = rowLabels.map { Self.labelBox($0, fontSize: 11) }
      for boxes in [columnBoxes, rowBoxes] {
        for (a, b) in zip(boxes, boxes.dropFirst()) {
          #expect(!Self.overlap(a, b), "\(a) and \(b) overlap")
        }
        for box in boxes {
          #expect(!Self.overlap(box, plot), "\(box) covers the plot \(plot)")
          #expect(box.minX >= frame.minX && box.maxX <= frame.maxX && box.maxY <= frame.maxY, "\(box) leaves \(frame)")
        }
      }
      // Every label is written at the tick size or smaller, never below 9 pixels when flat.
      let sizes = columnLabels.map { $0.attributes["font-size"].flatMap(Double.init) ?? 11 }
      #expect(sizes.allSatisfy { $0 <= 11 && (upright || $0 >= 9) })
      // The axis labels clear the tick labels.
      let xLabel = try #require(texts.first { $0.text == "hidden layers" })
      let lowest = columnBoxes.map(\.maxY).max() ?? 0
      #expect(xLabel.number("y") - 12 * 0.76 > lowest)
      let yLabel = try #require(texts.first { $0.text == "activation" })
      #expect(yLabel.number("x") + 12 * 0.24 < (rowBoxes.map(\.minX).min() ?? 0))
    }
  }

  @Test(arguments: [1, 2, 5, 8, 12])
  func squareGridsFrom1To12CellsGetSensibleSizes(n: Int) throws {
    let grid = HeatMapGrid(
      rowLabels: (1...n).map { "1e-\($0)" }, columnLabels: (1...n).map { String($0 * 10) },
      cells: (0..<n).map { row in
        (0..<n).map { column in
          let value = Double((row * 5 + column * 7) % 13) / 20
          return HeatMapGrid.Cell(value: value, text: Self.text(value))
        }
      })
    let scale = HeatMapScale(covering: [grid], direction: .lowerIsBetter, label: "loss")
    let figure = Figure.heatMaps(title: "t", description: "d", maps: [(grid, Self.labels)], scale: scale)
    let svg = try Self.svg(figure)
    try expectWellFormed(svg)
    let cells = try Self.cells(svg)
    #expect(cells.count == n * n)
    let side = cells[0].rect.width + 1.5
    #expect(cells.allSatisfy { $0.rect.width == $0.rect.height })
    // 40 to 84 pixels a cell, a 12 × 12 map 420 pixels at most.
    #expect(side >= min(40, 420 / Double(n)) && side <= 84, "\(side)")
    #expect(side * Double(n) <= max(420, 40 * Double(n)) + 1)
    #expect(figure.panelWidth < side * Double(n) + 150 && figure.panelHeight < side * Double(n) + 110)
    // The cells' text is as large as fits, 12 pixels at most, and fits across its cell.
    let size = cells[0].fontSize
    #expect(size <= 12 && size >= 8, "\(size)")
    #expect(cells.allSatisfy { TextMetrics.width($0.text, fontSize: size) <= $0.rect.width - 5.9 })
  }

  @Test func cellTextShrinksWithTheCellsAndStopsAt12Pixels() {
    #expect(HeatMapCells.fontSize(texts: ["0.123"], width: 80, height: 80) == 12)
    // 0.123 is 3 ems wide: 30 pixels less the gap (1.5) and 6 pixels of margin leave 21.
    #expect(HeatMapCells.fontSize(texts: ["0.123", "1"], width: 30, height: 30) == 7)
    #expect(HeatMapCells.fontSize(texts: ["x"], width: 80, height: 20) == 8)
  }

  @Test func hostileTextIsEscapedAndReadBackExactly() throws {
    let hostile = "<b>&\"quoted\"'</b>\n손실"
    let grid = HeatMapGrid(
      rowLabels: [hostile], columnLabels: ["a & b"],
      cells: [[HeatMapGrid.Cell(value: 0.5, text: hostile, title: hostile)]])
    let scale = HeatMapScale(covering: [grid], direction: .lowerIsBetter, label: hostile)
    let svg = try Self.svg(.heatMaps(title: hostile, description: hostile, maps: [(grid, Self.labels)], scale: scale))
    try expectWellFormed(svg)
    let cell = try #require(try Self.cells(svg).first)
    #expect(cell.text == hostile && cell.title == hostile)
    #expect(!svg.contains("<b>"))
  }

  @Test func gridsThatDoNotFitOrHoldNoNumberAreRefused() throws {
    let cell = HeatMapGrid.Cell(value: 0.5, text: "0.5")
    let scale = HeatMapScale(range: 0...1, direction: .lowerIsBetter, label: "loss")
    func draw(_ grid: HeatMapGrid, scale: HeatMapScale = scale) throws -> String {
      try Self.svg(.heatMaps(title: "t", description: "d", maps: [(grid, Self.labels)], scale: scale))
    }
    let refused: [(HeatMapGrid, String)] = [
      (HeatMapGrid(rowLabels: [], columnLabels: ["a"], cells: []), "a heat map needs at least one row and one column, not 0 × 1"),
      (HeatMapGrid(rowLabels: ["a", "b"], columnLabels: ["c"], cells: [[cell]]), "a heat map has 2 row labels for 1 rows of cells"),
      (HeatMapGrid(rowLabels: ["a", "b"], columnLabels: ["c"], cells: [[cell], [cell, cell]]), "row 2 of a heat map has 2 cells for 1 column labels"),
      (
        HeatMapGrid(rowLabels: ["a"], columnLabels: ["b", "c"], cells: [[cell, HeatMapGrid.Cell(value: .nan, text: "?")]]),
        "the value in row 1, column 2 of a heat map is nan; use nil for a cell without a value"
      ),
    ]
    for (grid, message) in refused {
      #expect(throws: ChartError(message)) { try draw(grid) }
    }
    let good = HeatMapGrid(rowLabels: ["a"], columnLabels: ["b"], cells: [[cell]])
    let infinite = HeatMapScale(range: 0...Double.infinity, direction: .lowerIsBetter, label: "loss")
    #expect(throws: ChartError("a heat map's colour scale 0.0...inf is not finite")) { try draw(good, scale: infinite) }
    let figure = Figure(title: "t", description: "d", panels: [.heatMap(good, labels: Self.labels, scale: scale)], colorScale: infinite)
    #expect(throws: ChartError.self) { try Self.svg(figure) }
  }

  @Test func aHeatMapIsTheSameBytesTwiceWithoutNonFiniteNumbers() throws {
    let first = try Self.svg(Self.lossFigure((0..<4).map { Self.grid(raise: Double($0) * 0.04) }, columns: 2))
    let second = try Self.svg(Self.lossFigure((0..<4).map { Self.grid(raise: Double($0) * 0.04) }, columns: 2))
    #expect(first == second)
    #expect(!first.contains("NaN") && !first.contains("nan") && !first.contains("inf"))
    #expect(first.contains("viewBox=\"0 0 ") && first.contains("<title id=\"h-title\">") && first.contains("<desc id=\"h-desc\">"))
  }

  @Test func contrastFollowsWCAG() {
    #expect(Color.white.relativeLuminance == 1 && Color.black.relativeLuminance == 0)
    #expect(Color.black.contrast(with: .white) == 21)
    #expect(abs(Color(0x767676).contrast(with: .white) - 4.54) < 0.01)
    #expect(Color(0x081d58).mostLegible(of: [.black, .white]) == .white)
    #expect(Color(0xedf8b1).mostLegible(of: [.black, .white]) == .black)
  }
}
