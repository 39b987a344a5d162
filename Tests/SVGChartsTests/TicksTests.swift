import Testing

@testable import SVGCharts

/// Axis ticks as matplotlib's default locator (`MaxNLocator`, steps 1, 2, 2.5, 5, 10) and
/// `ScalarFormatter` choose them. Expected values are matplotlib's for the same view limits.
struct TicksTests {
  @Test(arguments: [
    (0.0, 1.0, 9, false, [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1]),
    (0.13, 0.69, 9, false, [0.2, 0.30000000000000004, 0.4, 0.5, 0.6]),
    (-2.1, 2.1, 9, false, [-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2]),
    (0, 1000, 9, false, [0, 200, 400, 600, 800, 1000]),
    (0, 1e6, 9, false, [0, 200_000, 400_000, 600_000, 800_000, 1_000_000]),
    // A 1000-iteration loss curve: x from 1 to 1000 with matplotlib's 5% margins.
    (-49.95, 1050.95, 9, false, [0, 200, 400, 600, 800, 1000]),
    // Far from zero: ticks are placed relative to an offset of 1000.
    (1000.1, 1000.2, 9, false, [1000.1, 1000.12, 1000.14, 1000.16, 1000.18, 1000.2]),
    (0, 3.15, 9, true, [0, 1, 2, 3]),
    (0, 7.35, 9, true, [0, 1, 2, 3, 4, 5, 6, 7]),
    (0.1217, 0.6912, 5, false, [0.2, 0.4, 0.6000000000000001]),
    (
      -3e-5, 2e-5, 9, false,
      [
        -2.9999999999999997e-05, -1.9999999999999998e-05, -9.999999999999999e-06, 0, 9.999999999999999e-06,
        1.9999999999999998e-05,
      ]
    ),
  ])
  func matplotlibChoices(lower: Double, upper: Double, bins: Int, integer: Bool, expected: [Double]) {
    #expect(Ticks.locate(lower, upper, bins: bins, integer: integer) == expected)
  }

  @Test func aDegenerateIntervalStillGetsItsValue() {
    #expect(Ticks.locate(5, 5, bins: 9) == [5])
  }

  @Test func fewerBinsGiveCoarserSteps() {
    #expect(Ticks.locate(0, 1, bins: 3) == [0, 0.5, 1])
    #expect(Ticks.locate(0, 1000, bins: 2) == [0, 500, 1000])
  }

  @Test func labelsShareTheFewestDecimalsThatTellTicksApart() throws {
    #expect(
      try Ticks.Labels([0, 0.2, 0.4, 0.6000000000000001, 0.8, 1]).texts == [
        "0.0", "0.2", "0.4", "0.6", "0.8", "1.0",
      ])
    #expect(try Ticks.Labels([0, 200, 400]).texts == ["0", "200", "400"])
    #expect(try Ticks.Labels([0, 2.5, 5, 7.5]).texts == ["0.0", "2.5", "5.0", "7.5"])
    #expect(try Ticks.Labels([1000.1, 1000.12, 1000.14]).texts == ["1000.10", "1000.12", "1000.14"])
  }

  @Test func negativeLabelsUseTheMinusSign() throws {
    #expect(try Ticks.Labels([-2, -1.5, 0, 1.5]).texts == ["\u{2212}2.0", "\u{2212}1.5", "0.0", "1.5"])
  }

  @Test func largeAndTinyTicksFactorOutAPowerOfTen() throws {
    let large = try Ticks.Labels([0, 200_000, 400_000, 600_000, 800_000, 1_000_000])
    #expect(large.texts == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    #expect(large.exponent == "×10⁶")
    let tiny = try Ticks.Labels([-2e-5, 0, 2e-5])
    #expect(tiny.texts == ["\u{2212}2", "0", "2"])
    #expect(tiny.exponent == "×10⁻⁵")
    #expect(try Ticks.Labels([0, 200_000]).exponent == nil)
  }
}

@Suite struct ViewLimitsTests {
  /// Around 10^18 a relative tolerance spans the whole range: each sticky edge must still
  /// hold only its own side.
  @Test func stickyEdgesOfANarrowRangeFarFromZeroStayInOrder() {
    let low = 1e18 - 1e12
    let high = 1e18 + 1e12
    let limits = Axes.viewLimits(low...high, sticky: [low, high], margin: 0.05)
    #expect(limits.lowerBound <= low && limits.upperBound >= high)
    #expect(limits.upperBound - limits.lowerBound < 1e13)
  }

  @Test func stickyEdgesHoldTheViewAtTheDataOnAnOrdinaryRange() {
    #expect(Axes.viewLimits(0...1, sticky: [0, 1], margin: 0.05) == 0...1)
    #expect(Axes.viewLimits(0...1, sticky: [], margin: 0.05) == -0.05...1.05)
  }
}
