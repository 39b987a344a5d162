extension SafeText {
  /// The ASCII punctuation that has a meaning inside a line of CommonMark, GitHub's or
  /// pandoc's Markdown: emphasis, code, links and images, raw HTML and entities, headings'
  /// closing `#`s and attributes, tables, strikeout, superscripts, TeX math and citations.
  static let markdownPunctuation: Set<Unicode.Scalar> = [
    "\\", "`", "*", "_", "{", "}", "[", "]", "<", ">", "#", "|", "~", "^", "$", "&", "@",
  ]

  /// `text` safe inside one line of Markdown: a heading, an image's alt text or emphasis.
  ///
  /// Each of `markdownPunctuation` gets a backslash before it (every Markdown reads a
  /// backslash before ASCII punctuation as the character itself); tab, line feed and
  /// carriage return become spaces, so the text stays on its line; every forbidden scalar
  /// (`isForbidden`) becomes U+FFFD. Put it after something on its line (`### `, `![`,
  /// `*`): at the start of a line, `-`, `+` or `1.` would still begin a list.
  public static func markdown(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case _ where markdownPunctuation.contains(scalar): result += "\\" + String(scalar)
      case "\t", "\n", "\r": result += " "
      default: result.unicodeScalars.append(isForbidden(scalar) ? "\u{FFFD}" : scalar)
      }
    }
    return result
  }
}
