import SafeText

/// Text that Graphviz and SVG readers show literally, whatever characters it holds.
enum LabelText {
  /// `lines` as a Graphviz label string: one line each, newlines inside a line start
  /// new lines, and nothing is read as an escape (`\N`, `\G`, `\l`, ...) or an entity.
  ///
  /// Backslashes are doubled and `&` becomes `&amp;` (Graphviz decodes entities in
  /// plain labels); a tab becomes a space and every scalar `SafeText.isForbidden` names
  /// becomes U+FFFD. Quotes, `<` and `>` need nothing here: cgraph quotes values when it
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
          default: escaped.unicodeScalars.append(SafeText.isForbidden(scalar) ? "\u{FFFD}" : scalar)
          }
        }
        return escaped
      }
      .joined(separator: "\\n")
  }

  /// `value` with `decimals` decimals as Python's `'{:.2f}'` prints it (`SafeText.fixed`,
  /// ties to even on the exact value), but without the sign of a negative zero (`0.00`,
  /// not `-0.00`), and `n/a` for NaN, infinity or a magnitude of 2^53 or more.
  static func number(_ value: Double, decimals: Int = 2) -> String {
    SafeText.fixed(value, decimals: decimals) ?? "n/a"
  }
}
