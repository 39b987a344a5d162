/// A drawn figure: the `<svg>` element, and the same as a file of its own.
public struct SVGDocument: Sendable, Equatable {
  /// The `<svg>` element, with its namespace, to inline in HTML5.
  public var element: String

  /// The element after an XML declaration, for a standalone `.svg` file.
  public var standalone: String { "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element }
}
