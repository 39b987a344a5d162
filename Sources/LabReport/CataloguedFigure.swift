/// One figure or diagram of a report as the notes kits list it: where its files are and
/// the words the report gives it.
struct CataloguedFigure: Sendable, Equatable {
  /// The folder in the report: `figures` for charts, `graphs` for diagrams.
  var folder: String
  /// The file name without extension, also the LaTeX label (`fig:<name>`).
  var name: String
  /// The SVG's `<title>`.
  var title: String
  /// The report's caption, or the title where the report gives the file none.
  var caption: String
  /// What the figure shows, for readers who cannot see it: the SVG's `<desc>`.
  var altText: String

  /// The file's path in the report folder in `format`, such as `figures/data-set.png`.
  func path(_ format: FigureFormat) -> String { "\(folder)/\(name).\(format.rawValue)" }
}
