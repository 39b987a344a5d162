import Synchronization

/// Lays out and renders network diagrams with Graphviz, one call at a time.
///
/// Graphviz is not thread-safe, so its only context lives here behind a lock: call
/// `shared` from any thread; concurrent calls wait for each other.
public final class GraphvizRenderer: Sendable {
  /// The one renderer of the process.
  public static let shared = GraphvizRenderer()

  private let context = Mutex(GraphvizContext())

  private init() {}

  /// Loads Graphviz's libraries if no diagram has loaded them yet, so that a caller can
  /// refuse work that needs diagrams before doing any.
  /// - Throws: `GraphvizError` naming the Debian packages, and the library or symbol that
  ///   is missing.
  public static func loadLibrary() throws(GraphvizError) {
    _ = try GraphvizLibrary.functions()
  }

  /// Lays `diagram` out with Graphviz's `dot` engine and renders it as SVG and DOT.
  ///
  /// `idPrefix` starts every `id` in the SVG, so that several diagrams can share one
  /// HTML page: a letter, then letters, digits, `-` or `_`. The same diagram and prefix
  /// give the same bytes.
  public func render(_ diagram: NetworkDiagram, idPrefix: String) throws(GraphvizError)
    -> RenderedDiagram
  {
    guard Self.isValidIDPrefix(idPrefix) else {
      throw GraphvizError(
        operation: "use id prefix '\(idPrefix)'",
        message: "it must be a letter followed by letters, digits, '-' or '_'")
    }
    let output = try context.withLock { context throws(GraphvizError) in
      try context.render(diagram, idPrefix: idPrefix)
    }
    return try RenderedDiagram(graphvizSVG: output.svg, dot: output.dot, diagram: diagram)
  }

  /// Reads DOT source back into its nodes and edges.
  func read(dot: String) throws(GraphvizError) -> DOTGraph {
    try context.withLock { context throws(GraphvizError) in try context.read(dot: dot) }
  }

  /// Whether `prefix` is an ASCII letter followed by ASCII letters, digits, `-` or `_`.
  static func isValidIDPrefix(_ prefix: String) -> Bool {
    func isLetter(_ scalar: Unicode.Scalar) -> Bool {
      ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }
    guard let first = prefix.unicodeScalars.first, isLetter(first) else { return false }
    return prefix.unicodeScalars.allSatisfy {
      isLetter($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
    }
  }
}
