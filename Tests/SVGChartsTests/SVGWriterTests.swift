import Testing

@testable import SVGCharts

/// The SVG writer and the document every figure shares: escaping, number formatting, ids,
/// and the elements a document must have.
struct SVGWriterTests {
  @Test(arguments: [
    (1e-5, 2, "0"), (-0.001, 2, "0"), (-0.0, 1, "0"), (2.5, 0, "3"), (-2.5, 0, "-3"),
    (1_234_567.891, 2, "1234567.89"), (0.1 + 0.2, 3, "0.3"), (12.0, 1, "12"), (-0.26, 1, "-0.3"),
  ])
  func numbersAreFixedPoint(value: Double, decimals: Int, expected: String) throws {
    #expect(try FixedPoint.format(value, decimals: decimals) == expected)
  }

  @Test func untrimmedNumbersKeepTheirDecimals() throws {
    #expect(try FixedPoint.format(1.5, decimals: 2, trimmed: false) == "1.50")
    #expect(try FixedPoint.format(-0.0001, decimals: 1, trimmed: false) == "0.0")
  }

  @Test(arguments: [Double.nan, .infinity, -.infinity, 1e300])
  func numbersThatCannotBeWrittenThrow(value: Double) {
    #expect(throws: ChartError.self) { try FixedPoint.format(value, decimals: 1) }
  }

  @Test func pathDataIsCompactAndRelative() throws {
    var path = PathData()
    try path.add(
      Polyline(
        points: [
          Point(x: 10.04, y: 20), Point(x: 10.54, y: 19.4), Point(x: 10.53, y: 19.42), Point(x: 12, y: 21),
        ],
        closed: true))
    try path.move(to: Point(x: 0.5, y: -0.25))
    #expect(path.text == "M10 20l.5-.6 1.5 1.6zM.5-.3")
  }

  @Test func pathDataRefusesNonFiniteCoordinates() {
    var path = PathData()
    #expect(throws: ChartError.self) { try path.move(to: Point(x: .nan, y: 0)) }
    #expect(throws: ChartError.self) { try path.line(to: Point(x: 0, y: .infinity)) }
  }

  @Test func charactersXMLForbidsBecomeReplacementCharacters() throws {
    let figure = Figure(
      title: "a\u{0}b\u{7}c\u{1B}d\u{7F}e\u{85}f\u{FFFE}g\u{FFFF}", description: "손실 λ 😀",
      panels: Self.figure.panels)
    let svg = try figure.svg(idPrefix: "x", standalone: true)
    try expectWellFormed(svg)
    #expect(svg.contains(">a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f\u{FFFD}g\u{FFFD}</title>"))
    #expect(svg.contains(">손실 λ 😀</desc>"))
  }

  @Test func coloursAreWrittenAsHex() throws {
    #expect(try Color.blue.svgValue() == "#00f")
    #expect(try Color.salmon.svgValue() == "#fa8072")
    #expect(try Color(hex: "#ABC").svgValue() == "#abc")
    #expect(try Color(hex: "1f77b4").svgValue() == "#1f77b4")
    #expect(try Color(red: 255, green: 128, blue: 0).svgValue() == "#ff8000")
  }

  @Test(arguments: ["red", "#12345", "#12345g", "", "+fffff"])
  func textThatIsNotAColourThrowsWhenWritten(text: String) {
    let panel = Panel.scatter(
      [ScatterPoint(x: 0, y: 0, color: Color(hex: text))],
      labels: ChartLabels(title: "", xLabel: "", yLabel: ""),
      legend: [])
    let figure = Figure(title: "t", description: "d", panels: [panel])
    #expect(throws: ChartError.self) { try figure.svg(idPrefix: "f", standalone: true) }
  }

  static let figure = Figure(
    title: "Loss", description: "Train and test loss.",
    panels: [
      .lossCurve(
        train: [0.7, 0.6, 0.5], test: [0.72, 0.65, 0.6],
        labels: ChartLabels(title: "Loss", xLabel: "x", yLabel: "y"),
        trainName: "train", testName: "test")
    ])

  @Test func aStandaloneDocumentHasTheDeclarationAndEverythingRequired() throws {
    let svg = try Self.figure.svg(idPrefix: "loss-", standalone: true)
    #expect(
      svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
    let root = try #require(try elements(of: svg).first)
    #expect(root.attributes["viewBox"] == "0 0 420 320")
    #expect(root.attributes["width"] == "420")
    #expect(root.attributes["height"] == "320")
    #expect(try elements(of: svg).contains { $0.name == "title" && $0.text == "Loss" })
    #expect(try elements(of: svg).contains { $0.name == "desc" && $0.text == "Train and test loss." })
    try expectWellFormed(svg)
  }

  /// The xmllint check the figure tests rely on can fail.
  @Test func theWellFormednessCheckRejectsBrokenXML() throws {
    let result = try xmllint(#"<svg xmlns="http://www.w3.org/2000/svg"><g></svg>"#)
    #expect(result.status != 0)
    #expect(result.output.contains("mismatch"), "\(result.output)")
  }

  @Test func anInlineDocumentIsJustTheSVGElement() throws {
    let svg = try Self.figure.svg(idPrefix: "loss-", standalone: false)
    #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"420\" height=\"320\" viewBox="))
    #expect(svg.hasSuffix("</svg>\n"))
  }

  @Test func everyIdStartsWithThePrefixAndEveryReferenceResolves() throws {
    let figure = Figure(title: "t", description: "d", panels: [Self.figure.panels[0], Self.figure.panels[0]])
    let svg = try figure.svg(idPrefix: "fig2.", standalone: false)
    let ids = try elements(of: svg).compactMap { $0.attributes["id"] }
    #expect(ids.count == 4)
    #expect(ids.allSatisfy { $0.hasPrefix("fig2.") })
    #expect(Set(ids).count == ids.count)
    let references = try elements(of: svg).compactMap { $0.attributes["clip-path"] }
    #expect(references.count == 2)
    for reference in references {
      #expect(ids.contains(String(reference.dropFirst(5).dropLast())))
    }
  }

  @Test(arguments: ["1abc", "a b", "a<b", "-x", "é"])
  func unusableIdPrefixesThrow(prefix: String) {
    #expect(throws: ChartError.self) { try Self.figure.svg(idPrefix: prefix, standalone: true) }
  }

  @Test func panelsTooSmallOrMissingThrow() {
    let tiny = Figure(
      title: "t", description: "d", panels: Self.figure.panels, panelWidth: 100, panelHeight: 320)
    #expect(throws: ChartError.self) { try tiny.svg(idPrefix: "a", standalone: true) }
    let empty = Figure(title: "t", description: "d", panels: [])
    #expect(throws: ChartError.self) { try empty.svg(idPrefix: "a", standalone: true) }
  }

  @Test func hostileTextIsEscapedEverywhereAndStillValid() throws {
    let hostile = "<script>alert(\"x\")</script> & 'quoted'\nsecond line"
    let labels = ChartLabels(title: hostile, xLabel: hostile, yLabel: hostile)
    let figure = Figure(
      title: hostile, description: hostile,
      panels: [
        .lossCurve(train: [1, 0.5], test: [1.1, 0.6], labels: labels, trainName: hostile, testName: "t&t"),
        .scatter(
          [ScatterPoint(x: 0, y: 0, color: .blue)], labels: labels,
          legend: [LegendEntry(label: hostile, color: .blue)]),
      ], panelWidth: 600)
    let svg = try figure.svg(idPrefix: "x", standalone: true)
    try expectWellFormed(svg)
    #expect(!svg.contains("<script"))
    #expect(
      svg.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;&#10;second line")
    )
    let texts = try elements(of: svg).filter { $0.name == "text" || $0.name == "title" }.map(\.text)
    #expect(texts.filter { $0 == hostile }.count == 9)
  }
}
