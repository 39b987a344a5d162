extension Panel {
  /// The colours of a count map's bands, from a pale blue (few) to a dark blue (many).
  static let countPalette: [Color] = (0..<8).map { Color(0xdbe9f6).mixed(with: Color(0x08306b), Double($0) / 7) }

  /// Counts of values per bin over a sequence of categories (a heat map), such as a unit's
  /// activations at each checkpoint of a run.
  ///
  /// `columns` name the categories left to right (the x tick labels, thinned when they
  /// would touch); `rowEdges` are the increasing bin edges on the y axis, so row `r` spans
  /// `rowEdges[r]...rowEdges[r + 1]`; `counts[column][row]` is the count of each cell. A
  /// cell with a count is coloured by it in eight bands from 0 to the largest count, spaced
  /// by the square root so that a few points stand out beside a pile (explained by a colour
  /// bar labelled `colorBarLabel`); an empty cell is left blank. Each column carries a
  /// `<title>` (shown on hover) with the text `columnTitle(column)`: the caller words it,
  /// usually with the column's exact counts. Drawing throws a `ChartError` when the counts
  /// do not match the columns and rows, an edge is not finite or not increasing, or a
  /// count is negative.
  public static func countMap(
    columns: [String], rowEdges: [Double], counts: [[Int]], labels: ChartLabels, colorBarLabel: String,
    columnTitle: (_ column: Int) -> String
  ) -> Panel {
    let largest = max(1, counts.lazy.compactMap { $0.max() }.max() ?? 1)
    let steps = Double(countPalette.count)
    let levels = (0...countPalette.count).map { Double(largest) * (Double($0) / steps) * (Double($0) / steps) }
    // Columns beyond the names make drawing throw; they are never described.
    let cells = CountCells(
      columnNames: columns.count, rowEdges: rowEdges, counts: counts, titles: counts.indices.filter { $0 < columns.count }.map(columnTitle),
      levels: levels, colors: countPalette)
    let colorBar = ColorBar(
      levels: levels, colors: countPalette, label: colorBarLabel, markedLevel: nil, markStyle: PathStyle(),
      integerTicks: true)
    return Panel(axes: Axes(labels: labels, artists: [cells], colorBar: colorBar, xCategories: columns))
  }
}
