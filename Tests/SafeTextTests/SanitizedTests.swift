import SafeText
import Testing

/// Scalars that HTML, XML or a terminal cannot take become U+FFFD; all other text stays.
@Suite struct SanitizedTests {
  static let forbidden: [Unicode.Scalar] = [
    "\u{0}", "\u{7}", "\u{8}", "\u{B}", "\u{C}", "\u{1B}", "\u{1F}", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}",
    nonCharacter(0xFDD0), nonCharacter(0xFDEF), "\u{FFFE}", "\u{FFFF}", "\u{1FFFE}", "\u{10FFFF}",
  ]
  static let allowed: [Unicode.Scalar] = [
    "\t", "\n", "\r", " ", "~", "\u{A0}", "é", nonCharacter(0xFDCF), nonCharacter(0xFDF0), "\u{FFFD}", "한", "😀", "\u{1FFFD}",
  ]

  @Test func forbiddenScalarsAreTheOnesHTMLAndXMLRefuse() {
    #expect(Self.forbidden.allSatisfy(SafeText.isForbidden))
    #expect(!Self.allowed.contains(where: SafeText.isForbidden))
  }

  @Test func forbiddenScalarsBecomeReplacementCharacters() {
    let text = String(String.UnicodeScalarView(Self.forbidden.flatMap { ["a", $0] }))
    #expect(SafeText.sanitized(text) == String(repeating: "a\u{FFFD}", count: Self.forbidden.count))
    let clean = String(String.UnicodeScalarView(Self.allowed))
    #expect(SafeText.sanitized(clean) == clean)
  }
}

/// The scalar `value`; Swift refuses U+FDD0...U+FDEF in literals.
func nonCharacter(_ value: UInt32) -> Unicode.Scalar { Unicode.Scalar(value) ?? "?" }
