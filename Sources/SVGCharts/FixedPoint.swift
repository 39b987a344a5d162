/// Locale-independent fixed-point text for numbers.
enum FixedPoint {
  /// The largest magnitude (in units of the last kept decimal) written exactly: 2^53.
  static let exactLimit = 9_007_199_254_740_992.0

  /// `value` rounded half away from zero to `decimals` places (0 to 9).
  ///
  /// With `trimmed`, trailing zeros and a bare decimal point are dropped (`2.50` → `2.5`,
  /// `3.00` → `3`); otherwise exactly `decimals` digits follow the point. Never an exponent,
  /// never a locale's separators, never `-0`: a value that rounds to zero is written `0`.
  /// - Throws: `ChartError` when `value` is NaN or infinite, or when `|value| · 10^decimals`
  ///   reaches 2^53, beyond which doubles no longer hold every integer.
  static func format(_ value: Double, decimals: Int, trimmed: Bool = true) throws(ChartError)
    -> String
  {
    guard value.isFinite else {
      throw ChartError("a non-finite number (\(value)) cannot be written into an SVG document")
    }
    var power = 1.0
    for _ in 0..<decimals { power *= 10 }
    let scaled = (abs(value) * power).rounded(.toNearestOrAwayFromZero)
    guard scaled < exactLimit else {
      throw ChartError("the number \(value) is too large to be written into an SVG document")
    }
    let units = UInt64(scaled)
    let whole = units / UInt64(power)
    var fraction = decimals == 0 ? "" : String(units % UInt64(power))
    fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
    if trimmed {
      while fraction.last == "0" { fraction.removeLast() }
    }
    let sign = value < 0 && units != 0 ? "-" : ""
    return fraction.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
  }
}
