import Foundation
import SafeText

/// A laid-out diagram: a standalone SVG file, the same SVG for inlining in HTML, and
/// the DOT source it was drawn from.
public struct RenderedDiagram: Sendable, Equatable {
  /// A standalone SVG file: Graphviz's output, with the diagram's title and summary
  /// added as the first `<title>` and `<desc>` of the `<svg>` element.
  public var svg: String
  /// The `<svg>` element alone, for HTML: no XML prolog, DOCTYPE or comments.
  public var inlineSVG: String
  /// The graph in DOT, as Graphviz's `canon` format writes it (no positions).
  public var dot: String

  /// Adds `diagram`'s title and summary to Graphviz's SVG output and derives the inline
  /// variant.
  init(graphvizSVG: String, dot: String, diagram: NetworkDiagram) throws(GraphvizError) {
    let bytes = Data(graphvizSVG.utf8)
    guard let start = bytes.range(of: Data("<svg".utf8))?.lowerBound,
      let tagEnd = bytes[start...].firstIndex(of: UInt8(ascii: ">"))
    else {
      throw GraphvizError(operation: "render svg", message: "the output has no <svg> element")
    }
    let metadata =
      "\n<title>\(SafeText.escaped(diagram.title, quotes: false))</title>"
      + "\n<desc>\(SafeText.escaped(diagram.summary, quotes: false))</desc>"
    let element = bytes[start...tagEnd] + Data(metadata.utf8) + bytes[(tagEnd + 1)...]
    svg = String(decoding: bytes[..<start] + element, as: UTF8.self)
    inlineSVG = String(decoding: Self.removingComments(element), as: UTF8.self)
    self.dot = dot
  }

  /// `svg` without `<!-- ... -->` comments and the line breaks that follow them.
  ///
  /// Graphviz writes `-` in names as `&#45;` and escapes `<` in text, so a comment can
  /// neither end early nor be faked by a label.
  private static func removingComments(_ svg: Data) -> Data {
    let open = Data("<!--".utf8)
    let close = Data("-->".utf8)
    var kept = Data()
    kept.reserveCapacity(svg.count)
    var position = svg.startIndex
    while let comment = svg.range(of: open, in: position..<svg.endIndex),
      let end = svg.range(of: close, in: comment.upperBound..<svg.endIndex)
    {
      kept += svg[position..<comment.lowerBound]
      position = end.upperBound
      if position < svg.endIndex, svg[position] == UInt8(ascii: "\n") { position += 1 }
    }
    return kept + svg[position...]
  }
}
