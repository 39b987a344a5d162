import Foundation

extension Ticks {
  /// Tick label texts as matplotlib's `ScalarFormatter` writes them.
  ///
  /// All labels have the same number of decimals, the fewest that tell the ticks apart to a
  /// thousandth of their range; negative numbers use the minus sign U+2212. When the largest
  /// tick is at least 10⁶ or below 10⁻⁴ in magnitude, a power of ten is factored out and shown
  /// once beside the axis (`exponent`), as matplotlib does with its `1e6` offset text.
  struct Labels: Sendable {
    var texts: [String]
    /// The factored-out power of ten, written `×10ⁿ`, if any.
    var exponent: String?

    init(_ ticks: [Double]) throws(ChartError) {
      let largest = ticks.map(abs).max() ?? 0
      let magnitude = largest == 0 ? 0 : Int(floor(log10(largest)))
      let power = magnitude <= -5 || magnitude >= 6 ? magnitude : 0
      let scaled = ticks.map { $0 / pow(10, Double(power)) }
      exponent = power == 0 ? nil : "×10" + Ticks.superscript(power)
      let decimals = Self.decimals(scaled)
      texts = []
      for value in scaled {
        let text = try FixedPoint.format(value, decimals: decimals, trimmed: false)
        texts.append(text.hasPrefix("-") ? "\u{2212}" + text.dropFirst() : text)
      }
    }

    /// matplotlib's `ScalarFormatter._set_format`: the fewest decimals that show every value
    /// to within a thousandth of the values' range.
    private static func decimals(_ values: [Double]) -> Int {
      guard let low = values.min(), let high = values.max() else { return 0 }
      var range = high - low
      if range == 0 { range = max(abs(low), abs(high)) }
      if range == 0 { range = 1 }
      let rangeMagnitude = Int(floor(log10(range)))
      let threshold = 1e-3 * pow(10, Double(rangeMagnitude))
      var decimals = max(0, 3 - rangeMagnitude)
      while decimals >= 0 {
        let power = pow(10, Double(decimals))
        let error = values.map { abs($0 - ($0 * power).rounded() / power) }.max() ?? 0
        guard error < threshold else { break }
        decimals -= 1
      }
      return decimals + 1
    }

    /// Labels with the given texts and no factored-out power.
    init(texts: [String]) {
      self.texts = texts
      exponent = nil
    }
  }

  /// `number` in superscript digits, with a superscript minus when negative (`⁻³`).
  static func superscript(_ number: Int) -> String {
    let digits = Array("⁰¹²³⁴⁵⁶⁷⁸⁹")
    let text = String(number.magnitude).map { digits[$0.wholeNumberValue ?? 0] }
    return (number < 0 ? "⁻" : "") + String(text)
  }
}
