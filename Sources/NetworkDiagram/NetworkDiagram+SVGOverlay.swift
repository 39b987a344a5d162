import SafeText

extension NetworkDiagram {
  /// Where Graphviz put a node, in the coordinates of the SVG's graph group (points, y
  /// downwards: Graphviz writes its y-up layout coordinates negated inside a group whose
  /// `transform` moves them onto the page).
  struct NodePlacement: Sendable, Equatable {
    var x: Double
    var y: Double
    /// Half the node's width and height.
    var rx: Double
    var ry: Double
  }

  /// The nodes whose layout position the overlays need: those with a map or marked dead.
  var placedNodes: [String] {
    (maps.keys.sorted() + deadUnits.filter { maps[$0] == nil }.sorted())
  }

  /// Graphviz's SVG with the diagram's hover texts as the `<title>` of nodes and edges, the
  /// maps drawn inside their nodes and the crosses on dead units.
  ///
  /// Graphviz writes each node and edge as a `<g class="node">` or `<g class="edge">` whose
  /// first child is a `<title>` naming it (`z1`, `x1->w11:w`), then its shape (`<ellipse>`
  /// for a circle), then its text. A hover text replaces the name in the `<title>`; a map
  /// goes right after the node's ellipse (over its fill, under its text), clipped to the
  /// ellipse, placed and scaled from `placements`.
  func overlaid(_ svg: String, placements: [String: NodePlacement], idPrefix: String) -> String {
    var output: [Substring] = []
    var kind: Substring?
    var pending: String?
    for line in svg.split(separator: "\n", omittingEmptySubsequences: false) {
      if let current = kind, line.hasPrefix("<title>"), line.hasSuffix("</title>") {
        let name = Self.unescaped(line.dropFirst(7).dropLast(8))
        let key = current == "node" ? name : edgeKey(name)
        kind = nil
        pending = current == "node" && placements[name] != nil ? name : nil
        if let text = key.flatMap({ hoverTexts[$0] }) {
          output.append(Substring("<title>\(SafeText.escaped(text, quotes: false))</title>"))
          continue
        }
      } else if line.hasPrefix("<g id=") {
        kind = line.hasSuffix("class=\"node\">") ? "node" : line.hasSuffix("class=\"edge\">") ? "edge" : nil
      } else if let node = pending, line.hasPrefix("<ellipse"), let place = placements[node] {
        output.append(line)
        output += overlay(node, place, idPrefix: idPrefix).map { Substring($0) }
        pending = nil
        continue
      }
      output.append(line)
    }
    return output.joined(separator: "\n")
  }

  /// The map and the dead mark of `node` at `place`, as SVG lines.
  private func overlay(_ node: String, _ place: NodePlacement, idPrefix: String) -> [String] {
    func number(_ value: Double) -> String { SafeText.fixed(value, decimals: 2, trimmed: true) ?? "0" }
    var lines: [String] = []
    if let map = maps[node] {
      let id = "\(idPrefix)map-\(node)"
      let (rx, ry) = (max(place.rx - 0.5, 0), max(place.ry - 0.5, 0))
      let side = 2 * min(rx, ry)
      let scale = side / map.side
      lines.append(
        "<clipPath id=\"\(id)\"><ellipse cx=\"\(number(place.x))\" cy=\"\(number(place.y))\" "
          + "rx=\"\(number(rx))\" ry=\"\(number(ry))\"/></clipPath>")
      lines.append(
        "<g class=\"unit-map-place\" clip-path=\"url(#\(id))\"><g transform=\"translate(\(number(place.x - side / 2)) "
          + "\(number(place.y - side / 2))) scale(\(SafeText.fixed(scale, decimals: 5, trimmed: true) ?? "1"))\">")
      lines.append(map.svg.hasSuffix("\n") ? String(map.svg.dropLast()) : map.svg)
      lines.append("</g></g>")
    }
    if deadUnits.contains(node) {
      let reach = 0.62 * min(place.rx, place.ry)
      let (left, right) = (number(place.x - reach), number(place.x + reach))
      let (top, bottom) = (number(place.y - reach), number(place.y + reach))
      lines.append(
        "<path class=\"dead-unit\" fill=\"none\" stroke=\"\(Self.deadColor)\" stroke-width=\"2\" "
          + "stroke-linecap=\"round\" d=\"M\(left),\(top) L\(right),\(bottom) M\(left),\(bottom) L\(right),\(top)\"/>")
    }
    return lines
  }

  /// The outline and cross colour of a dead unit.
  static let deadColor = "#b2182b"

  /// The hover-text key of the Graphviz edge titled `title` (`tail->head`, ports after
  /// `:`): the weight it carries, whether it runs to or from the weight's label on the
  /// wire or straight between two units; nil for an edge that carries no weight.
  private func edgeKey(_ title: String) -> String? {
    let ends = title.components(separatedBy: "->").map { $0.split(separator: ":").first.map(String.init) ?? "" }
    guard ends.count == 2 else { return nil }
    for edge in edges {
      guard let weight = edge.weight else { continue }
      if (edge.tail == ends[0] && (edge.head == ends[1] || weight.name == ends[1]))
        || (weight.name == ends[0] && edge.head == ends[1])
      {
        return weight.name
      }
    }
    return nil
  }

  /// Graphviz's escaped text back to plain text (`&#45;` is `-`, `&gt;` is `>` ...).
  static func unescaped(_ text: Substring) -> String {
    var result = String(text)
    for (entity, character) in [("&#45;", "-"), ("&gt;", ">"), ("&lt;", "<"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
      result = result.replacingOccurrences(of: entity, with: character)
    }
    return result
  }
}
