import SafeText
import Testing

/// One escaper for SVG, the diagrams' metadata and any markup nnlab writes itself.
@Suite struct EscapedTests {
  @Test func markupAndQuotesBecomeReferences() {
    #expect(
      SafeText.escaped("<script>alert('x')</script> & \"q\"\n\tok")
        == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;&#10;&#9;ok")
    #expect(SafeText.escaped("a\rb") == "a&#13;b")
  }

  @Test func textContentMayKeepItsQuotes() {
    #expect(SafeText.escaped(#"the unit's "input" <ay> & b21"#, quotes: false) == #"the unit's "input" &lt;ay&gt; &amp; b21"#)
  }

  @Test func plainTextIsReturnedAsItIs() {
    #expect(SafeText.escaped("x1=-0.78, loss 0.5197") == "x1=-0.78, loss 0.5197")
    #expect(SafeText.escaped("손실 λ 😀") == "손실 λ 😀")
  }

  @Test func forbiddenScalarsBecomeReplacementCharacters() {
    #expect(
      SafeText.escaped("a\u{0}b\u{7}c\u{1B}d\u{7F}e\u{85}f\u{FFFE}g\u{FFFF}h" + String(nonCharacter(0xFDD0)))
        == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f\u{FFFD}g\u{FFFD}h\u{FFFD}")
  }
}
