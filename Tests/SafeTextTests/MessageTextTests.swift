import SafeText
import Testing

/// User text in one-line messages: quoted, escaped, bounded.
@Suite struct MessageTextTests {
  @Test func controlCharactersAreWrittenAsEscapes() {
    #expect(SafeText.quoted("a\nb\tc\rd\u{1B}[31me\u{0}\u{85}\u{FFFE}") == #"'a\nb\tc\rd\u{1B}[31me\u{0}\u{85}\u{FFFE}'"#)
    #expect(SafeText.quoted("소프트맥스 é") == "'소프트맥스 é'")
  }

  @Test func longTextIsCutToTheQuoteLimit() {
    let long = String(repeating: "a", count: 1_000_000)
    let quoted = SafeText.quoted(long)
    #expect(quoted == "'" + String(repeating: "a", count: 79) + "…'")
    #expect(quoted.unicodeScalars.count == SafeText.quoteLimit + 2)
    let exact = String(repeating: "b", count: SafeText.quoteLimit)
    #expect(SafeText.quoted(exact) == "'\(exact)'")
  }

  @Test func escapesCountTowardsTheLimitAndAreNeverSplit() {
    let escapes = String(repeating: "\u{1B}", count: 1000)
    let printed = SafeText.printable(escapes, limit: 20)
    #expect(printed == #"\u{1B}\u{1B}\u{1B}…"#)
    #expect(printed.unicodeScalars.count <= 20)
  }

  @Test func middleTruncationKeepsBothEnds() {
    let path = "/home/student/" + String(repeating: "deep/", count: 40) + "figure.mustache"
    let quoted = SafeText.quoted(path, truncation: .middle)
    #expect(quoted.hasPrefix("'/home/student/deep/"))
    #expect(quoted.hasSuffix("/deep/figure.mustache'"))
    #expect(quoted.contains("…"))
    #expect(quoted.unicodeScalars.count == SafeText.quoteLimit + 2)
    let message = "The value '" + String(repeating: "x", count: 1_000_000) + "' is invalid for '--activation'."
    let line = SafeText.printable(message, limit: SafeText.lineLimit, truncation: .middle)
    #expect(line.unicodeScalars.count == SafeText.lineLimit)
    #expect(line.hasPrefix("The value 'xxx") && line.hasSuffix("xxx' is invalid for '--activation'."))
  }
}
