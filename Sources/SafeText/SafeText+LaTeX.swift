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
  /// (`isForbidden`) becomes U+FFFD. A run of superscript digits, `⁺` and `⁻` (`10⁻³`)
  /// becomes `\textsuperscript{-3}`, and `‖` becomes `\textbardbl{}`, which LaTeX's
  /// default input encoding has no glyph for. Everything else is kept: LaTeX reads UTF-8,
  /// and scripts beyond Latin need an engine with fonts for them.
  public static func latex(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    var scalars = text.unicodeScalars.makeIterator()
    var next = scalars.next()
    while let scalar = next {
      next = scalars.next()
      if let raised = superscripts[scalar] {
        var run = raised
        while let following = next, let more = superscripts[following] {
          run += run.hasSuffix("-") && more == "-" ? "{}-" : more
          next = scalars.next()
        }
        result += "\\textsuperscript{\(run)}"
        continue
      }
      switch scalar {
      case "‖": result += "\\textbardbl{}"
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

  /// Superscript characters and what they raise.
  private static let superscripts: [Unicode.Scalar: String] = [
    "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
    "⁺": "+", "⁻": "-",
  ]
}
