import Foundation
import NetworkDiagram
import SVGCharts
import TestSupport
import Testing
import TinyNet

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The network diagram with each hidden unit's map drawn inside its output node, dead
/// units marked, and full-precision hover titles.
struct UnitMapDiagramTests {
  /// The side of the square the fragments are drawn in.
  static let side = 60.0

  /// Unit `unit`'s relu output over the seed's square, for `parameters` of the 2-3-1 network.
  static func unitMap(_ parameters: Parameters, unit: Int) throws -> NetworkDiagram.UnitMapFragment {
    let names = parameters.shape.parameterNames
    func value(_ name: String) throws -> Double {
      parameters.values[try #require(names.firstIndex(of: name))]
    }
    let (b, w1, w2) = (try value("b1\(unit)"), try value("w1\(unit)"), try value("w2\(unit)"))
    let grid = ValueGrid(x: -2...2, y: -2...2, step: 0.2) { x, y in max(0, b + w1 * x + w2 * y) }
    let map = UnitMap(grid: grid, range: 0...(grid.values.max() ?? 1), scheme: .sequential)
    return NetworkDiagram.UnitMapFragment(svg: try map.svgFragment(side: side), side: side)
  }

  /// The seed lab's first diagram with maps on z1, z2 and z3, z2 marked dead.
  static func diagram() throws -> NetworkDiagram {
    var diagram = NetworkDiagram.network(
      parameters: .notebookFirstDiagram, sample: Fixtures.sample(.notebookFirstDiagram), options: Fixtures.relu,
      title: "Initial network", hoverValues: true)
    for unit in 1...3 {
      try diagram.attachMap(try unitMap(.notebookFirstDiagram, unit: unit), to: "z\(unit)")
    }
    try diagram.markDead(["z2"], legend: "dead unit: 0 on every training point")
    return diagram
  }

  @Test func eachMapLiesInsideItsNodesEllipse() throws {
    let diagram = try Self.diagram()
    let svg = try GraphvizRenderer.shared.render(diagram, idPrefix: "maps").svg
    let nodes = try DiagramNodes(svg, hoverTexts: diagram.hoverTexts)
    for unit in 1...3 {
      let node = try #require(nodes.byName["z\(unit)"])
      let ellipse = try #require(node.ellipse)
      let map = try #require(node.mapTransform, "z\(unit) has no map")
      let (x0, y0) = (map.translateX, map.translateY)
      let (x1, y1) = (x0 + map.scale * Self.side, y0 + map.scale * Self.side)
      // The map's square is the largest one centred in the circle's box, inside its outline.
      #expect(abs((x0 + x1) / 2 - ellipse.cx) < 0.02)
      #expect(abs((y0 + y1) / 2 - ellipse.cy) < 0.02)
      #expect(x0 >= ellipse.cx - ellipse.rx && x1 <= ellipse.cx + ellipse.rx)
      #expect(y0 >= ellipse.cy - ellipse.ry && y1 <= ellipse.cy + ellipse.ry)
      #expect(x1 - x0 > 1.8 * ellipse.rx - 2, "the map fills the node")
      // It is clipped to the node's own ellipse, less half the outline.
      let clip = try #require(node.clip)
      #expect(abs(clip.cx - ellipse.cx) < 0.01 && abs(clip.cy - ellipse.cy) < 0.01)
      #expect(abs(clip.rx - (ellipse.rx - 0.5)) < 0.01 && abs(clip.ry - (ellipse.ry - 0.5)) < 0.01)
      #expect(Array(node.order.prefix(3)) == ["ellipse", "clipPath", "g"], "map right over the fill")
      #expect(node.order.last == "text", "the node's text comes after the map")
    }
    #expect(nodes.byName["a1"]?.mapTransform == nil)
  }

  @Test func mapsAreLargeEnoughToRead() throws {
    let diagram = try Self.diagram()
    let svg = try GraphvizRenderer.shared.render(diagram, idPrefix: "maps").svg
    let ellipse = try #require(try DiagramNodes(svg, hoverTexts: diagram.hoverTexts).byName["z1"]?.ellipse)
    // Graphviz rounds a node's size to whole points.
    #expect(abs(ellipse.rx - 72 * 0.85 / 2) < 0.2)
    #expect(abs(ellipse.ry - 72 * 0.85 / 2) < 0.2)
  }

  @Test func deadUnitsHaveACrossAnOutlineAndALegendLine() throws {
    let diagram = try Self.diagram()
    let svg = try GraphvizRenderer.shared.render(diagram, idPrefix: "maps").svg
    let nodes = try DiagramNodes(svg, hoverTexts: diagram.hoverTexts)
    #expect(nodes.byName["z2"]?.deadMark == true)
    #expect(nodes.byName["z1"]?.deadMark == false)
    #expect(nodes.byName["z2"]?.ellipseStroke == "#b2182b")
    let document = try #require(SVGDocument(svg))
    #expect(document.texts.contains("✕ dead unit: 0 on every training point"))
  }

  @Test func hoverTitlesCarryFullPrecisionValues() throws {
    let diagram = try Self.diagram()
    let svg = try GraphvizRenderer.shared.render(diagram, idPrefix: "maps").svg
    let nodes = try DiagramNodes(svg, hoverTexts: diagram.hoverTexts)
    let parameters = Parameters.notebookFirstDiagram
    let names = parameters.shape.parameterNames
    let w12 = parameters.values[try #require(names.firstIndex(of: "w12"))]
    #expect(nodes.titles.contains("w12 = \(w12)"))
    let sample = Fixtures.sample(.notebookFirstDiagram)
    #expect(nodes.titles.contains("z1 = \(sample.hidden[0][0].z)"))
    #expect(nodes.titles.contains("loss = \(sample.loss) (n = 100)"))
    // The two edges of weight w12 (into and out of its label) and the label itself.
    #expect(nodes.titles.filter { $0 == "w12 = \(w12)" }.count == 3)
    // The loss is not written with two decimals here, but in full.
    #expect(String(describing: sample.loss).count > 6)
  }

  @Test func hostileHoverTextStaysText() throws {
    var diagram = Fixtures.initial
    let hostile = "</title><script>alert('x')</script> & \"q\"\nline 2"
    diagram.hoverTexts = ["z1": hostile, "w11": hostile]
    let svg = try GraphvizRenderer.shared.render(diagram, idPrefix: "hostile").svg
    let lint = try xmllint(svg)
    #expect(lint.status == 0, "\(lint.messages)")
    let titles = try DiagramNodes(svg, hoverTexts: diagram.hoverTexts).titles
    #expect(titles.filter { $0 == hostile }.count == 4)
    #expect(!svg.contains("<script>"))
  }

  @Test func withoutMapsOrHoverTextsTheDiagramIsUnchanged() throws {
    let diagram = NetworkDiagram.network(
      parameters: .notebookFirstDiagram, sample: Fixtures.sample(.notebookFirstDiagram), options: Fixtures.relu,
      title: "Initial network")
    #expect(diagram == Fixtures.initial)
    let svg = try GraphvizRenderer.shared.render(diagram, idPrefix: "plain").svg
    #expect(!svg.contains("unit-map") && !svg.contains("dead-unit"))
  }

  @Test func aDiagramWithMapsIsValidSmallAndTheSameEveryTime() throws {
    let first = try GraphvizRenderer.shared.render(try Self.diagram(), idPrefix: "maps")
    let second = try GraphvizRenderer.shared.render(try Self.diagram(), idPrefix: "maps")
    #expect(first == second)
    #expect(first.svg.utf8.count < 60_000, "\(first.svg.utf8.count) bytes")
    for text in [first.svg, first.inlineSVG] {
      let lint = try xmllint(text)
      #expect(lint.status == 0 && lint.messages.isEmpty, "\(lint.messages)")
    }
    #expect(!first.svg.contains("NaN") && !first.svg.contains("inf"))
  }

  @Test func mapsFitTheLargerNetworksNodes() throws {
    // Too many weights to label: one circle per unit (z1_1 ... z2_3).
    let shape = try NetworkShape(features: [.x1, .x2], hidden: [6, 3])
    #expect(!NetworkDiagram.labelsParameters(of: shape))
    let parameters = Parameters(shape: shape, values: (0..<shape.parameterCount).map { sin(Double($0)) })
    let trace = ForwardTrace(points: Fixtures.data.train, parameters: parameters, options: Fixtures.relu)
    var diagram = NetworkDiagram.network(
      parameters: parameters, sample: DiagramSample(trace: trace, points: Fixtures.data.train, index: 0),
      options: Fixtures.relu, title: "Two layers", hoverValues: true)
    let grid = ValueGrid(x: -2...2, y: -2...2, step: 0.25) { x, y in tanh(x - y) }
    let fragment = NetworkDiagram.UnitMapFragment(
      svg: try UnitMap(grid: grid, range: -1...1, scheme: .diverging).svgFragment(side: Self.side), side: Self.side)
    for unit in ["z1_1", "z1_6", "z2_3"] {
      try diagram.attachMap(fragment, to: unit)
    }
    let svg = try GraphvizRenderer.shared.render(diagram, idPrefix: "deep").svg
    let nodes = try DiagramNodes(svg, hoverTexts: diagram.hoverTexts)
    for unit in ["z1_1", "z1_6", "z2_3"] {
      let node = try #require(nodes.byName[unit])
      let ellipse = try #require(node.ellipse)
      let map = try #require(node.mapTransform)
      #expect(abs(map.translateX + map.scale * Self.side / 2 - ellipse.cx) < 0.02)
      #expect(abs(map.translateY + map.scale * Self.side / 2 - ellipse.cy) < 0.02)
    }
    #expect(nodes.titles.contains("z2_3 = \(DiagramSample(trace: trace, points: Fixtures.data.train, index: 0).hidden[1][2].z)\nb2_3 = \(parameters.values[shape.biasIndex(layer: 1, unit: 2)])"))
    #expect(try xmllint(svg).status == 0)
  }

  @Test func onlyHiddenUnitOutputsTakeMapsOrDeadMarks() throws {
    var diagram = Fixtures.initial
    let fragment = NetworkDiagram.UnitMapFragment(svg: "<g/>", side: 10)
    #expect(throws: GraphvizError.self) { try diagram.attachMap(fragment, to: "a1") }
    #expect(throws: GraphvizError.self) { try diagram.attachMap(fragment, to: "x1") }
    #expect(throws: GraphvizError.self) {
      try diagram.attachMap(NetworkDiagram.UnitMapFragment(svg: "<g/>", side: 0), to: "z1")
    }
    #expect(throws: GraphvizError.self) { try diagram.markDead(["loss"], legend: "dead") }
    #expect(diagram == Fixtures.initial)
  }
}

/// The node groups of a Graphviz SVG, with what the overlays added to them.
struct DiagramNodes {
  struct Ellipse { var cx, cy, rx, ry: Double }
  struct MapTransform: Equatable { var translateX, translateY, scale: Double }
  struct Node {
    var ellipse: Ellipse?
    var ellipseStroke: String?
    var clip: Ellipse?
    var mapTransform: MapTransform?
    var deadMark = false
    /// The names of the node group's children after its title.
    var order: [String] = []
  }

  var byName: [String: Node] = [:]
  /// Every `<title>` text of nodes and edges.
  var titles: [String] = []

  private init() {}

  /// Reads `svg`, naming each node by its title, or by the key of its title in `hoverTexts`.
  init(_ svg: String, hoverTexts: [String: String] = [:]) throws {
    let names = Dictionary(hoverTexts.map { ($0.value, $0.key) }, uniquingKeysWith: min)
    final class Collector: NSObject, XMLParserDelegate {
      var result = DiagramNodes()
      var collectorNames: [String: String] = [:]
      var depth = 0
      var groupDepth: Int?
      var name: String?
      var node = Node()
      var inClip = false
      var title: String?
      func ellipse(_ a: [String: String]) -> Ellipse? {
        guard let cx = a["cx"].flatMap(Double.init), let cy = a["cy"].flatMap(Double.init),
          let rx = a["rx"].flatMap(Double.init), let ry = a["ry"].flatMap(Double.init)
        else { return nil }
        return Ellipse(cx: cx, cy: cy, rx: rx, ry: ry)
      }
      func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes a: [String: String] = [:]
      ) {
        depth += 1
        if element == "g", a["class"] == "node" || a["class"] == "edge" {
          groupDepth = depth
          name = nil
          node = Node()
        }
        if element == "title", groupDepth != nil { title = "" }
        guard let group = groupDepth else { return }
        if depth == group + 1, element != "title" { node.order.append(element) }
        if element == "clipPath" { inClip = true }
        if element == "ellipse" {
          if inClip { node.clip = ellipse(a) } else if node.ellipse == nil {
            node.ellipse = ellipse(a)
            node.ellipseStroke = a["stroke"]
          }
        }
        if element == "path", a["class"] == "dead-unit" { node.deadMark = true }
        if element == "g", let transform = a["transform"], transform.hasPrefix("translate(") {
          let numbers = transform.split(whereSeparator: { "() ".contains($0) || $0.isLetter }).compactMap { Double($0) }
          if numbers.count == 3 {
            node.mapTransform = MapTransform(translateX: numbers[0], translateY: numbers[1], scale: numbers[2])
          }
        }
      }
      func parser(_ parser: XMLParser, foundCharacters string: String) {
        title? += string
      }
      func parser(
        _ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?
      ) {
        if element == "title", let text = title {
          result.titles.append(text)
          if name == nil { name = collectorNames[text] ?? text }
          title = nil
        }
        if element == "clipPath" { inClip = false }
        if depth == groupDepth {
          if let name { result.byName[name] = node }
          groupDepth = nil
        }
        depth -= 1
      }
    }
    let parser = XMLParser(data: Data(svg.utf8))
    let collector = Collector()
    collector.collectorNames = names
    parser.delegate = collector
    guard parser.parse() else { throw GraphvizError(operation: "parse the test's SVG", message: "not XML") }
    self = collector.result
  }
}
