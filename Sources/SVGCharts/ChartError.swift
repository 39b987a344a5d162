/// A figure that cannot be drawn faithfully.
///
/// Thrown instead of writing a NaN, an infinity, an unreadable colour or an unusable id
/// into an SVG document. Its `description` is the sentence a user reads: it names the
/// offending value and where it was found.
public struct ChartError: Error, CustomStringConvertible, Sendable, Equatable {
  /// What went wrong, in one line.
  public var description: String

  /// An error whose text is `description`.
  public init(_ description: String) {
    self.description = description
  }
}
