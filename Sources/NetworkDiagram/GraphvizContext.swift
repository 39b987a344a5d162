internal import CGraphvizLoader

/// A Graphviz context (`GVC_t`) and every call made with it.
///
/// Graphviz keeps global state and is not thread-safe: only `GraphvizRenderer` holds a
/// context, behind its lock. Freed with `gvFreeContext` when it goes away.
struct GraphvizContext: ~Copyable {
  /// Graphviz's functions and a context made with them.
  private struct Loaded {
    let library: NNLabGraphviz
    let gvc: OpaquePointer
    /// The plugin libraries the context was made with; closed after the context is freed.
    let plugins: GraphvizPlugins?
  }

  /// The loaded context, or why Graphviz could not be loaded or make one.
  private let loaded: Result<Loaded, GraphvizError>

  /// Loads Graphviz and makes a context with only the dot layout and the core renderers
  /// (SVG, DOT), or, if those libraries cannot be opened directly, with every plugin
  /// Graphviz's configuration lists.
  init() {
    loaded = Result { () throws(GraphvizError) in
      let library = try GraphvizLibrary.functions()
      GraphvizMessages.install(library)
      let plugins = GraphvizPlugins(folder: String(cString: library.pluginFolder))
      guard let gvc = plugins.map({ library.gvContextPlugins($0.builtins, 0) }) ?? library.gvContext() else {
        throw GraphvizError(operation: "create a context", message: "gvContext failed")
      }
      return Loaded(library: library, gvc: gvc, plugins: plugins)
    }
  }

  deinit {
    if case .success(let loaded) = loaded { _ = loaded.library.gvFreeContext(loaded.gvc) }
  }

  /// Lays `diagram` out with the `dot` engine and renders it as SVG and as DOT source.
  ///
  /// Frees in Graphviz's order: each render buffer, then the layout, then the graph.
  func render(_ diagram: NetworkDiagram, idPrefix: String) throws(GraphvizError) -> (
    svg: String, dot: String
  ) {
    let (library, gvc) = try context()
    GraphvizMessages.reset(library)
    guard let graph = diagram.makeGraph(idPrefix: idPrefix, library: library) else {
      throw GraphvizError(operation: "build the graph", message: "out of memory")
    }
    defer { _ = library.agclose(graph) }
    try GraphvizMessages.check("build the graph", library)
    guard library.gvLayout(gvc, graph, "dot") == 0 else {
      throw GraphvizError(
        operation: "lay out the graph",
        message: GraphvizMessages.collected(orElse: "gvLayout failed"))
    }
    defer { _ = library.gvFreeLayout(gvc, graph) }
    try GraphvizMessages.check("lay out the graph", library)
    var placements: [String: NetworkDiagram.NodePlacement] = [:]
    for name in diagram.placedNodes {
      if let node = CGraph.withCString(name, { library.agnode(graph, $0, 0) }) {
        placements[name] = Self.placement(of: node)
      }
    }
    let svg = try renderData(library, gvc, graph, format: "svg")
    let overlaid = diagram.overlaid(svg, placements: placements, idPrefix: idPrefix)
    return (overlaid, try renderData(library, gvc, graph, format: "canon"))
  }

  /// Where the layout put `node`, in the SVG graph group's coordinates: cgraph's centre
  /// (points, y up) with y negated, and half its size in points (72 per inch).
  private static func placement(of node: UnsafeMutablePointer<Agnode_t>) -> NetworkDiagram.NodePlacement {
    NetworkDiagram.NodePlacement(
      x: nnlab_nd_x(node), y: -nnlab_nd_y(node), rx: nnlab_nd_width(node) * 36, ry: nnlab_nd_height(node) * 36)
  }

  /// Parses DOT source with `agmemread` and lists its nodes and edges.
  func read(dot: String) throws(GraphvizError) -> DOTGraph {
    let (library, _) = try context()
    GraphvizMessages.reset(library)
    guard let graph = library.agmemread(dot) else {
      throw GraphvizError(
        operation: "read DOT", message: GraphvizMessages.collected(orElse: "agmemread failed"))
    }
    defer { _ = library.agclose(graph) }
    try GraphvizMessages.check("read DOT", library)
    return DOTGraph(graph, library: library)
  }

  /// Graphviz's functions and the context, or why there are none.
  private func context() throws(GraphvizError) -> (NNLabGraphviz, OpaquePointer) {
    let loaded = try loaded.get()
    return (loaded.library, loaded.gvc)
  }

  /// The laid-out `graph` rendered in `format`, from Graphviz's buffer, which is freed.
  private func renderData(
    _ library: NNLabGraphviz, _ gvc: OpaquePointer, _ graph: UnsafeMutablePointer<Agraph_t>, format: String
  ) throws(GraphvizError) -> String {
    var data: UnsafeMutablePointer<CChar>?
    var length: UInt32 = 0
    let status = library.gvRenderData(gvc, graph, format, &data, &length)
    defer { if let data { library.gvFreeRenderData(data) } }
    guard status == 0, let data else {
      throw GraphvizError(
        operation: "render \(format)",
        message: GraphvizMessages.collected(orElse: "gvRenderData failed"))
    }
    try GraphvizMessages.check("render \(format)", library)
    return String(decoding: UnsafeRawBufferPointer(start: data, count: Int(length)), as: UTF8.self)
  }
}
