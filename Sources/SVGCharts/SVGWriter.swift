import SafeText

/// The one renderer: writes elements and marks as SVG text.
///
/// Every attribute value and every text node goes through `SafeText.escaped` (`& < > " '`,
/// line breaks and tabs as character references, forbidden characters as U+FFFD); every
/// number is fixed-point (`FixedPoint`), so a NaN or an infinity is thrown, never written.
struct SVGWriter {
  /// The document so far.
  private(set) var text = ""

  /// Writes `string` verbatim; for the XML declaration only.
  mutating func raw(_ string: String) {
    text += string
  }

  /// Writes a start tag.
  mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
    text += "<\(name)\(Self.attributeText(attributes))>\n"
  }

  /// Writes an end tag.
  mutating func close(_ name: String) {
    text += "</\(name)>\n"
  }

  /// Writes an empty element.
  mutating func leaf(_ name: String, _ attributes: [(String, String)]) {
    text += "<\(name)\(Self.attributeText(attributes))/>\n"
  }

  /// Writes an empty element, or one whose only child is a `<title>` holding `title`.
  mutating func titled(_ name: String, _ attributes: [(String, String)], title: String?) {
    guard let title else { return leaf(name, attributes) }
    text += "<\(name)\(Self.attributeText(attributes))><title>\(SafeText.escaped(title))</title></\(name)>\n"
  }

  /// Writes an element holding `content` as escaped text.
  mutating func element(_ name: String, _ attributes: [(String, String)], content: String) {
    text += "<\(name)\(Self.attributeText(attributes))>\(SafeText.escaped(content))</\(name)>\n"
  }

  /// Writes `mark` as SVG elements.
  mutating func write(_ mark: Mark) throws(ChartError) {
    switch mark {
    case .path(let polylines, let style):
      var data = PathData()
      for polyline in polylines {
        try data.add(polyline)
      }
      guard !data.text.isEmpty else { return }
      leaf("path", try Self.styleAttributes(style) + [("d", data.text)])
    case .circles(let centers, let radius, let style, let titles):
      guard !centers.isEmpty else { return }
      open("g", try Self.styleAttributes(style))
      let r = try Self.number(radius)
      for (index, center) in centers.enumerated() {
        let attributes = [("cx", try Self.number(center.x)), ("cy", try Self.number(center.y)), ("r", r)]
        titled("circle", attributes, title: index < titles.count ? titles[index] : nil)
      }
      close("g")
    case .rect(let rect, let cornerRadius, let style, let title):
      var attributes = try Self.geometry(of: rect)
      if cornerRadius > 0 { attributes.append(("rx", try Self.number(cornerRadius))) }
      titled("rect", attributes + (try Self.styleAttributes(style)), title: title)
    case .text(let mark):
      var attributes = [("x", try Self.number(mark.position.x)), ("y", try Self.number(mark.position.y))]
      if let size = mark.fontSize { attributes.append(("font-size", try Self.number(size))) }
      if let anchor = mark.anchor { attributes.append(("text-anchor", anchor.rawValue)) }
      if mark.bold { attributes.append(("font-weight", "600")) }
      if mark.rotation != 0 {
        let angle = try Self.number(mark.rotation)
        attributes.append(("transform", "rotate(\(angle) \(attributes[0].1) \(attributes[1].1))"))
      }
      element("text", attributes, content: mark.text)
    case .clipPath(let id, let rect):
      open("clipPath", [("id", id)])
      leaf("rect", try Self.geometry(of: rect))
      close("clipPath")
    case .group(let style, let marks):
      var attributes: [(String, String)] = []
      if let role = style.role { attributes.append(("class", role)) }
      attributes += style.data.map { ("data-\($0.name)", $0.value) }
      if let id = style.clipID { attributes.append(("clip-path", "url(#\(id))")) }
      if let size = style.fontSize { attributes.append(("font-size", try Self.number(size))) }
      if let anchor = style.anchor { attributes.append(("text-anchor", anchor.rawValue)) }
      if let fill = style.fill { attributes.append(("fill", try fill.svgValue())) }
      open("g", attributes)
      if let title = style.title { element("title", [], content: title) }
      for mark in marks {
        try write(mark)
      }
      close("g")
    }
  }

  /// `value` with one decimal at most: the precision of every length in a figure.
  static func number(_ value: Double) throws(ChartError) -> String {
    try FixedPoint.format(value, decimals: 1)
  }

  private static func geometry(of rect: Rect) throws(ChartError) -> [(String, String)] {
    [
      ("x", try number(rect.x)), ("y", try number(rect.y)),
      ("width", try number(rect.width)), ("height", try number(rect.height)),
    ]
  }

  private static func styleAttributes(_ style: PathStyle) throws(ChartError) -> [(String, String)] {
    var attributes: [(String, String)] = []
    if let role = style.role { attributes.append(("class", role)) }
    attributes.append(("fill", try style.fill?.svgValue() ?? "none"))
    if style.fillOpacity < 1 {
      attributes.append(("fill-opacity", try FixedPoint.format(style.fillOpacity, decimals: 2)))
    }
    if let stroke = style.stroke {
      attributes.append(("stroke", try stroke.svgValue()))
      attributes.append(("stroke-width", try FixedPoint.format(style.strokeWidth, decimals: 2)))
      if style.rounded {
        attributes += [("stroke-linejoin", "round"), ("stroke-linecap", "round")]
      }
      if style.dashed {
        let dash = try FixedPoint.format(style.strokeWidth * 3.5, decimals: 1)
        let gap = try FixedPoint.format(style.strokeWidth * 2.5, decimals: 1)
        attributes.append(("stroke-dasharray", "\(dash) \(gap)"))
      }
    }
    return attributes
  }

  private static func attributeText(_ attributes: [(String, String)]) -> String {
    attributes.map { " \($0.0)=\"\(SafeText.escaped($0.1))\"" }.joined()
  }
}
