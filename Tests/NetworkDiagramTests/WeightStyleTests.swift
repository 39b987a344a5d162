import Testing
import TinyNet

@testable import NetworkDiagram

/// Edge colour by a weight's sign, dash for negative weights, width by its size.
@Suite struct WeightStyleTests {
  typealias Style = NetworkDiagram.WeightStyle

  @Test func signSetsColourAndDash() {
    #expect(Style(weight: 0.4).color == Style.positiveColor)
    #expect(!Style(weight: 0.4).dashed)
    #expect(Style(weight: -0.4).color == Style.negativeColor)
    #expect(Style(weight: -0.4).dashed)
    for neutral in [0.0, -0.0, .nan, .infinity] {
      #expect(Style(weight: neutral).color == Style.neutralColor)
      #expect(Style(weight: neutral).penWidth == Style.thinnest)
    }
  }

  @Test func widthGrowsWithSizeUpToTheWidest() {
    let widths = [0.1, 0.5, 1.0, 1.5, 2.0].map { Style(weight: $0).penWidth }
    #expect(widths == widths.sorted() && Set(widths).count == widths.count)
    #expect(Style(weight: 2).penWidth == Style.widest)
    #expect(Style(weight: 50).penWidth == Style.widest)
    #expect(Style(weight: -1.2).penWidth == Style(weight: 1.2).penWidth)
  }

  @Test func aTrainedNetworkDrawsNegativeWeightsRedAndDashed() throws {
    let trained = Fixtures.caseTwo
    let (w23, w33) = (try #require(trained["w23"]), try #require(trained["w33"]))
    #expect(w23 < 0 && w33 < 0)
    let diagram = NetworkDiagram.network(
      parameters: trained, sample: Fixtures.sample(trained), options: Fixtures.relu, title: "Case 2"
    )
    let graph = try GraphvizRenderer.shared.read(
      dot: GraphvizRenderer.shared.render(diagram, idPrefix: "case2").dot)
    for (name, value) in zip(Parameters.names, trained.values) where name.hasPrefix("w") {
      let wires = graph.edges.filter { $0.tail == name || $0.head == name }
      #expect(wires.count == 2)
      for wire in wires {
        #expect(wire.attributes["color"] == (value < 0 ? Style.negativeColor : Style.positiveColor))
        #expect(wire.attributes["style"] == (value < 0 ? "dashed" : "solid"))
      }
    }
  }

  @Test func legendNamesEveryEncoding() {
    for word in ["blue", "red", "dashed", "width"] {
      #expect(NetworkDiagram.colorLegend.contains(word))
    }
  }
}
