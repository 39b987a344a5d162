internal import CGraphvizLoader

/// The nodes and edges of a graph read from DOT source, with their attributes.
struct DOTGraph {
  struct Node {
    var name: String
    var attributes: [String: String]
  }

  struct Edge {
    var tail: String
    var head: String
    var attributes: [String: String]
  }

  /// The graph's own attributes (`label`, `rankdir`, ...).
  var attributes: [String: String]
  /// The nodes in cgraph's order.
  var nodes: [Node]
  /// The edges, grouped by tail in node order.
  var edges: [Edge]

  /// Copies the contents of an open cgraph graph, read with `library`.
  init(_ graph: UnsafeMutablePointer<Agraph_t>, library: NNLabGraphviz) {
    func attributes(_ object: UnsafeMutableRawPointer, kind: Int32) -> [String: String] {
      var values: [String: String] = [:]
      var symbol = library.agnxtattr(graph, kind, nil)
      while let current = symbol {
        if let name = current.pointee.name, let value = library.agxget(object, current) {
          values[String(cString: name)] = String(cString: value)
        }
        symbol = library.agnxtattr(graph, kind, current)
      }
      return values
    }
    func name(_ object: UnsafeMutableRawPointer?) -> String {
      library.agnameof(object).map { String(cString: $0) } ?? ""
    }

    self.attributes = attributes(graph, kind: Int32(AGRAPH))
    nodes = []
    edges = []
    var node = library.agfstnode(graph)
    while let current = node {
      nodes.append(Node(name: name(current), attributes: attributes(current, kind: Int32(AGNODE))))
      var edge = library.agfstout(graph, current)
      while let out = edge {
        edges.append(
          Edge(
            tail: name(nnlab_agtail(out)), head: name(nnlab_aghead(out)),
            attributes: attributes(out, kind: Int32(AGEDGE))))
        edge = library.agnxtout(graph, out)
      }
      node = library.agnxtnode(graph, current)
    }
  }
}
