/// A failure reported by Graphviz while a diagram was laid out, rendered or read.
public struct GraphvizError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What was being done, as a verb phrase: "lay out the graph", "render svg".
  public var operation: String
  /// Graphviz's own message, or what went wrong when Graphviz gave none.
  public var message: String

  public init(operation: String, message: String) {
    self.operation = operation
    self.message = message
  }

  public var description: String { "Graphviz could not \(operation): \(message)" }
}
