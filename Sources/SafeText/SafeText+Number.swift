extension SafeText {
  /// The largest magnitude `fixed` writes: 2^53, beyond which doubles no longer hold
  /// every integer, so digits before the point would already be noise.
  public static let fixedLimit = 9_007_199_254_740_992.0

  /// `value` written with `decimals` digits after the point (0 to 17), rounded by `rule`
  /// from its exact binary value, or nil when it cannot be written.
  ///
  /// The same text in every locale: digits, at most one leading `-` and one `.`, never an
  /// exponent, grouping or a locale's separators, and never `-0`: a value that rounds to
  /// zero is written without a sign. With `trimmed`, trailing zeros and a bare point are
  /// dropped (`2.50` → `2.5`, `3.00` → `3`); otherwise exactly `decimals` digits follow
  /// the point.
  ///
  /// Rounding is exact: `.toNearestOrEven` gives what C's `printf("%.*f")` gives
  /// (`0.125` → `0.12`, `2.675` → `2.67` because that double lies below 2.675), and
  /// `.toNearestOrAwayFromZero` rounds a true tie away from zero (`0.125` → `0.13`, `2.5`
  /// → `3`). The directed rules round the exact value likewise.
  ///
  /// - Returns: nil when `value` is NaN or infinite, or when `|value|` is at least
  ///   `fixedLimit`; each caller decides what it writes then (an SVG refuses the figure,
  ///   a label says `n/a`).
  public static func fixed(
    _ value: Double, decimals: Int, rule: FloatingPointRoundingRule = .toNearestOrEven,
    trimmed: Bool = false
  ) -> String? {
    precondition((0...17).contains(decimals), "fixed writes 0 to 17 decimals")
    guard value.isFinite, value.magnitude < fixedLimit else { return nil }
    var power: UInt64 = 1
    for _ in 0..<decimals { power *= 10 }
    // value = significand · 2^exponent exactly, the significand below 2^53.
    let significand: UInt64
    let exponent: Int
    if value.exponentBitPattern == 0 {
      significand = value.significandBitPattern
      exponent = -1074
    } else {
      significand = value.significandBitPattern | (1 << 52)
      exponent = Int(value.exponentBitPattern) - 1075
    }
    // |value| · 10^decimals = scaled / 2^shift, below 2^53 · 10^17 < 2^110.
    let scaled = UInt128(significand) * UInt128(power)
    var units: UInt128
    if exponent >= 0 {
      units = scaled << exponent
    } else if -exponent >= 120 {
      // Below 2^-67: nothing but the direction of rounding is left.
      units = 0
      if scaled != 0, roundsUp(rule, negative: value < 0, odd: false, aboveHalf: false, half: false) {
        units = 1
      }
    } else {
      let shift = -exponent
      units = scaled >> shift
      let remainder = scaled & ((1 << shift) - 1)
      let half = UInt128(1) << (shift - 1)
      if remainder != 0,
        roundsUp(
          rule, negative: value < 0, odd: units & 1 == 1, aboveHalf: remainder > half,
          half: remainder == half)
      {
        units += 1
      }
    }
    let whole = units / UInt128(power)
    var fraction = decimals == 0 ? "" : String(units % UInt128(power))
    fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
    if trimmed {
      while fraction.last == "0" { fraction.removeLast() }
    }
    let sign = value < 0 && units != 0 ? "-" : ""
    return fraction.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
  }

  /// `value` as Foundation's `JSONEncoder` writes a finite double: its shortest text that
  /// reads back as the same double, without a trailing `.0` (`1`, `0.1`, `1e-05`, `-0`), so
  /// that JSON written without the encoder matches JSON written with it byte for byte.
  public static func json(_ value: Double) -> String {
    let text = value.description
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
  }

  /// `count` in decimal digits grouped by threes with commas (`1,000,000`, `-12,345`), as
  /// the report writes counts of points in English and in Korean alike.
  public static func grouped(_ count: Int) -> String {
    let digits = String(count.magnitude)
    var result = count < 0 ? "-" : ""
    for (offset, digit) in digits.enumerated() {
      if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
      result.append(digit)
    }
    return result
  }

  /// Whether a magnitude with a nonzero remainder rounds up to the next unit under `rule`.
  private static func roundsUp(
    _ rule: FloatingPointRoundingRule, negative: Bool, odd: Bool, aboveHalf: Bool, half: Bool
  ) -> Bool {
    switch rule {
    case .toNearestOrEven: aboveHalf || (half && odd)
    case .toNearestOrAwayFromZero: aboveHalf || half
    case .towardZero: false
    case .awayFromZero: true
    case .up: !negative
    case .down: negative
    @unknown default: aboveHalf || (half && odd)
    }
  }
}

extension SafeText {
  /// `value` in scientific notation with `digits` significant digits (1 to 17): a mantissa
  /// from 1 to below 10 written by `fixed`, then `e` and the exponent (`1.52e-2`,
  /// `-3.0e7`, `0` for zero), or nil when `value` is NaN or infinite.
  ///
  /// The mantissa is `value` divided by the correctly rounded power of ten, so its last
  /// digit may differ from the exact decimal expansion's by one in rare ties; it is for
  /// reading, like `fixed`, never for reading back.
  public static func scientific(_ value: Double, digits: Int) -> String? {
    guard value.isFinite, (1...17).contains(digits) else { return nil }
    guard value != 0 else { return "0" }
    func power(_ exponent: Int) -> Double { Double("1e\(exponent)") ?? 1 }
    // Below about 1e-290 the powers of ten run into subnormals: scale up by 1e300 first.
    let shift = abs(value) < 1e-290 ? 300 : 0
    let scaled = value * power(shift)
    var exponent = 0
    while abs(scaled) >= power(exponent + 1), exponent < 308 { exponent += 1 }
    while abs(scaled) < power(exponent), exponent > -300 { exponent -= 1 }
    var mantissa = fixed(scaled / power(exponent), decimals: digits - 1)
    if let text = mantissa, let number = Double(text), abs(number) >= 10 {
      exponent += 1
      mantissa = fixed(scaled / power(exponent), decimals: digits - 1)
    }
    exponent -= shift
    return mantissa.map { "\($0)e\(exponent)" }
  }
}
