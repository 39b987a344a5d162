internal import CGraphvizLoader

extension NetworkDiagram {
  /// The font of every label: Graphviz measures text with its metrics, and SVG readers
  /// substitute a metric-compatible face (Liberation Sans, Arial).
  static let fontName = "Helvetica"

  /// The fill of each layer's circles.
  static func fill(_ layer: Layer) -> String {
    switch layer {
    case .input: "#eeeeee"
    case .hidden, .output: "#ffffff"
    case .loss: "#fdf1d6"
    }
  }

  /// The diagram as a cgraph graph built with `library`, ready for `gvLayout`, whose SVG
  /// ids all start with `idPrefix`; nil if cgraph has no memory left. The caller closes it
  /// with `library.agclose`.
  ///
  /// A weighted edge is drawn through its label: a text node named after the weight
  /// (`w11`) sits on the wire, reached by an edge without arrowhead and left by one with
  /// it. Dot puts ordinary edge labels beside their edge, and where six edges cross
  /// between the inputs and the hidden units a label cannot be told from its
  /// neighbour's; on the wire it can. Edges are drawn first, so a label's white
  /// background hides any wire that passes behind it.
  ///
  /// A short crossing minimisation (`mclimit`) keeps the hidden units in the order they
  /// were made, a1 above a2 above a3, and the two wires into each unit side by side.
  /// (`ordering=out` would do the same, but Graphviz 2.43 leaks the flat edges it adds.)
  ///
  /// A hidden unit output with a map is a fixed-size circle (`mapNodeDiameter`) whose text
  /// is an external label beside it; a dead unit has a red dashed outline.
  ///
  /// A network too large to label (`ranks` not empty) is drawn with small circles of one
  /// size, straight wires and wide gaps between layers; each layer is one rank whose units
  /// are chained top to bottom by invisible edges, so they keep their order.
  func makeGraph(idPrefix: String, library: NNLabGraphviz) -> UnsafeMutablePointer<Agraph_t>? {
    guard let cgraph = CGraph(name: "network", library: library) else { return nil }
    cgraph.declare(
      Int32(AGRAPH),
      [
        "rankdir": "LR", "outputorder": "edgesfirst", "mclimit": "0.3",
        "nodesep": "0.22", "ranksep": "0.4", "pad": "0.1", "labelloc": "t",
        "fontname": Self.fontName, "fontsize": "13",
      ])
    cgraph.declare(
      Int32(AGNODE),
      [
        "shape": "circle", "width": "0.3", "height": "0.3", "margin": "0.03",
        "style": "filled", "fillcolor": "#ffffff", "color": "#333333",
        "fontname": Self.fontName, "fontsize": "11", "fontcolor": "#000000",
      ])
    cgraph.declare(
      Int32(AGEDGE),
      [
        "arrowsize": "0.5", "arrowhead": "normal", "color": WeightStyle.neutralColor,
        "penwidth": "1", "style": "solid", "fontname": Self.fontName, "fontsize": "10",
        "fontcolor": "#333333",
      ])
    let legend = deadLegend.isEmpty ? [] : ["✕ " + deadLegend]
    cgraph.set(cgraph.graph, ["id": idPrefix, "label": LabelText.graphviz([title] + subtitle + legend)])
    if !maps.isEmpty { cgraph.set(cgraph.graph, ["forcelabels": "true"]) }

    var created: [String: UnsafeMutablePointer<Agnode_t>] = [:]
    for node in nodes {
      guard let made = cgraph.node(node.name) else { return closing(cgraph) }
      cgraph.set(
        made, ["label": LabelText.graphviz(node.lines), "fillcolor": Self.fill(node.layer)])
      created[node.name] = made
    }
    if !ranks.isEmpty {
      cgraph.set(cgraph.graph, ["ranksep": "1.3", "nodesep": "0.12", "splines": "line"])
      for node in nodes where node.layer == .hidden || node.layer == .input {
        if let made = created[node.name] {
          cgraph.set(made, ["fixedsize": "true", "width": "0.62", "fontsize": "9"])
        }
      }
    }
    for (name, _) in maps.sorted(by: { $0.key < $1.key }) {
      guard let made = created[name], let node = nodes.first(where: { $0.name == name }) else { continue }
      let diameter = LabelText.number(Self.mapNodeDiameter)
      cgraph.set(
        made,
        [
          "fixedsize": "true", "width": diameter, "height": diameter, "label": "",
          "xlabel": LabelText.graphviz(node.lines), "fontsize": "9",
        ])
    }
    for name in deadUnits {
      if let made = created[name] {
        cgraph.set(made, ["color": Self.deadColor, "penwidth": "2", "style": "filled,dashed"])
      }
    }
    for rank in ranks {
      let members = rank.compactMap { created[$0] }
      guard members.count == rank.count, let subgraph = cgraph.subgraph(holding: members)
      else { return closing(cgraph) }
      cgraph.set(subgraph, ["rank": "same"])
      for (upper, lower) in zip(members, members.dropFirst()) {
        guard let chain = cgraph.edge(from: upper, to: lower) else { return closing(cgraph) }
        cgraph.set(chain, ["style": "invis", "arrowhead": "none"])
      }
    }
    for edge in edges {
      guard let tail = created[edge.tail], let head = created[edge.head] else {
        return closing(cgraph)
      }
      let label = LabelText.graphviz(edge.lines)
      guard let weight = edge.weight else {
        guard let made = cgraph.edge(from: tail, to: head) else { return closing(cgraph) }
        cgraph.set(made, ["label": label])
        continue
      }
      let style = WeightStyle(weight: weight.value)
      let styled: KeyValuePairs<String, String> = [
        "color": style.color, "penwidth": LabelText.number(style.penWidth), "style": style.dashed ? "dashed" : "solid",
      ]
      guard !edge.lines.isEmpty else {
        guard let made = cgraph.edge(from: tail, to: head) else { return closing(cgraph) }
        cgraph.set(made, styled)
        continue
      }
      guard let wire = cgraph.node(weight.name),
        let into = cgraph.edge(from: tail, to: wire), let out = cgraph.edge(from: wire, to: head)
      else { return closing(cgraph) }
      cgraph.set(
        wire,
        [
          "shape": "plaintext", "label": label, "fontsize": "10", "fontcolor": style.color,
          "color": "#ffffff", "margin": "0.06,0.02", "width": "0", "height": "0",
        ])
      for part in [into, out] { cgraph.set(part, styled) }
      cgraph.set(into, ["arrowhead": "none", "headport": "w"])
      cgraph.set(out, ["tailport": "e"])
    }
    return cgraph.graph
  }

  /// Closes a graph that could not be completed, and returns nil.
  private func closing(_ cgraph: CGraph) -> UnsafeMutablePointer<Agraph_t>? {
    _ = cgraph.library.agclose(cgraph.graph)
    return nil
  }
}
