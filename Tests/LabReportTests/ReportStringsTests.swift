import Testing

@testable import LabReport

/// The report's words: placeholders are filled once, whatever the values hold.
@Suite struct ReportStringsTests {
  let strings = ReportStrings(table: ["data_text_csv": "From {file}: {n} points, seed {seed}, {unknown}."])

  @Test func valuesAreNeverSearchedForPlaceholders() {
    for _ in 0..<20 {
      #expect(
        strings.format(.dataTextCSV, ["file": "{seed}{n}.csv", "n": "5", "seed": "7"])
          == "From {seed}{n}.csv: 5 points, seed 7, {unknown}.")
    }
  }

  @Test func aTextWithoutItsKeyShowsTheKey() {
    #expect(strings[.dataTextCircle] == "data_text_circle")
  }
}
