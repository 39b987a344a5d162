import SafeText
import Testing

/// Counts grouped by threes, as captions write them.
@Suite struct GroupedTests {
  @Test(arguments: [
    (0, "0"), (7, "7"), (999, "999"), (1000, "1,000"), (20_000, "20,000"), (123_456, "123,456"),
    (1_000_000, "1,000,000"), (-12_345, "-12,345"), (Int.min, "-9,223,372,036,854,775,808"),
  ])
  func countsAreGroupedByThrees(_ count: Int, _ text: String) {
    #expect(SafeText.grouped(count) == text)
  }
}
