extension SafeText {
  /// `text` safe as LaTeX text: in a paragraph, a `\caption{...}` or after `%` in a comment.
  ///
  /// The ten special characters are written so that they print as themselves: `#`, `$`,
  /// `%`, `&`, `_`, `{`, `}` with a backslash before them, `\`, `^` and `~` as
  /// `\textbackslash{}`, `\textasciicircum{}` and `\textasciitilde{}`. `<`, `>` and `|`,
  /// which LaTeX's default font encoding prints as other glyphs, become `\textless{}`,
  /// `\textgreater{}` and `\textbar{}`; a `-` before another `-` becomes `-{}`, so no run
  /// of hyphens turns into a dash. Tab, line feed and carriage return become spaces (a blank
  /// line would end the paragraph or break a caption); every forbidden scalar
  /// (`isForbidden`) becomes U+FFFD. Everything else is kept: LaTeX reads UTF-8, and
  /// scripts beyond Latin need an engine with fonts for them.
  public static func latex(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    var scalars = text.unicodeScalars.makeIterator()
    var next = scalars.next()
    while let scalar = next {
      next = scalars.next()
      switch scalar {
      case "#", "$", "%", "&", "_", "{", "}": result += "\\" + String(scalar)
      case "\\": result += "\\textbackslash{}"
      case "^": result += "\\textasciicircum{}"
      case "~": result += "\\textasciitilde{}"
      case "<": result += "\\textless{}"
      case ">": result += "\\textgreater{}"
      case "|": result += "\\textbar{}"
      case "-" where next == "-": result += "-{}"
      case "\t", "\n", "\r": result += " "
      default: result.unicodeScalars.append(isForbidden(scalar) ? "\u{FFFD}" : scalar)
      }
    }
    return result
  }
}
