internal import CGraphvizLoader

/// Graphviz's C libraries, loaded at the first diagram rather than when nnlab starts.
enum GraphvizLibrary {
  /// The Debian packages that hold libgvc and libcgraph, which diagrams need at run time
  /// (`libgraphviz-dev` is needed to build nnlab).
  static let packages = ["libgvc6", "libcgraph6"]

  /// libgvc's and libcgraph's functions, loaded at the first call (once per process,
  /// whatever the thread).
  /// - Throws: `GraphvizError` naming the Debian packages, and the library or symbol that
  ///   is missing.
  static func functions() throws(GraphvizError) -> NNLabGraphviz {
    var problem: UnsafePointer<CChar>?
    guard let functions = nnlab_graphviz(&problem) else {
      throw GraphvizError(
        operation: "be loaded",
        message: "network diagrams need the Debian packages \(packages.joined(separator: " and ")): "
          + (problem.map { String(cString: $0) } ?? "no reason given"))
    }
    return functions.pointee
  }
}
