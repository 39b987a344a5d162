import SafeText
import Testing

/// The Markdown escaper of the notes kit: punctuation with a meaning gets a backslash.
@Suite struct MarkdownTests {
  @Test func punctuationWithAMeaningIsEscaped() {
    #expect(
      SafeText.markdown(##"*a* _b_ `c` [d](e) <f> &amp; #g |h| ~i~ ^j^ $k$ @l {m} \n"##)
        == ##"\*a\* \_b\_ \`c\` \[d\](e) \<f\> \&amp; \#g \|h\| \~i\~ \^j\^ \$k\$ \@l \{m\} \\n"##)
  }

  @Test func textStaysOnOneLine() {
    #expect(SafeText.markdown("one\n\n# two\tthree\r") == ##"one  \# two three "##)
    #expect(SafeText.markdown("a\u{7}b\u{85}") == "a\u{FFFD}b\u{FFFD}")
  }

  @Test func plainTextIsKept() {
    #expect(SafeText.markdown("Training points (class 0 blue), 0.5 - 1.") == "Training points (class 0 blue), 0.5 - 1.")
    #expect(SafeText.markdown("학습 데이터 · ŷ") == "학습 데이터 · ŷ")
  }
}
