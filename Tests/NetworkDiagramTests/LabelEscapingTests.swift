import Testing
import TinyNet

@testable import NetworkDiagram

/// A title from an experiment file is drawn literally: no DOT, Graphviz-escape or SVG
/// injection.
@Suite struct LabelEscapingTests {
  static let hostile = [
    #"Say "hi" \N \G \n \l \r \\ \"#,
    "<script>alert(1)</script> & &amp; &#60; ]]> é 한국어",
    "}]; digraph x { evil -> node",
  ].joined(separator: "\n")

  let rendered: RenderedDiagram
  let document: SVGDocument

  init() throws {
    let diagram = NetworkDiagram.network(
      parameters: .notebookFirstDiagram, sample: Fixtures.sample(.notebookFirstDiagram),
      options: Fixtures.relu, title: Self.hostile)
    rendered = try GraphvizRenderer.shared.render(diagram, idPrefix: "hostile")
    document = try #require(SVGDocument(rendered.svg))
  }

  @Test func titleComesOutLiterallyInTheSVG() {
    #expect(document.titles.first == Self.hostile)
    let lines = Self.hostile.split(separator: "\n").map(String.init)
    #expect(Array(document.texts.prefix(3)) == lines)
  }

  @Test func dotReadsBackToTheSameLabel() throws {
    let graph = try GraphvizRenderer.shared.read(dot: rendered.dot)
    let subtitle = "values of point 0 (class 1), relu"
    #expect(graph.attributes["label"] == LabelText.graphviz([Self.hostile, subtitle]))
    #expect(graph.nodes.count == 20)
    #expect(!graph.nodes.contains { $0.name == "evil" })
  }

  @Test func passesXmllint() throws {
    for svg in [rendered.svg, rendered.inlineSVG] {
      let result = try xmllint(svg)
      #expect(result.status == 0, "\(result.messages)")
    }
  }

  @Test func graphvizEscapesAreDoubledAndEntitiesDefused() {
    #expect(LabelText.graphviz([#"a\Nb"#]) == #"a\\Nb"#)
    #expect(LabelText.graphviz(["&lt;"]) == "&amp;lt;")
    #expect(LabelText.graphviz(["one\ntwo", "three"]) == #"one\ntwo\nthree"#)
    #expect(LabelText.graphviz(["tab\there"]) == "tab here")
  }

  @Test func charactersXMLCannotHoldBecomeReplacementCharacters() throws {
    #expect(LabelText.graphviz(["a\u{1B}b"]) == "a\u{FFFD}b")
    let diagram = NetworkDiagram.network(
      parameters: .notebookFirstDiagram, sample: Fixtures.sample(.notebookFirstDiagram),
      options: Fixtures.relu, title: "bell\u{7} and escape\u{1B}, next line\u{85} & <end>")
    let svg = try GraphvizRenderer.shared.render(diagram, idPrefix: "control").svg
    let parsed = try #require(SVGDocument(svg))
    #expect(parsed.titles.first == "bell\u{FFFD} and escape\u{FFFD}, next line\u{FFFD} & <end>")
    // U+0085 is a line break in a Graphviz label, as every other newline is.
    #expect(Array(parsed.texts.prefix(2)) == ["bell\u{FFFD} and escape\u{FFFD}, next line", " & <end>"])
  }

  @Test func numbersPrintLikePythonsFormatWithoutNegativeZero() {
    #expect(LabelText.number(0.125) == "0.12")
    #expect(LabelText.number(-1.5) == "-1.50")
    #expect(LabelText.number(-0.001) == "0.00")
    #expect(LabelText.number(-0.0004, decimals: 3) == "0.000")
    #expect(LabelText.number(0.0261, decimals: 3) == "0.026")
    #expect(LabelText.number(.nan) == "n/a")
    #expect(LabelText.number(-.infinity) == "n/a")
  }
}
