/// A grid of counts drawn as coloured cells: columns are categories at x = 0, 1, ...,
/// rows are value bins between `rowEdges` on the y axis.
///
/// Each cell with a count above zero is a rectangle coloured by the band of `levels` its
/// count falls in (one path per band); empty cells are not drawn. Over each column lies an
/// invisible rectangle whose `<title>`, `titles[column]`, browsers show on hover: one text
/// per column keeps the file small however many cells there are.
struct CountCells: Artist {
  /// The number of column names the caller gave, which must match `counts`.
  var columnNames: Int
  var rowEdges: [Double]
  /// `counts[column][row]`.
  var counts: [[Int]]
  var titles: [String]
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

  /// The colour band of a count above zero.
  private func band(_ count: Int) -> Int {
    max(0, min(colors.count - 1, levels.lastIndex { Double(count) >= $0 } ?? 0))
  }

  func marks(in transform: AxesTransform) throws(ChartError) -> [Mark] {
    _ = try dataBounds()
    var bands = [[Polyline]](repeating: [], count: colors.count)
    var hover: [Mark] = []
    let plot = transform.plot
    for (column, rows) in counts.enumerated() {
      let left = transform.x.pixel(Double(column) - 0.5)
      let right = transform.x.pixel(Double(column) + 0.5)
      // Neighbouring cells of one band make one rectangle.
      var row = 0
      while row < rows.count {
        guard rows[row] > 0 else {
          row += 1
          continue
        }
        let band = self.band(rows[row])
        var end = row + 1
        while end < rows.count, rows[end] > 0, self.band(rows[end]) == band { end += 1 }
        let top = transform.y.pixel(rowEdges[end])
        let bottom = transform.y.pixel(rowEdges[row])
        let corners = [Point(x: left, y: top), Point(x: right, y: top), Point(x: right, y: bottom), Point(x: left, y: bottom)]
        bands[band].append(Polyline(points: corners, closed: true))
        row = end
      }
      if column < titles.count {
        let area = Rect(x: left, y: plot.minY, width: right - left, height: plot.maxY - plot.minY)
        hover.append(.rect(area, cornerRadius: 0, PathStyle(fill: .black, fillOpacity: 0), title: titles[column]))
      }
    }
    let cells = bands.indices.filter { !bands[$0].isEmpty }.map { Mark.path(bands[$0], PathStyle(fill: colors[$0])) }
    return [.group(GroupStyle(role: "cells"), cells), .group(GroupStyle(role: "column-titles"), hover)]
  }
}
