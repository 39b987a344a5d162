import Foundation
import Testing

@testable import SVGCharts

/// Log-scale curves, unit maps, boundary thumbnails, count maps and hover titles.
struct NewFigureKindsTests {
  static let labels = ChartLabels(title: "Update ratio", xLabel: "iteration", yLabel: "ratio")

  static func svg(_ panels: [Panel], width: Double = 420, height: Double = 320, columns: Int? = nil) throws -> String {
    try Figure(title: "t", description: "d", panels: panels, panelWidth: width, panelHeight: height, columns: columns)
      .svg(idPrefix: "f", standalone: true)
  }

  @Test(arguments: [
    (1e-5...1e-1, 200.0, [1e-5, 1e-4, 1e-3, 1e-2, 1e-1], ["10⁻⁵", "10⁻⁴", "10⁻³", "10⁻²", "10⁻¹"], 32),
    // 7.5 pixels a decade: every third power of ten, counted from 10⁰.
    (1e-8...1.0, 60.0, [1e-6, 1e-3, 1.0], ["10⁻⁶", "10⁻³", "10⁰"], 0),
    (0.1...1000.0, 250.0, [0.1, 1, 10, 100, 1000], ["10⁻¹", "10⁰", "10¹", "10²", "10³"], 32),
    (1e-12...1e2, 100.0, [1e-12, 1e-9, 1e-6, 1e-3, 1], ["10⁻¹²", "10⁻⁹", "10⁻⁶", "10⁻³", "10⁰"], 0),
  ])
  func logTicksSitAtPowersOfTen(
    limits: ClosedRange<Double>, length: Double, major: [Double], labels: [String], minorCount: Int
  ) {
    let ticks = Ticks.Logarithmic(limits, length: length, spacing: 16.5)
    #expect(ticks.major == major)
    #expect(ticks.labels == labels)
    #expect(ticks.minor.count == minorCount)
    #expect(ticks.minor.allSatisfy { limits.contains($0) && !major.contains($0) })
  }

  @Test func logLimitsAreWholeDecadesAroundThePositiveData() {
    #expect(Ticks.Logarithmic.limits(2e-4...0.03) == 1e-4...0.1)
    #expect(Ticks.Logarithmic.limits(1e-3...1e-3) == 1e-3...1e-2)
    #expect(Ticks.Logarithmic.limits(nil) == 1e-8...1)
  }

  @Test func nonPositiveAndNonFiniteValuesBreakTheLineOnALogAxis() throws {
    let points: [(x: Double, y: Double)] = [
      (1, 1e-2), (2, 1e-3), (3, 0), (4, 1e-3), (5, 1e-4), (6, -1), (7, .nan), (8, 1e-2), (9, .infinity),
    ]
    let panel = Panel.curves(
      [CurveSeries(name: "ratio", points: points, color: Color.tab10[2])], labels: Self.labels, yScale: .logarithmic)
    let svg = try Self.svg([panel])
    try expectWellFormed(svg)
    let line = try #require(try elements("path", role: "series", in: svg).first)
    // The lone point at x = 8 is a dot: a segment of length zero with round caps.
    #expect(line.subpaths.map(\.count) == [2, 2, 1])
    #expect(line.attributes["d"]?.hasSuffix("h0") == true)
    #expect(line.attributes["stroke-linecap"] == "round")
    let texts = try elements(of: svg).filter { $0.name == "text" }.map(\.text)
    #expect(texts.contains("10⁻⁴") && texts.contains("10⁻²") && texts.contains("10⁻¹") == false)
  }

  @Test func aLogAxisWithNoPositiveValueIsEmptyFrom1e8To1() throws {
    let panel = Panel.curves(
      [CurveSeries(name: "zero", points: [(1, 0), (2, -3)], color: .tabBlue)], labels: Self.labels,
      yScale: .logarithmic)
    let svg = try Self.svg([panel])
    try expectWellFormed(svg)
    #expect(try elements("path", role: "series", in: svg).isEmpty)
    let texts = try elements(of: svg).filter { $0.name == "text" }.map(\.text)
    #expect(texts.contains("10⁻⁸") && texts.contains("10⁰"))
  }

  @Test func theGuideIsADashedLineAtItsValueWithItsLabel() throws {
    let points = (1...50).map { i -> (x: Double, y: Double) in (Double(i), 0.1 / Double(i * i)) }
    let panel = Panel.curves(
      [CurveSeries(name: "w", points: points, color: .tabBlue, dashed: true)], labels: Self.labels,
      yScale: .logarithmic, guide: (1e-3, "10⁻³ target"))
    let svg = try Self.svg([panel])
    let guide = try #require(try elements("path", role: "guide", in: svg).first)
    #expect(guide.attributes["stroke-dasharray"] != nil)
    #expect(try elements("path", role: "series", in: svg).first?.attributes["stroke-dasharray"] != nil)
    // 1e-5 ... 1e-1 shown: the guide is halfway up the plot.
    let plot = try plotRect(svg)
    let y = try #require(guide.subpaths.first?.first?.y)
    #expect(abs(y - (plot.maxY - plot.height / 2)) < 0.1)
    #expect(try elements(of: svg).contains { $0.name == "text" && $0.text == "10⁻³ target" })
  }

  @Test func longSeriesAreReducedPerPixelColumn() throws {
    let points = (1...100_000).map { i -> (x: Double, y: Double) in
      let x = Double(i)
      let wobble: Double = 1e-6 * Double(i % 7)
      return (x, 1 / x + wobble)
    }
    let series = (0..<3).map { CurveSeries(name: "layer \($0 + 1)", points: points, color: Color.tab10[$0]) }
    let svg = try Self.svg([Panel.curves(series, labels: Self.labels, yScale: .logarithmic)])
    #expect(svg.utf8.count < 60_000, "\(svg.utf8.count) bytes")
    try expectWellFormed(svg)
  }

  @Test func accuracyCurvesUseAFixedLinearRange() throws {
    let points = (1...20).map { i -> (x: Double, y: Double) in (Double(i), 0.5 + Double(i) / 50) }
    let panel = Panel.curves(
      [CurveSeries(name: "train", points: points, color: .tabBlue)], labels: Self.labels, yRange: 0...1)
    let svg = try Self.svg([panel])
    let texts = try elements(of: svg).filter { $0.name == "text" }.map(\.text)
    #expect(texts.contains("0.0") && texts.contains("1.0"))
  }

  static let reluGrid = ValueGrid(x: -2...2, y: -2...2, step: 0.1) { x, y in max(0, 2 * x + y) }

  @Test func unitMapFragmentsFillTheirSquareWithOnePathPerBand() throws {
    let map = UnitMap(grid: Self.reluGrid, range: 0...6, scheme: .sequential)
    let fragment = try map.svgFragment(side: 50)
    let document = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 50 50\"><title>t</title><desc>d</desc>" + fragment + "</svg>"
    try expectWellFormed(document)
    let bands = try elements("path", role: "band", in: document)
    #expect(bands.count == 8)
    #expect(Set(bands.compactMap { $0.attributes["fill"] }).count == 8)
    let points = bands.flatMap(\.subpaths).flatMap { $0 }
    let square = -1e-9...(50 + 1e-9)
    let outside = points.filter { !(square.contains($0.x) && square.contains($0.y)) }
    #expect(outside.isEmpty, "\(outside)")
    #expect(bands.first?.subpaths == [[Point(x: 0, y: 50), Point(x: 50, y: 50), Point(x: 50, y: 0), Point(x: 0, y: 0)]])
    #expect(try map.svgFragment(side: 50) == fragment)
    #expect(throws: ChartError.self) { try map.svgFragment(side: 0) }
    #expect(throws: ChartError.self) {
      try UnitMap(grid: ValueGrid(xs: [0, 1], ys: [0, 1], values: [0, .nan, 1, 2]), range: 0...1, scheme: .sequential)
        .svgFragment(side: 10)
    }
  }

  @Test func divergingMapsAreSymmetricAroundZero() {
    let map = UnitMap(grid: Self.reluGrid, range: -0.5...2, scheme: .diverging)
    #expect(map.levels.first == -2 && map.levels.last == 2 && map.levels[5] == 0)
    #expect(map.colors[4] == UnitMap.neutral.mixed(with: UnitMap.negative, 0.1))
    #expect(map.colors[5] == UnitMap.neutral.mixed(with: UnitMap.positive, 0.1))
    let dead = UnitMap(grid: Self.reluGrid, range: 0...0, scheme: .sequential)
    #expect(dead.levels.first == 0 && dead.levels.last == 1)
  }

  @Test func unitMapsMakeSmallMultiples() throws {
    let maps = (0..<6).map { unit in
      Panel.unitMap(
        UnitMap(grid: Self.reluGrid, range: 0...Double(unit + 1), scheme: .sequential),
        labels: ChartLabels(title: "z1_\(unit + 1)", xLabel: "", yLabel: ""))
    }
    let svg = try Self.svg(maps, width: 100, height: 100, columns: 3)
    try expectWellFormed(svg)
    #expect(try elements(of: svg).filter { $0.name == "text" }.map(\.text) == (1...6).map { "z1_\($0)" })
    #expect(try elements("path", role: "ticks", in: svg).isEmpty)
  }

  static func thumbnail(_ k: Int) -> Panel {
    let grid = ProbabilityGrid(x: -2...2, y: -2...2, step: 0.1) { x, y in
      1 / (1 + exp(-Double(k + 1) * (y + 1 - x * x * Double(k) / 5)))
    }
    return .boundaryThumbnail(grid, title: "iteration \(k * 100) · loss 0.\(60 - 9 * k)")
  }

  @Test(arguments: 0..<6)
  func aBoundaryThumbnailStaysUnder4KB(k: Int) throws {
    let svg = try Self.svg([Self.thumbnail(k)], width: 180, height: 160)
    #expect(svg.utf8.count < 4096, "\(svg.utf8.count) bytes")
    try expectWellFormed(svg)
    #expect(try elements("path", role: "boundary", in: svg).count == 1)
    #expect(try elements("g", role: "points", in: svg).isEmpty)
    #expect(try elements("g", role: "colorbar", in: svg).isEmpty)
  }

  static let iterations = ["0", "10", "100", "1000"]
  static let edges = [0.0, 0.25, 0.5, 0.75, 1]
  static let counts = [[3, 0, 0, 0], [1, 2, 0, 0], [0, 0, 17, 0], [0, 0, 0, 40]]

  static func countMap(counts: [[Int]] = counts, columns: [String] = iterations) -> Panel {
    .countMap(
      columns: columns, rowEdges: edges, counts: counts,
      labels: ChartLabels(title: "z1", xLabel: "iteration", yLabel: "z1"), colorBarLabel: "points"
    ) { column in
      "iteration \(columns[column]): "
        + counts[column].indices.filter { counts[column][$0] > 0 }
        .map { "\(edges[$0]) to \(edges[$0 + 1]): \(counts[column][$0])" }.joined(separator: ", ")
    }
  }

  @Test func everyColumnTellsItsExactCounts() throws {
    let svg = try Self.svg([Self.countMap()], width: 480)
    try expectWellFormed(svg)
    let all = try elements(of: svg)
    let hover = all.indices.filter { all[$0].name == "rect" && all[$0 + 1].name == "title" }
    #expect(
      hover.map { all[$0 + 1].text } == [
        "iteration 0: 0.0 to 0.25: 3", "iteration 10: 0.0 to 0.25: 1, 0.25 to 0.5: 2",
        "iteration 100: 0.5 to 0.75: 17", "iteration 1000: 0.75 to 1.0: 40",
      ])
    #expect(hover.allSatisfy { all[$0].attributes["fill-opacity"] == "0" }, "hover areas are invisible")
    // One path per colour band, on a square-root scale of the largest count (40).
    let cells = try elements("g", role: "cells", in: svg)
    #expect(cells.count == 1)
    let fills = all.filter { $0.name == "path" && $0.attributes["fill"] != nil && $0.attributes["d"] != nil }
      .compactMap { $0.attributes["fill"] }
    #expect(fills.contains(try Panel.countPalette[7].svgValue()), "the largest count is darkest")
    #expect(!fills.contains(try Panel.countPalette[0].svgValue()), "no count is as pale as zero")
    let texts = all.filter { $0.name == "text" }.map(\.text)
    #expect(texts.contains("1000") && texts.contains("points"))
    #expect(try Self.svg([Self.countMap()], width: 480) == svg)
  }

  @Test func countMapsRefuseCountsThatDoNotFit() throws {
    #expect(throws: ChartError.self) { try Self.svg([Self.countMap(counts: [[1, 2, 3]] + Self.counts.dropFirst())]) }
    #expect(throws: ChartError.self) { try Self.svg([Self.countMap(columns: ["0", "10"])]) }
    #expect(throws: ChartError.self) { try Self.svg([Self.countMap(counts: [[-1, 0, 0, 0]] + Self.counts.dropFirst())]) }
  }

  @Test func scatterPointsWithTitlesShowThemOnHover() throws {
    let points = [
      ScatterPoint(x: 0, y: 0, color: .blue, title: "point 1 <class 0>"),
      ScatterPoint(x: 1, y: 1, color: .yellow),
    ]
    let svg = try Self.svg([.scatter(points, labels: Self.labels, legend: [])])
    try expectWellFormed(svg)
    #expect(svg.contains("<circle cx=\"") && svg.contains("><title>point 1 &lt;class 0&gt;</title></circle>"))
    let untitled = try Self.svg([.scatter(points.map { ScatterPoint(x: $0.x, y: $0.y, color: $0.color) }, labels: Self.labels, legend: [])])
    #expect(!untitled.contains("<title>point") && untitled.contains("r=\"3.5\"/>"))
  }

  @Test func everyNewKindIsTheSameBytesTwice() throws {
    func all() throws -> String {
      let curve = Panel.curves(
        [CurveSeries(name: "a", points: [(1, 0.1), (2, 0.01)], color: Color.tab10[3])], labels: Self.labels,
        yScale: .logarithmic, guide: (1e-3, "g"))
      let map = Panel.unitMap(UnitMap(grid: Self.reluGrid, range: 0...6, scheme: .sequential), labels: Self.labels)
      return try Self.svg([curve, map, Self.thumbnail(3), Self.countMap()], width: 300, height: 240)
    }
    let first = try all()
    #expect(try all() == first)
    #expect(!first.contains("NaN") && !first.contains("nan") && !first.contains("inf"))
    try expectWellFormed(first)
  }
}
