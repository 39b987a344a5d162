extension SafeText {
  /// `text` safe as XML or HTML character data and as a double-quoted attribute value.
  ///
  /// `&`, `<` and `>` become `&amp;`, `&lt;` and `&gt;`; with `quotes`, `"` and `'` become
  /// `&quot;` and `&#39;` (needed in attribute values, harmless in text); tab, line feed and
  /// carriage return become `&#9;`, `&#10;` and `&#13;`, so that an attribute value keeps
  /// them and no parser normalises them; every forbidden scalar (`isForbidden`) becomes
  /// U+FFFD. Everything else is kept as it is. The result is never read as markup.
  public static func escaped(_ text: String, quotes: Bool = true) -> String {
    // Most values are numbers and names: printable ASCII with nothing to replace.
    let plain = text.utf8.allSatisfy { byte in
      switch byte {
      case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"): false
      case UInt8(ascii: "\""), UInt8(ascii: "'"): !quotes
      default: byte >= 0x20 && byte < 0x7F
      }
    }
    if plain { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"" where quotes: result += "&quot;"
      case "'" where quotes: result += "&#39;"
      case "\t": result += "&#9;"
      case "\n": result += "&#10;"
      case "\r": result += "&#13;"
      default: result.unicodeScalars.append(isForbidden(scalar) ? "\u{FFFD}" : scalar)
      }
    }
    return result
  }
}
