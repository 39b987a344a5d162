import Foundation
import SafeText
import Testing

/// The one fixed-decimal number formatter: exact rounding, no exponent, no `-0`, nil for
/// what cannot be written.
@Suite struct FixedTests {
  @Test(arguments: [
    (0.125, 2, "0.12"), (0.375, 2, "0.38"), (2.5, 0, "2"), (3.5, 0, "4"), (-2.5, 0, "-2"), (2.675, 2, "2.67"),
    (1.005, 2, "1.00"), (0.0261, 3, "0.026"), (-1.5, 2, "-1.50"), (1e-5, 2, "0.00"), (-0.001, 2, "0.00"),
    (-0.0, 1, "0.0"), (0, 0, "0"), (.leastNonzeroMagnitude, 17, "0.00000000000000000"), (123456789.0, 0, "123456789"),
    (0.1, 17, "0.10000000000000001"), (9007199254740991, 0, "9007199254740991"),
  ])
  func nearestOrEvenIsWhatPrintfWrites(value: Double, decimals: Int, expected: String) {
    #expect(SafeText.fixed(value, decimals: decimals) == expected)
  }

  @Test(arguments: [
    (1e-5, 2, "0"), (-0.001, 2, "0"), (-0.0, 1, "0"), (2.5, 0, "3"), (-2.5, 0, "-3"), (0.125, 2, "0.13"),
    (1_234_567.891, 2, "1234567.89"), (0.1 + 0.2, 3, "0.3"), (12.0, 1, "12"), (-0.26, 1, "-0.3"), (2.675, 2, "2.67"),
  ])
  func nearestOrAwayFromZeroTrimmed(value: Double, decimals: Int, expected: String) {
    #expect(SafeText.fixed(value, decimals: decimals, rule: .toNearestOrAwayFromZero, trimmed: true) == expected)
  }

  @Test func directedRulesRoundTheExactValue() {
    #expect(SafeText.fixed(0.101, decimals: 1, rule: .towardZero) == "0.1")
    #expect(SafeText.fixed(0.101, decimals: 1, rule: .awayFromZero) == "0.2")
    #expect(SafeText.fixed(-0.101, decimals: 1, rule: .up) == "-0.1")
    #expect(SafeText.fixed(-0.101, decimals: 1, rule: .down) == "-0.2")
    #expect(SafeText.fixed(1e-300, decimals: 2, rule: .up) == "0.01")
    #expect(SafeText.fixed(-1e-300, decimals: 2, rule: .up) == "0.00")
    #expect(SafeText.fixed(0.5, decimals: 0, rule: .towardZero) == "0")
  }

  @Test(arguments: [Double.nan, -.nan, .infinity, -.infinity, 9007199254740992, -1e16, 1e300, .greatestFiniteMagnitude])
  func whatCannotBeWrittenIsNil(value: Double) {
    #expect(SafeText.fixed(value, decimals: 2) == nil)
  }

  /// Against the C library's `printf`, on values of every size and on exact ties.
  @Test func agreesWithPrintfEverywhereBelowTheLimit() {
    var generator = SystemRandomNumberGenerator()
    var values: [Double] = []
    for _ in 0..<20_000 {
      let magnitude = Double.random(in: -12...15, using: &generator)
      values.append(Double.random(in: -1...1, using: &generator) * pow(10, magnitude))
    }
    for _ in 0..<5_000 {
      // Ties at some number of decimals: k / 2^j.
      values.append(Double(Int.random(in: -100_000...100_000, using: &generator)) / Double(1 << Int.random(in: 1...12, using: &generator)))
    }
    for value in values where abs(value) < SafeText.fixedLimit {
      for decimals in [0, 1, 2, 3, 4, 6, 9] {
        var expected = String(format: "%.\(decimals)f", value)
        if expected.allSatisfy({ "-0.".contains($0) }) { expected.removeAll { $0 == "-" } }
        let ours = SafeText.fixed(value, decimals: decimals)
        #expect(ours == expected, "\(value) with \(decimals) decimals")
        if ours != expected { return }
      }
    }
  }
}
