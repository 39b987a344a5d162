import Testing
import TinyNet

@testable import NetworkDiagram

/// Cell 11 of the notebook: `graph(params, result)` for the first parameters, point 0.
@Suite struct InitialNetworkTests {
  let rendered: RenderedDiagram
  let document: SVGDocument

  init() throws {
    rendered = try GraphvizRenderer.shared.render(Fixtures.initial, idPrefix: "initial")
    document = try #require(SVGDocument(rendered.svg))
  }

  @Test func everyNodeIsDrawnWithItsValues() {
    let nodes = ["x1", "x2", "a1", "a2", "a3", "z1", "z2", "z3", "ay", "y", "loss"]
    for node in nodes { #expect(document.titles.contains(node), "no node \(node)") }
    // Point 0 of the seed's training set through the first diagram's parameters.
    for text in [
      "x1=-0.78", "x2=0.91", "a1=0.48", "a2=0.49", "a3=-0.35", "z1=0.48", "z2=0.49",
      "z3=0.00", "ay=0.63", "ŷ=0.65", "y=1", "loss=0.66",
    ] {
      #expect(document.texts.contains(text), "no text \(text)")
    }
  }

  @Test func everyWeightAndBiasIsLabelled() {
    for text in [
      "w11=0.20", "w12=0.30", "w13=0.80", "w21=0.70", "w22=0.80", "w23=0.30",
      "w31=0.80", "w32=0.50", "w33=0.20", "b11=0.00", "b12=0.00", "b13=0.00", "b21=0.00",
    ] {
      #expect(document.texts.contains(text), "no label \(text)")
    }
  }

  @Test func unitsAreDrawnInOrderFromTheTop() throws {
    let y = document.nodeCenters
    for layer in [["x1", "x2"], ["a1", "a2", "a3"], ["z1", "z2", "z3"]] {
      let centres = try layer.map { try #require(y[$0]) }
      #expect(centres == centres.sorted(), "\(layer) out of order")
    }
  }

  @Test func activationAndOutputFunctionsLabelTheirEdges() {
    #expect(document.texts.filter { $0 == "relu" }.count == 3)
    #expect(document.texts.contains("sigmoid"))
  }

  @Test func dotReadsBackToTheSameNodesAndEdges() throws {
    let graph = try GraphvizRenderer.shared.read(dot: rendered.dot)
    let weights = NetworkShape.notebook.parameterNames.filter { $0.hasPrefix("w") }
    #expect(Set(graph.nodes.map(\.name)) == Set(Fixtures.initial.nodes.map(\.name) + weights))
    var expected: Set<String> = ["ay->y", "y->loss"]
    for j in 1...3 {
      expected.formUnion([
        "x1->w1\(j)", "w1\(j)->a\(j)", "x2->w2\(j)", "w2\(j)->a\(j)", "a\(j)->z\(j)",
        "z\(j)->w3\(j)", "w3\(j)->ay",
      ])
    }
    #expect(graph.edges.count == expected.count)
    #expect(Set(graph.edges.map { "\($0.tail)->\($0.head)" }) == expected)
    for node in Fixtures.initial.nodes {
      let read = try #require(graph.nodes.first { $0.name == node.name })
      #expect(read.attributes["label"] == node.lines.joined(separator: "\\n"))
      #expect(read.attributes["shape"] == "circle")
      #expect(read.attributes["fontsize"] == "11")
    }
    #expect(graph.attributes["rankdir"] == "LR")
  }

  @Test func svgCarriesTitleDescriptionAndViewBox() {
    #expect(document.root == "svg")
    #expect(document.children.prefix(2) == ["title", "desc"])
    #expect(document.titles.first == "Initial network")
    #expect(document.descriptions.first?.contains(NetworkDiagram.colorLegend) == true)
    #expect(document.rootAttributes["viewBox"]?.split(separator: " ").count == 4)
  }

  @Test func inlineSVGIsTheSameElementWithoutPrologOrComments() throws {
    #expect(rendered.svg.hasPrefix("<?xml"))
    #expect(rendered.inlineSVG.hasPrefix("<svg "))
    for absent in ["<?xml", "<!DOCTYPE", "<!--"] { #expect(!rendered.inlineSVG.contains(absent)) }
    let inline = try #require(SVGDocument(rendered.inlineSVG))
    #expect(inline.texts == document.texts)
    #expect(inline.ids == document.ids)
  }

  /// The xmllint check the diagram tests rely on can fail.
  @Test func xmllintRejectsABrokenDocument() throws {
    let broken = rendered.svg.replacingOccurrences(of: "</svg>", with: "")
    try #require(broken != rendered.svg)
    let result = try xmllint(broken)
    #expect(result.status != 0)
    #expect(!result.messages.isEmpty)
  }

  @Test func bothSVGsPassXmllint() throws {
    for svg in [rendered.svg, rendered.inlineSVG] {
      let result = try xmllint(svg)
      #expect(result.status == 0, "\(result.messages)")
    }
  }
}
