import Foundation

/// Text that Graphviz and SVG readers show literally, whatever characters it holds.
enum LabelText {
  /// `lines` as a Graphviz label string: one line each, newlines inside a line start
  /// new lines, and nothing is read as an escape (`\N`, `\G`, `\l`, ...) or an entity.
  ///
  /// Backslashes are doubled and `&` becomes `&amp;` (Graphviz decodes entities in
  /// plain labels). Quotes, `<` and `>` need nothing here: cgraph quotes values when it
  /// writes DOT, and the SVG renderer escapes them.
  static func graphviz(_ lines: [String]) -> String {
    lines.flatMap { $0.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) }
      .map { line in
        var escaped = ""
        for scalar in line.unicodeScalars {
          switch scalar {
          case "\\": escaped += "\\\\"
          case "&": escaped += "&amp;"
          case "\t": escaped += " "
          default: escaped.unicodeScalars.append(scalar.xmlSafe)
          }
        }
        return escaped
      }
      .joined(separator: "\\n")
  }

  /// `text` as XML character data or attribute value.
  static func xml(_ text: String) -> String {
    var escaped = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      default: escaped.unicodeScalars.append(scalar.xmlSafe)
      }
    }
    return escaped
  }

  /// `value` with `decimals` decimals as Python's `'{:.2f}'` prints it, but without the
  /// sign of a negative zero (`0.00`, not `-0.00`), and `n/a` for NaN or infinity.
  static func number(_ value: Double, decimals: Int = 2) -> String {
    guard value.isFinite else { return "n/a" }
    let text = String(format: "%.\(decimals)f", value)
    return text.allSatisfy { $0 == "-" || $0 == "0" || $0 == "." }
      ? String(text.drop { $0 == "-" }) : text
  }
}

extension Unicode.Scalar {
  /// The scalar itself if XML 1.0 allows it in a document, else U+FFFD.
  var xmlSafe: Unicode.Scalar {
    switch value {
    case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: self
    default: "\u{FFFD}"
    }
  }
}
