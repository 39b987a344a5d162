import Foundation

extension Ticks {
  /// Ticks of a logarithmic axis: labelled ones at powers of ten, unlabelled ones between.
  ///
  /// Major ticks sit at `10ⁿ` for every `n` whose power lies in the limits, or at every
  /// second, third, ... such power when an axis `length` pixels long has no room for all
  /// of them (neighbours at least `spacing` pixels apart); the kept powers are multiples of
  /// the stride, so `10⁰` is always among them when it is in view. When every decade is
  /// labelled and at least `minorSpacing` pixels long, minor ticks mark 2·10ⁿ … 9·10ⁿ.
  /// Labels are `10` followed by the exponent in superscript digits (`10⁻³`, `10⁰`, `10²`).
  struct Logarithmic: Sendable, Equatable {
    var major: [Double]
    var minor: [Double]
    var labels: [String]

    /// The decade length below which minor ticks are left out.
    static let minorSpacing = 24.0

    init(_ limits: ClosedRange<Double>, length: Double, spacing: Double) {
      let low = Int(ceil(log10(limits.lowerBound) - 1e-9))
      let high = Int(floor(log10(limits.upperBound) + 1e-9))
      let decades = max(log10(limits.upperBound) - log10(limits.lowerBound), 1e-9)
      let decadeLength = length / decades
      var stride = 1
      while Double(stride) * decadeLength < spacing, stride < max(1, high - low) {
        stride += 1
      }
      let exponents = high < low ? [] : (low...high).filter { $0 % stride == 0 }
      major = exponents.map { Self.power($0) }
      labels = exponents.map { "10" + Ticks.superscript($0) }
      minor = []
      if stride == 1, decadeLength >= Self.minorSpacing {
        let first = Int(floor(log10(limits.lowerBound) + 1e-9))
        for exponent in first...max(first, high) {
          for mantissa in 2...9 {
            let value = Double(mantissa) * Self.power(exponent)
            if value >= limits.lowerBound, value <= limits.upperBound { minor.append(value) }
          }
        }
      }
    }

    /// `10ⁿ` as the nearest double (exact for the decades an axis shows).
    static func power(_ exponent: Int) -> Double {
      exponent >= 0 ? pow(10, Double(exponent)) : 1 / pow(10, Double(-exponent))
    }

    /// The view limits of a log axis for positive data in `range`: widened to whole
    /// decades, at least one decade; `1e-8...1` when there is no positive data.
    static func limits(_ range: ClosedRange<Double>?) -> ClosedRange<Double> {
      guard let range, range.lowerBound > 0, range.upperBound.isFinite else { return 1e-8...1 }
      let low = Int(floor(log10(range.lowerBound) + 1e-9))
      var high = Int(ceil(log10(range.upperBound) - 1e-9))
      if high <= low { high = low + 1 }
      return power(low)...power(high)
    }
  }
}
