/// One SVG document: panels side by side, in rows of at most `columns`.
///
/// Writing a figure is deterministic: the same figure gives the same bytes, with no
/// timestamps, scripts or external references. Every document has `width`, `height`, a
/// `viewBox`, a `<title>` and a `<desc>`, and its ids all begin with the caller's prefix.
public struct Figure: Sendable {
  /// The document's title (`<title>`: shown as a tooltip and read by screen readers).
  public var title: String
  /// What the figure shows, in a sentence or two (`<desc>`).
  public var description: String
  public var panels: [Panel]
  /// The width of each panel in pixels.
  public var panelWidth: Double
  /// The height of each panel in pixels.
  public var panelHeight: Double
  /// The most panels in one row; later panels start new rows below.
  public var columns: Int
  /// The scale shared by the figure's heat maps, explained by one colour bar right of all
  /// panels (from the top of the first row's plots to the bottom of the last row's), or nil.
  public var colorScale: HeatMapScale?

  /// The smallest panel size a figure accepts, in pixels.
  public static let minimumPanelSize = (width: 80.0, height: 80.0)
  /// The largest panel size a figure accepts, in pixels, in either direction.
  public static let maximumPanelSize = 10_000.0

  /// A figure showing `panels` left to right, each `panelWidth` × `panelHeight` pixels, in
  /// rows of at most `columns` (all in one row by default), with a colour bar for
  /// `colorScale` at the right when it is given.
  public init(
    title: String, description: String, panels: [Panel], panelWidth: Double = 420, panelHeight: Double = 320,
    columns: Int? = nil, colorScale: HeatMapScale? = nil
  ) {
    self.title = title
    self.description = description
    self.panels = panels
    self.panelWidth = panelWidth
    self.panelHeight = panelHeight
    self.columns = max(columns ?? panels.count, 1)
    self.colorScale = colorScale
  }

  /// The figure as SVG text.
  ///
  /// - Parameters:
  ///   - idPrefix: The start of every id in the document, so several figures can be inlined
  ///     in one HTML page: empty, or a letter or `_` followed by letters, digits, `-`, `_`, `.`.
  ///   - standalone: true for a file of its own (an XML declaration first); false for an
  ///     `<svg>` element to inline in HTML5. Both carry the SVG namespace.
  /// - Throws: `ChartError` for an unusable id prefix, no panels, a panel size below
  ///   `minimumPanelSize`, data that cannot be drawn (NaN, infinity, an invalid grid), or a
  ///   colour scale whose range is not finite.
  public func svg(idPrefix: String, standalone: Bool) throws(ChartError) -> String {
    let document = try document(idPrefix: idPrefix)
    return standalone ? document.standalone : document.element
  }

  /// The figure drawn once, as a file's text and as an element to inline.
  /// - Throws: as `svg(idPrefix:standalone:)`.
  public func document(idPrefix: String) throws(ChartError) -> SVGDocument {
    try Self.checkIDPrefix(idPrefix)
    guard !panels.isEmpty else {
      throw ChartError("a figure needs at least one panel")
    }
    let (minimumWidth, minimumHeight) = Self.minimumPanelSize
    guard (minimumWidth...Self.maximumPanelSize).contains(panelWidth),
      (minimumHeight...Self.maximumPanelSize).contains(panelHeight)
    else {
      throw ChartError(
        "a panel of \(panelWidth) × \(panelHeight) pixels cannot be drawn: it needs at least "
          + "\(minimumWidth) × \(minimumHeight) and at most \(Self.maximumPanelSize) each way")
    }
    let columnCount = min(columns, panels.count)
    let rowCount = (panels.count + columnCount - 1) / columnCount
    var drawn: [Mark] = []
    var plots: [Rect] = []
    for (index, panel) in panels.enumerated() {
      let frame = Rect(
        x: panelWidth * Double(index % columnCount), y: panelHeight * Double(index / columnCount),
        width: panelWidth, height: panelHeight)
      let (marks, plot) = try panel.axes.marks(in: frame, clipID: "\(idPrefix)plot\(index + 1)")
      drawn.append(.group(GroupStyle(role: "panel"), marks))
      plots.append(plot)
    }
    var figureWidth = panelWidth * Double(columnCount)
    if let colorScale, let top = plots.map(\.minY).min(), let bottom = plots.map(\.maxY).max() {
      try colorScale.validate()
      let colorBar = colorScale.colorBar
      // The bar starts 6 pixels right of the last column, clear of every panel's texts.
      let span = Rect(x: figureWidth + 6 - ColorBar.gap, y: top, width: 0, height: bottom - top)
      drawn += try colorBar.marks(beside: span)
      figureWidth = span.maxX + (try colorBar.width(height: span.height)) + 4
    }
    let width = try SVGWriter.number(figureWidth)
    let height = try SVGWriter.number(panelHeight * Double(rowCount))
    var writer = SVGWriter()
    writer.open(
      "svg",
      [
        ("xmlns", "http://www.w3.org/2000/svg"), ("width", width), ("height", height),
        ("viewBox", "0 0 \(width) \(height)"), ("role", "img"),
        ("aria-labelledby", "\(idPrefix)title \(idPrefix)desc"), ("font-family", Theme.fontFamily),
      ])
    writer.element("title", [("id", "\(idPrefix)title")], content: title)
    writer.element("desc", [("id", "\(idPrefix)desc")], content: description)
    writer.leaf("rect", [("width", "100%"), ("height", "100%"), ("fill", "#fff")])
    for mark in drawn {
      try writer.write(mark)
    }
    writer.close("svg")
    return SVGDocument(element: writer.text)
  }

  private static func checkIDPrefix(_ prefix: String) throws(ChartError) {
    let allowed = prefix.unicodeScalars.enumerated().allSatisfy { index, scalar in
      switch scalar {
      case "a"..."z", "A"..."Z", "_": true
      case "0"..."9", "-", ".": index > 0
      default: false
      }
    }
    guard allowed else {
      throw ChartError(
        "the id prefix \"\(prefix)\" cannot start an XML id: use a letter or _ followed by letters, digits, -, _ or ."
      )
    }
  }
}
