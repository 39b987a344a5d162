import SafeText

/// Numbers as every figure writes them: `SafeText.fixed`, ties rounded away from zero, and
/// a `ChartError` instead of a number an SVG document cannot hold.
enum FixedPoint {
  /// `value` rounded half away from zero to `decimals` places (0 to 9).
  ///
  /// With `trimmed`, trailing zeros and a bare decimal point are dropped (`2.50` → `2.5`,
  /// `3.00` → `3`); otherwise exactly `decimals` digits follow the point. Never an exponent,
  /// never a locale's separators, never `-0`: a value that rounds to zero is written `0`.
  /// - Throws: `ChartError` when `value` is NaN or infinite, or when `|value|` reaches
  ///   `SafeText.fixedLimit` (2^53).
  static func format(_ value: Double, decimals: Int, trimmed: Bool = true) throws(ChartError)
    -> String
  {
    guard value.isFinite else {
      throw ChartError("a non-finite number (\(value)) cannot be written into an SVG document")
    }
    guard let text = SafeText.fixed(value, decimals: decimals, rule: .toNearestOrAwayFromZero, trimmed: trimmed)
    else {
      throw ChartError("the number \(value) is too large to be written into an SVG document")
    }
    return text
  }
}
