/// Text from users made safe for the places nnlab writes it: files that must stay valid
/// (HTML, SVG, DOT) and one-line messages on a terminal.
///
/// One module holds every rule so that each output follows the same one: `sanitized` and
/// `escaped` for files, `fixed` for numbers, `quoted` and `printable` for messages.
public enum SafeText {
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
}
