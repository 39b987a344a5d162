import Testing
import TinyNet

@testable import NetworkDiagram

/// Edge colour by a weight's sign, dash for negative weights, width by its size.
@Suite struct WeightStyleTests {
  typealias Style = NetworkDiagram.WeightStyle

  /// Which hue a `#rrggbb` colour reads as: "blue", "red", "grey", or "other".
  static func hue(_ hex: String) -> String {
    guard hex.count == 7, hex.first == "#", let value = Int(hex.dropFirst(), radix: 16) else { return "other" }
    let (red, green, blue) = (value >> 16, (value >> 8) & 0xff, value & 0xff)
    if red == green && green == blue { return "grey" }
    if blue > red + 64 && blue > green + 32 { return "blue" }
    if red > green + 64 && red > blue + 64 { return "red" }
    return "other"
  }

  @Test func theThreeColoursAreBlueRedAndGrey() {
    #expect(Self.hue(Style.positiveColor) == "blue", "\(Style.positiveColor)")
    #expect(Self.hue(Style.negativeColor) == "red", "\(Style.negativeColor)")
    #expect(Self.hue(Style.neutralColor) == "grey", "\(Style.neutralColor)")
  }

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
    var weights = 0
    for (name, value) in zip(NetworkShape.notebook.parameterNames, trained.values) where name.hasPrefix("w") {
      weights += 1
      let wires = graph.edges.filter { $0.tail == name || $0.head == name }
      #expect(wires.count == 2)
      for wire in wires {
        #expect(Self.hue(wire.attributes["color"] ?? "") == (value < 0 ? "red" : "blue"), "\(name)")
        #expect(wire.attributes["style"] == (value < 0 ? "dashed" : "solid"), "\(name)")
      }
    }
    #expect(weights == 9)
  }

  /// The legend printed under every diagram tells what the drawn edges show: each claim it
  /// makes is read from the legend and checked against the edges of a rendered network
  /// with positive and negative weights.
  @Test func theLegendDescribesTheEdgesAsDrawn() throws {
    let legend = NetworkDiagram.colorLegend
    let trained = Fixtures.caseTwo
    let diagram = NetworkDiagram.network(
      parameters: trained, sample: Fixtures.sample(trained), options: Fixtures.relu, title: "Case 2")
    let rendered = try GraphvizRenderer.shared.render(diagram, idPrefix: "legend")
    #expect(SVGDocument(rendered.svg)?.descriptions.first?.contains(legend) == true)
    let graph = try GraphvizRenderer.shared.read(dot: rendered.dot)

    // "<colour> <solid|dashed> for positive / negative": as the wires of such weights are drawn.
    var widths: [(size: Double, width: Double)] = []
    for (name, value) in zip(NetworkShape.notebook.parameterNames, trained.values) where name.hasPrefix("w") {
      let sign = value < 0 ? "negative" : "positive"
      let claim = try #require(
        legend.firstMatch(of: try Regex("(blue|red|grey) (solid|dashed) for \(sign)")), "no claim for \(sign)")
      for wire in graph.edges where wire.tail == name || wire.head == name {
        #expect(Self.hue(wire.attributes["color"] ?? "") == String(claim.output[1].substring ?? ""), "\(name)")
        #expect(wire.attributes["style"] == claim.output[2].substring.map(String.init), "\(name)")
        widths.append((abs(value), Double(wire.attributes["penwidth"] ?? "") ?? .nan))
      }
    }
    #expect(widths.count == 18)
    // "grey for ... a fixed function (activation, sigmoid, loss)".
    #expect(legend.contains("grey for zero or for a fixed function"))
    let fixed = graph.edges.filter { ["a1", "a2", "a3", "ay", "y"].contains($0.tail) }
    #expect(fixed.count == 5)
    for edge in fixed { #expect(Self.hue(edge.attributes["color"] ?? "") == "grey", "\(edge.tail)->\(edge.head)") }
    // "width grows with the weight's size |w|": a larger weight is never drawn thinner.
    let bySize = widths.sorted { $0.size < $1.size }
    for (smaller, larger) in zip(bySize, bySize.dropFirst()) {
      #expect(smaller.width <= larger.width, "|w| \(smaller.size) drawn \(smaller.width), |w| \(larger.size) drawn \(larger.width)")
    }
    // "and stops growing at |w| = s": s and more all get the widest pen, just under s does not.
    let stated = try #require(legend.firstMatch(of: /stops growing at \|w\| = ([0-9]+(?:\.[0-9]+)?)/), "no saturation in the legend")
    let saturation = try #require(Double(stated.output.1))
    #expect(Style(weight: saturation * 0.95).penWidth < Style(weight: saturation).penWidth)
    #expect(Style(weight: saturation).penWidth == Style(weight: saturation * 10).penWidth)
    #expect(Style(weight: -saturation).penWidth == Style(weight: saturation).penWidth)
  }
}
