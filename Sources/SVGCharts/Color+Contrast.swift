import Foundation

extension Color {
  /// WCAG 2's relative luminance: 0 for black, 1 for white, from the linearised sRGB
  /// channels weighted 0.2126, 0.7152 and 0.0722. A colour made from text that is not a
  /// colour counts as black.
  var relativeLuminance: Double {
    guard let rgb else { return 0 }
    func linear(_ shift: UInt32) -> Double {
      let channel = Double((rgb >> shift) & 0xff) / 255
      return channel <= 0.04045 ? channel / 12.92 : pow((channel + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * linear(16) + 0.7152 * linear(8) + 0.0722 * linear(0)
  }

  /// WCAG 2's contrast ratio between this colour and `other`, from 1 (the same luminance)
  /// to 21 (black on white).
  func contrast(with other: Color) -> Double {
    let (a, b) = (relativeLuminance, other.relativeLuminance)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)
  }

  /// Whichever of `candidates` contrasts most with this colour, as a background: the text
  /// colour that reads best on it. The first wins a tie; no candidates gives the theme's text.
  func mostLegible(of candidates: [Color]) -> Color {
    var best = candidates.first ?? Theme.text
    for candidate in candidates.dropFirst() where candidate.contrast(with: self) > best.contrast(with: self) {
      best = candidate
    }
    return best
  }
}
