/// Text from users made safe for the places nnlab writes it: files that must stay valid
/// (HTML, SVG, DOT) and one-line messages on a terminal.
public enum SafeText {
  /// The longest piece of user text, in Unicode scalars, that a message quotes.
  public static let quoteLimit = 80

  /// `text` with every scalar that HTML or XML forbid, or that a terminal would act on,
  /// replaced by U+FFFD: C0 controls other than tab, line feed and carriage return, DEL,
  /// C1 controls, and the noncharacters (U+FDD0...U+FDEF and every U+xFFFE, U+xFFFF).
  public static func sanitized(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isForbidden) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      result.append(isForbidden(scalar) ? "\u{FFFD}" : scalar)
    }
    return String(result)
  }

  /// Whether `scalar` may not appear in nnlab's HTML, XML or DOT output.
  public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD: false
    case 0x0...0x1F, 0x7F...0x9F: true
    case 0xFDD0...0xFDEF: true
    default: scalar.value & 0xFFFE == 0xFFFE
    }
  }

  /// `text` in single quotes for a one-line message: at most `quoteLimit` scalars (then
  /// `…`), with control characters and other forbidden scalars written as escapes
  /// (`\n`, `\t`, `\u{1B}`), so no user text can break the line or reach the terminal raw.
  public static func quoted(_ text: String) -> String {
    var result = "'"
    var count = 0
    for scalar in text.unicodeScalars {
      if count == quoteLimit {
        result += "…"
        break
      }
      count += 1
      switch scalar {
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      case "\r": result += "\\r"
      default:
        if isForbidden(scalar) {
          result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "'"
  }
}
