import Testing

@testable import LabReport

/// A progress bar shows a case's name as text, never as terminal commands, in one column.
@Suite struct ProgressDisplayTests {
  @Test func controlCharactersInANameAreShownAsEscapes() {
    let label = ProgressDisplay.label("red\u{1B}[31m\u{7}\u{1B}]0;title\u{7}\nnext")
    #expect(!label.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    #expect(label.hasPrefix(#"red\u{1B}[31m\u{7}\u{1B}]0;titl…"#))
  }

  @Test func namesAreCutAndPaddedByScalars() {
    #expect(ProgressDisplay.label("Case 1") == "Case 1" + String(repeating: " ", count: 27))
    let long = ProgressDisplay.label(String(repeating: "가", count: 1000))
    #expect(long == String(repeating: "가", count: 31) + "… ")
    let emoji = ProgressDisplay.label(String(repeating: "😀", count: 40))
    #expect(emoji.unicodeScalars.count == 33)
  }
}
