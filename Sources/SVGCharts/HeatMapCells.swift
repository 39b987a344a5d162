/// A heat map's cells: column `c` at x = c, row `r` (top first) at y = rows - 1 - r, each a
/// unit square coloured by its value on a shared scale, with the caller's text in it.
///
/// Every cell is one group `<g class="cell" data-row="r" data-column="c">` (counted from 0,
/// row-major, top row first, which is also their order in the document) holding its
/// `<title>` when it has one, its `<rect>` and its `<text>`, whose content is exactly the
/// cell's text. A cell without a value is a pale grey rectangle hatched by a
/// `<path class="hatch">`. Text is black on light cells and white on dark ones, whichever
/// contrasts more (at least 4.5 : 1 on any colour of the scale, WCAG's AA level), in one size
/// for the whole map: the largest up to 12 pixels that fits every text across its cell.
struct HeatMapCells: Artist {
  var grid: HeatMapGrid
  var scale: HeatMapScale

  /// The space between neighbouring cells, in pixels, left white.
  static let gap = 1.5
  /// The fill of a cell without a value, and its hatching.
  static let missingFill = Color(0xf0f0f0)
  static let hatchColor = Color(0xc4c4c4)
  /// The text colour of a cell without a value: grey, at a contrast above 6:1 on its fill.
  static let missingText = Color(0x595959)
  /// The distance between hatch lines, measured along a cell's edge.
  static let hatchSpacing = 6.0
  /// The largest size of a cell's text.
  static let largestFontSize = Theme.labelFontSize

  /// The side of a cell a figure makes room for: wide enough for the widest text at
  /// `largestFontSize` and for the widest column label side by side (where that takes no
  /// more than 84 pixels), at least 40 pixels, and at most 420 pixels over the longer side
  /// of the grid but never under 28.
  static func preferredSide(_ grid: HeatMapGrid) -> Double {
    let texts = grid.cells.flatMap { $0.map { TextMetrics.width($0.text, fontSize: largestFontSize) } }
    var side = max(40, (texts.max() ?? 0) + 2 * gap + 10)
    let columnLabels = grid.columnLabels.map { TextMetrics.width($0, fontSize: Theme.tickFontSize) + 8 }
    if let widest = columnLabels.max(), widest <= 84 { side = max(side, widest) }
    let longest = Double(max(grid.rowLabels.count, grid.columnLabels.count, 1))
    return min(side, max(28, 420 / longest)).rounded(.up)
  }

  func dataBounds() throws(ChartError) -> DataBounds? {
    try grid.validate()
    try scale.validate()
    let right = Double(grid.columnLabels.count) - 0.5
    let top = Double(grid.rowLabels.count) - 0.5
    return DataBounds(x: -0.5...right, y: -0.5...top, stickyX: [-0.5, right], stickyY: [-0.5, top])
  }

  /// The size of every cell's text in cells `width` × `height` pixels: at most
  /// `largestFontSize`, at most 40% of the height, and small enough that the widest text
  /// leaves 3 pixels free each side.
  static func fontSize(texts: [String], width: Double, height: Double) -> Double {
    let widest = texts.map { TextMetrics.width($0, fontSize: 1) }.max() ?? 0
    var size = min(largestFontSize, height * 0.4)
    if widest > 0 { size = min(size, (width - 2 * gap - 6) / widest) }
    return max(size, 1)
  }

  func marks(in transform: AxesTransform) throws(ChartError) -> [Mark] {
    _ = try dataBounds()
    let rows = grid.rowLabels.count
    let left = transform.x.pixel(-0.5)
    let width = transform.x.pixel(0.5) - left
    let height = transform.y.pixel(-0.5) - transform.y.pixel(0.5)
    let fontSize = Self.fontSize(texts: grid.cells.flatMap { $0.map(\.text) }, width: width, height: height)
    var cells: [Mark] = []
    for (row, rowCells) in grid.cells.enumerated() {
      let top = transform.y.pixel(Double(rows - row) - 0.5)
      for (column, cell) in rowCells.enumerated() {
        let area = Rect(x: left + width * Double(column), y: top, width: width, height: height)
        let box = area.outset(by: -Self.gap / 2)
        var marks: [Mark]
        let textColor: Color
        if let value = cell.value {
          let fill = scale.color(for: value)
          textColor = fill.mostLegible(of: [.black, .white])
          marks = [.rect(box, cornerRadius: 0, PathStyle(fill: fill))]
        } else {
          textColor = Self.missingText
          marks = [
            .rect(box, cornerRadius: 0, PathStyle(fill: Self.missingFill)),
            .path(Self.hatch(box), PathStyle(stroke: Self.hatchColor, strokeWidth: 1, role: "hatch")),
          ]
        }
        let baseline = Point(x: area.midX, y: area.midY + fontSize * 0.36)
        marks.append(.text(TextMark(text: cell.text, position: baseline)))
        let style = GroupStyle(
          fill: textColor, role: "cell", data: [("row", String(row)), ("column", String(column))], title: cell.title)
        cells.append(.group(style, marks))
      }
    }
    return [.group(GroupStyle(fontSize: fontSize, anchor: .middle, role: "heat-map"), cells)]
  }

  /// Parallel lines rising to the right across `box`, `hatchSpacing` apart along its edges,
  /// each clipped to the box.
  static func hatch(_ box: Rect) -> [Polyline] {
    var lines: [Polyline] = []
    // A line rising to the right is x - (maxY - y) = k; across the box k runs from
    // minX - height to maxX.
    var k = box.minX - box.height + hatchSpacing / 2
    while k < box.maxX {
      let start = Point(x: max(k, box.minX), y: box.maxY - max(0, box.minX - k))
      let endX = min(k + box.height, box.maxX)
      let end = Point(x: endX, y: box.maxY - (endX - k))
      lines.append(Polyline(points: [start, end], closed: false))
      k += hatchSpacing
    }
    return lines
  }
}
