/// Approximate widths of text, for placing labels and legends without a font at hand.
enum TextMetrics {
  /// The advance width of `text` at `fontSize` pixels: 1 em for each Hangul, CJK or
  /// full-width character, 0.6 em for any other character.
  ///
  /// An estimate for sans-serif fonts, good to about 15% on Latin text and digits; layout
  /// leaves room for that error.
  static func width(_ text: String, fontSize: Double) -> Double {
    var ems = 0.0
    for character in text {
      ems += character.unicodeScalars.first.map(isWide) == true ? 1 : 0.6
    }
    return ems * fontSize
  }

  private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x1100...0x11ff,  // Hangul Jamo
      0x2e80...0x9fff,  // CJK radicals, punctuation, kana, compatibility Jamo, ideographs
      0xa960...0xa97f,  // Hangul Jamo Extended-A
      0xac00...0xd7ff,  // Hangul syllables, Jamo Extended-B
      0xf900...0xfaff,  // CJK compatibility ideographs
      0xfe30...0xfe4f,  // CJK compatibility forms
      0xff00...0xff60, 0xffe0...0xffe6,  // full-width forms
      0x20000...0x3ffff:  // supplementary ideographs
      return true
    default:
      return false
    }
  }
}
