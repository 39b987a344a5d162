extension SafeText {
  /// The longest piece of user text, in Unicode scalars, that a message quotes.
  public static let quoteLimit = 80

  /// The longest error line, in Unicode scalars, that nnlab prints.
  public static let lineLimit = 400

  /// Which part of a text too long to show is left out.
  public enum Truncation: Sendable {
    /// Keep the beginning: for names and values.
    case tail
    /// Keep the beginning and the end: for paths, whose last part names the file, and
    /// for whole messages, which end by saying what is allowed.
    case middle
  }

  /// `text` in single quotes for a one-line message: `printable` with at most `quoteLimit`
  /// scalars between the quotes, so no user text can break the line, reach the terminal
  /// raw or fill the screen.
  public static func quoted(_ text: String, truncation: Truncation = .tail) -> String {
    "'" + printable(text, limit: quoteLimit, truncation: truncation) + "'"
  }

  /// `text` for one line on a terminal: line feed, tab and carriage return written as
  /// `\n`, `\t`, `\r`, every other forbidden scalar (`isForbidden`) as `\u{1B}` (hex), and
  /// at most `limit` scalars of the result; a longer result loses its end (or its middle)
  /// to `…`, never in the middle of an escape.
  public static func printable(_ text: String, limit: Int, truncation: Truncation = .tail) -> String {
    precondition(limit >= 1, "printable needs room for at least one scalar")
    let scalars = text.unicodeScalars
    var length = 0
    var fits = true
    for scalar in scalars {
      length += escape(scalar)?.unicodeScalars.count ?? 1
      if length > limit {
        fits = false
        break
      }
    }
    if fits { return escaping(scalars[...], budget: limit) }
    // `…` takes one of the `limit` scalars.
    switch truncation {
    case .tail:
      return escaping(scalars[...], budget: limit - 1) + "…"
    case .middle:
      let back = (limit - 1) / 2
      var pieces: [String] = []
      var used = 0
      for scalar in scalars.reversed() {
        let piece = escape(scalar) ?? String(scalar)
        used += piece.unicodeScalars.count
        if used > back { break }
        pieces.append(piece)
      }
      return escaping(scalars[...], budget: limit - 1 - back) + "…" + pieces.reversed().joined()
    }
  }

  /// The escapes of `scalars` from the start, as many whole ones as fit in `budget`.
  private static func escaping(_ scalars: Substring.UnicodeScalarView, budget: Int) -> String {
    var result = String.UnicodeScalarView()
    var used = 0
    for scalar in scalars {
      if let escape = escape(scalar) {
        used += escape.unicodeScalars.count
        if used > budget { break }
        result.append(contentsOf: escape.unicodeScalars)
      } else {
        used += 1
        if used > budget { break }
        result.append(scalar)
      }
    }
    return String(result)
  }

  /// How `scalar` is written in a message, or nil when it is written as itself.
  private static func escape(_ scalar: Unicode.Scalar) -> String? {
    switch scalar {
    case "\n": "\\n"
    case "\t": "\\t"
    case "\r": "\\r"
    default:
      isForbidden(scalar) ? "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}" : nil
    }
  }
}
