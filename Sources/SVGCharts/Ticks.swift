import Foundation

/// Tick positions as matplotlib's default locator chooses them.
///
/// This is `MaxNLocator(nbins, steps=[1, 2, 2.5, 5, 10], min_n_ticks=2)`, the locator behind
/// matplotlib's `AutoLocator`, including its floating-point tolerances, so an axis here
/// shows the ticks the notebook's figures showed for the same limits and bin count.
enum Ticks {
  /// matplotlib's `_staircase([1, 2, 2.5, 5, 10])`: the step mantissas tried, times a power of ten.
  static let mantissas = [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20]
  /// A locator keeps trying smaller steps until at least this many ticks are visible.
  static let minimumCount = 2

  /// The ticks of `MaxNLocator` that lie within `lower...upper`.
  ///
  /// Consecutive ticks are `step` apart, where `step` is 1, 2, 2.5 or 5 times a power of
  /// ten: the smallest such step that splits the interval into at most `bins` parts, or a
  /// smaller one if that leaves fewer than two ticks visible. Ticks are multiples of `step`.
  /// With `integer`, steps below 1 are not used when the interval holds two integers.
  static func locate(_ lower: Double, _ upper: Double, bins: Int, integer: Bool = false) -> [Double] {
    let (vmin, vmax) = nonsingular(lower, upper, expander: 1e-13, tiny: 1e-14)
    let bins = Double(max(1, bins))
    let (scale, offset) = scaleRange(vmin, vmax, bins: bins)
    let shiftedMin = vmin - offset
    let shiftedMax = vmax - offset
    var steps = mantissas.map { $0 * scale }
    if integer {
      steps = steps.filter { $0 < 1 || abs($0 - $0.rounded()) < 0.001 }
    }
    let rawStep = (shiftedMax - shiftedMin) / bins
    let largest = steps.firstIndex { $0 >= rawStep } ?? steps.count - 1
    var ticks: [Double] = []
    for candidate in steps[...largest].reversed() {
      var step = candidate
      if integer && floor(shiftedMax) - ceil(shiftedMin) >= Double(minimumCount - 1) {
        step = max(1, step)
      }
      let bestMin = floorDivide(shiftedMin, step) * step
      let low = edgeBelow(shiftedMin - bestMin, step: step, offset: offset)
      let high = edgeAbove(shiftedMax - bestMin, step: step, offset: offset)
      ticks = stride(from: low, through: high, by: 1).map { $0 * step + bestMin }
      let visible = ticks.filter { $0 <= shiftedMax && $0 >= shiftedMin }.count
      if visible >= minimumCount { break }
    }
    // matplotlib draws the ticks within the view interval, with a relative tolerance of 1e-10.
    let slack = (upper - lower) * 1e-10
    return ticks.map { $0 + offset }.filter { $0 >= lower - slack && $0 <= upper + slack }
  }

  /// matplotlib's `nonsingular`: widens a degenerate interval so a scale can be built on it.
  static func nonsingular(_ lower: Double, _ upper: Double, expander: Double, tiny: Double)
    -> (Double, Double)
  {
    guard lower.isFinite, upper.isFinite else { return (-expander, expander) }
    var (low, high) = lower <= upper ? (lower, upper) : (upper, lower)
    let largest = max(abs(low), abs(high))
    if largest < 1e6 / tiny * Double.leastNormalMagnitude {
      (low, high) = (-expander, expander)
    } else if high - low <= largest * tiny {
      if high == 0 && low == 0 {
        (low, high) = (-expander, expander)
      } else {
        low -= expander * abs(low)
        high += expander * abs(high)
      }
    }
    return (low, high)
  }

  /// matplotlib's `scale_range`: the power of ten near `(upper - lower) / bins`, and an
  /// offset (a power of ten) when the interval sits far from zero.
  private static func scaleRange(_ lower: Double, _ upper: Double, bins: Double) -> (Double, Double) {
    let span = abs(upper - lower)
    let mean = (upper + lower) / 2
    let offset = abs(mean) / span < 100 ? 0 : copysign(pow(10, floor(log10(abs(mean)))), mean)
    return (pow(10, floor(log10(span / bins))), offset)
  }

  /// matplotlib's `_Edge_integer.le`: the largest `n` with `n · step ≤ x`, allowing for rounding.
  private static func edgeBelow(_ x: Double, step: Double, offset: Double) -> Double {
    let (quotient, remainder) = pythonDivmod(x, step)
    return isClose(remainder / step, 1, step: step, offset: offset) ? quotient + 1 : quotient
  }

  /// matplotlib's `_Edge_integer.ge`: the smallest `n` with `n · step ≥ x`, allowing for rounding.
  private static func edgeAbove(_ x: Double, step: Double, offset: Double) -> Double {
    let (quotient, remainder) = pythonDivmod(x, step)
    return isClose(remainder / step, 0, step: step, offset: offset) ? quotient : quotient + 1
  }

  /// matplotlib's `_Edge_integer.closeto`: more slack when the offset dwarfs the step.
  private static func isClose(_ fraction: Double, _ edge: Double, step: Double, offset: Double) -> Bool {
    var tolerance = 1e-10
    if offset != 0 {
      let digits = log10(abs(offset) / step)
      tolerance = min(0.4999, max(1e-10, pow(10, digits - 12)))
    }
    return abs(fraction - edge) < tolerance
  }

  /// Python's `x // y` for floats.
  private static func floorDivide(_ x: Double, _ y: Double) -> Double {
    pythonDivmod(x, y).quotient
  }

  /// Python's `divmod(x, y)` for floats: a floored quotient and a remainder with the sign of `y`.
  private static func pythonDivmod(_ x: Double, _ y: Double) -> (quotient: Double, remainder: Double) {
    var remainder = fmod(x, y)
    var division = (x - remainder) / y
    if remainder != 0 {
      if (y < 0) != (remainder < 0) {
        remainder += y
        division -= 1
      }
    } else {
      remainder = copysign(0, y)
    }
    var quotient: Double
    if division != 0 {
      quotient = floor(division)
      if division - quotient > 0.5 { quotient += 1 }
    } else {
      quotient = copysign(0, x / y)
    }
    return (quotient, remainder)
  }
}
