/// An SVG document that could not be read or drawn as PNG or PDF; the text says why, in
/// one line.
public struct FigureExportError: Error, Equatable, CustomStringConvertible {
  public let description: String

  /// An error that says `description`.
  public init(_ description: String) {
    self.description = description
  }
}
