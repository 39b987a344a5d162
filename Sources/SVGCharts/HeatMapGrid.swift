/// The numbers of a heat map: one value per pair of two categorical settings, such as the
/// final test loss of every learning rate (rows) with every batch size (columns).
///
/// Rows run top to bottom and columns left to right in the order given; `cells[row][column]`
/// is the cell of `rowLabels[row]` and `columnLabels[column]`. The caller writes each cell's
/// text (so a report formats its numbers its own way) and, optionally, a hover title with
/// the case's full name and exact value. Nothing is checked until the figure is drawn: then
/// a grid without rows or columns, a row of the wrong length, or a NaN or infinite value
/// makes `Figure.svg` throw.
public struct HeatMapGrid: Sendable, Equatable {
  /// One cell of a heat map: its value, the text written in it, and its hover title.
  public struct Cell: Sendable, Equatable {
    /// The value that colours the cell, or nil when there is none (a run that diverged): such
    /// a cell is drawn grey and hatched, whatever the scale.
    public var value: Double?
    /// The text written in the middle of the cell, exactly as given.
    public var text: String
    /// Text a browser shows when the pointer rests on the cell (its `<title>`), or nil.
    public var title: String?

    /// A cell coloured by `value` (none when nil), reading `text`, titled `title` on hover.
    public init(value: Double?, text: String, title: String? = nil) {
      self.value = value
      self.text = text
      self.title = title
    }

    /// A cell without a value, reading `text` (an en dash by default), titled `title`.
    public static func missing(text: String = "–", title: String? = nil) -> Cell {
      Cell(value: nil, text: text, title: title)
    }
  }

  /// The rows' category names, top to bottom (the values of one setting: "0.01", "0.1").
  public var rowLabels: [String]
  /// The columns' category names, left to right (the values of another: "relu", "tanh").
  public var columnLabels: [String]
  /// `cells[row][column]`: one row per row label, each with one cell per column label.
  public var cells: [[Cell]]

  /// A grid of `cells[row][column]` with rows named `rowLabels` (top first) and columns
  /// named `columnLabels` (left first).
  public init(rowLabels: [String], columnLabels: [String], cells: [[Cell]]) {
    self.rowLabels = rowLabels
    self.columnLabels = columnLabels
    self.cells = cells
  }

  /// The cells' values that are not nil, row by row.
  var values: [Double] {
    cells.flatMap { $0.compactMap(\.value) }
  }

  /// Checks that the grid can be drawn.
  /// - Throws: `ChartError` for a grid without rows or columns, a row whose cells do not
  ///   match the column labels, rows that do not match the row labels, or a value that is
  ///   not finite (naming its row and column).
  func validate() throws(ChartError) {
    guard !rowLabels.isEmpty, !columnLabels.isEmpty else {
      throw ChartError(
        "a heat map needs at least one row and one column, not \(rowLabels.count) × \(columnLabels.count)")
    }
    guard cells.count == rowLabels.count else {
      throw ChartError("a heat map has \(rowLabels.count) row labels for \(cells.count) rows of cells")
    }
    for (row, rowCells) in cells.enumerated() {
      guard rowCells.count == columnLabels.count else {
        throw ChartError(
          "row \(row + 1) of a heat map has \(rowCells.count) cells for \(columnLabels.count) column labels")
      }
      for (column, cell) in rowCells.enumerated() {
        if let value = cell.value, !value.isFinite {
          throw ChartError(
            "the value in row \(row + 1), column \(column + 1) of a heat map is \(value); use nil for a cell without a value"
          )
        }
      }
    }
  }
}
