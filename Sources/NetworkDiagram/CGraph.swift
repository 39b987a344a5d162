internal import CGraphvizLoader

/// A cgraph graph being built: Swift strings in, cgraph objects out.
///
/// cgraph copies every string it is given, so the temporary C strings may go as soon
/// as a call returns. The caller owns `graph` and closes it with `library.agclose`.
struct CGraph {
  let graph: UnsafeMutablePointer<Agraph_t>
  /// cgraph's functions, which build the graph.
  let library: NNLabGraphviz

  /// An empty directed graph called `name`, or nil if cgraph has no memory left.
  init?(name: String, library: NNLabGraphviz) {
    guard let graph = Self.withCString(name, { library.agopen($0, library.directed, nil) }) else {
      return nil
    }
    self.graph = graph
    self.library = library
  }

  /// Declares the default of each attribute in `attributes` for objects of `kind`
  /// (`AGRAPH`, `AGNODE` or `AGEDGE`).
  func declare(_ kind: Int32, _ attributes: KeyValuePairs<String, String>) {
    for (name, value) in attributes {
      Self.withCString(name) { name in
        Self.withCString(value) { value in _ = library.agattr(graph, kind, name, value) }
      }
    }
  }

  /// The node called `name`, created on first use; nil if cgraph has no memory left.
  func node(_ name: String) -> UnsafeMutablePointer<Agnode_t>? {
    Self.withCString(name) { library.agnode(graph, $0, 1) }
  }

  /// A new anonymous subgraph holding `nodes`; nil if cgraph has no memory left.
  ///
  /// Anonymous, because cgraph orders named subgraphs by the address of their interned
  /// name, which differs from run to run; anonymous ones are numbered as they are made.
  func subgraph(holding nodes: [UnsafeMutablePointer<Agnode_t>]) -> UnsafeMutablePointer<Agraph_t>? {
    guard let subgraph = library.agsubg(graph, nil, 1) else { return nil }
    for node in nodes where library.agsubnode(subgraph, node, 1) == nil { return nil }
    return subgraph
  }

  /// A new edge from `tail` to `head`; nil if cgraph has no memory left.
  func edge(
    from tail: UnsafeMutablePointer<Agnode_t>, to head: UnsafeMutablePointer<Agnode_t>
  ) -> UnsafeMutablePointer<Agedge_t>? {
    library.agedge(graph, tail, head, nil, 1)
  }

  /// Sets attributes of `object` (the graph, a node or an edge), declaring any that are
  /// new with an empty default.
  func set(_ object: UnsafeMutableRawPointer, _ attributes: KeyValuePairs<String, String>) {
    for (name, value) in attributes {
      Self.withCString(name) { name in
        Self.withCString(value) { value in
          Self.withCString("") { empty in _ = library.agsafeset(object, name, value, empty) }
        }
      }
    }
  }

  /// Calls `body` with `text` as the mutable C string cgraph's API asks for (it only
  /// reads it).
  static func withCString<Result>(
    _ text: String, _ body: (UnsafeMutablePointer<CChar>) -> Result
  ) -> Result {
    text.withCString { body(UnsafeMutablePointer(mutating: $0)) }
  }
}
