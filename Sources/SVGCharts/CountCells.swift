/// A grid of counts drawn as coloured cells: columns are categories at x = 0, 1, ...,
/// rows are value bins between `rowEdges` on the y axis.
///
/// Each cell with a count above zero is a rectangle coloured by the band of `levels` its
/// count falls in, with a `<title>` from `titles[column][row]`; empty cells are not drawn.
struct CountCells: Artist {
  /// The number of column names the caller gave, which must match `counts`.
  var columnNames: Int
  var rowEdges: [Double]
  /// `counts[column][row]`.
  var counts: [[Int]]
  var titles: [[String]]
  var levels: [Double]
  var colors: [Color]

  func dataBounds() throws(ChartError) -> DataBounds? {
    guard columnNames == counts.count else {
      throw ChartError("a count map has \(columnNames) column names for \(counts.count) columns of counts")
    }
    guard rowEdges.count >= 2 else {
      throw ChartError("a count map needs at least 2 row edges, not \(rowEdges.count)")
    }
    for (a, b) in zip(rowEdges, rowEdges.dropFirst()) where !(a < b) || !a.isFinite || !b.isFinite {
      throw ChartError("a count map's row edges must be finite and increasing, but \(a) is followed by \(b)")
    }
    for (column, cells) in counts.enumerated() {
      guard cells.count == rowEdges.count - 1 else {
        throw ChartError(
          "column \(column + 1) of a count map has \(cells.count) counts for \(rowEdges.count - 1) rows")
      }
      if let row = cells.firstIndex(where: { $0 < 0 }) {
        throw ChartError("the count in column \(column + 1), row \(row + 1) is \(cells[row]); counts cannot be negative")
      }
    }
    guard !counts.isEmpty, let bottom = rowEdges.first, let top = rowEdges.last else { return nil }
    let right = Double(counts.count) - 0.5
    return DataBounds(x: -0.5...right, y: bottom...top, stickyX: [-0.5, right], stickyY: [bottom, top])
  }

  func marks(in transform: AxesTransform) throws(ChartError) -> [Mark] {
    _ = try dataBounds()
    var cells: [Mark] = []
    for (column, rows) in counts.enumerated() {
      let left = transform.x.pixel(Double(column) - 0.5)
      let right = transform.x.pixel(Double(column) + 0.5)
      for (row, count) in rows.enumerated() where count > 0 {
        let top = transform.y.pixel(rowEdges[row + 1])
        let bottom = transform.y.pixel(rowEdges[row])
        let band = max(0, min(colors.count - 1, (levels.lastIndex { Double(count) >= $0 } ?? 0)))
        let rect = Rect(x: left, y: top, width: right - left, height: bottom - top)
        cells.append(.rect(rect, cornerRadius: 0, PathStyle(fill: colors[band]), title: titles[column][row]))
      }
    }
    return [.group(GroupStyle(role: "cells"), cells)]
  }
}
