import CGraphviz

/// A Graphviz context (`GVC_t`) and every call made with it.
///
/// Graphviz keeps global state and is not thread-safe: only `GraphvizRenderer` holds a
/// context, behind its lock. Freed with `gvFreeContext` when it goes away.
struct GraphvizContext: ~Copyable {
  private let gvc: OpaquePointer?
  /// The plugin libraries the context was made with; closed after the context is freed.
  private let plugins: GraphvizPlugins?

  /// A context with only the dot layout and the core renderers (SVG, DOT), or, if those
  /// libraries cannot be opened directly, with every plugin Graphviz's configuration
  /// lists.
  init() {
    GraphvizMessages.install()
    plugins = GraphvizPlugins()
    gvc = plugins.map { gvContextPlugins($0.builtins, 0) } ?? gvContext()
  }

  deinit {
    if let gvc { gvFreeContext(gvc) }
  }

  /// Lays `diagram` out with the `dot` engine and renders it as SVG and as DOT source.
  ///
  /// Frees in Graphviz's order: each render buffer, then the layout, then the graph.
  func render(_ diagram: NetworkDiagram, idPrefix: String) throws(GraphvizError) -> (
    svg: String, dot: String
  ) {
    let gvc = try context()
    GraphvizMessages.reset()
    guard let graph = diagram.makeGraph(idPrefix: idPrefix) else {
      throw GraphvizError(operation: "build the graph", message: "out of memory")
    }
    defer { agclose(graph) }
    try GraphvizMessages.check("build the graph")
    guard gvLayout(gvc, graph, "dot") == 0 else {
      throw GraphvizError(
        operation: "lay out the graph",
        message: GraphvizMessages.collected(orElse: "gvLayout failed"))
    }
    defer { gvFreeLayout(gvc, graph) }
    try GraphvizMessages.check("lay out the graph")
    var placements: [String: NetworkDiagram.NodePlacement] = [:]
    for name in diagram.placedNodes {
      if let node = CGraph.withCString(name, { agnode(graph, $0, 0) }) {
        placements[name] = Self.placement(of: node)
      }
    }
    let svg = try renderData(gvc, graph, format: "svg")
    let overlaid = diagram.overlaid(svg, placements: placements, idPrefix: idPrefix)
    return (overlaid, try renderData(gvc, graph, format: "canon"))
  }

  /// Where the layout put `node`, in the SVG graph group's coordinates: cgraph's centre
  /// (points, y up) with y negated, and half its size in points (72 per inch).
  private static func placement(of node: UnsafeMutablePointer<Agnode_t>) -> NetworkDiagram.NodePlacement {
    NetworkDiagram.NodePlacement(
      x: nnlab_nd_x(node), y: -nnlab_nd_y(node), rx: nnlab_nd_width(node) * 36, ry: nnlab_nd_height(node) * 36)
  }

  /// Parses DOT source with `agmemread` and lists its nodes and edges.
  func read(dot: String) throws(GraphvizError) -> DOTGraph {
    GraphvizMessages.reset()
    guard let graph = agmemread(dot) else {
      throw GraphvizError(
        operation: "read DOT", message: GraphvizMessages.collected(orElse: "agmemread failed"))
    }
    defer { agclose(graph) }
    try GraphvizMessages.check("read DOT")
    return DOTGraph(graph)
  }

  /// The context, or an error if Graphviz could not create one.
  private func context() throws(GraphvizError) -> OpaquePointer {
    guard let gvc else {
      throw GraphvizError(operation: "create a context", message: "gvContext failed")
    }
    return gvc
  }

  /// The laid-out `graph` rendered in `format`, from Graphviz's buffer, which is freed.
  private func renderData(
    _ gvc: OpaquePointer, _ graph: UnsafeMutablePointer<Agraph_t>, format: String
  ) throws(GraphvizError) -> String {
    var data: UnsafeMutablePointer<CChar>?
    var length: UInt32 = 0
    let status = gvRenderData(gvc, graph, format, &data, &length)
    defer { if let data { gvFreeRenderData(data) } }
    guard status == 0, let data else {
      throw GraphvizError(
        operation: "render \(format)",
        message: GraphvizMessages.collected(orElse: "gvRenderData failed"))
    }
    try GraphvizMessages.check("render \(format)")
    return String(decoding: UnsafeRawBufferPointer(start: data, count: Int(length)), as: UTF8.self)
  }
}
