import SafeText
import Testing

/// The LaTeX escaper of the notes kit: every special prints as itself.
@Suite struct LaTeXTests {
  @Test func theTenSpecialsPrintAsThemselves() {
    #expect(
      SafeText.latex(##"# $ % & _ { } \ ^ ~"##)
        == ##"\# \$ \% \& \_ \{ \} \textbackslash{} \textasciicircum{} \textasciitilde{}"##)
  }

  @Test func glyphsOfTheDefaultEncodingAndDashesAreSpelledOut() {
    #expect(SafeText.latex("a<b>c|d") == ##"a\textless{}b\textgreater{}c\textbar{}d"##)
    #expect(SafeText.latex("x--y---z -w") == "x-{}-y-{}-{}-z -w")
  }

  @Test func lineBreaksBecomeSpacesAndForbiddenScalarsReplacementCharacters() {
    #expect(SafeText.latex("one\n\ntwo\tthree\r") == "one  two three ")
    #expect(SafeText.latex("a\u{0}b\u{1B}c\u{FFFF}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
  }

  @Test func plainAndNonLatinTextIsKept() {
    #expect(SafeText.latex("Loss per iteration (left), 0.5197.") == "Loss per iteration (left), 0.5197.")
    #expect(SafeText.latex("결정 경계 · ŷ → 0.2 × g") == "결정 경계 · ŷ → 0.2 × g")
  }
}

@Suite struct LaTeXSuperscriptTests {
  @Test func superscriptsAndDoubleBarsPrintWithLaTeXsDefaultEncoding() {
    #expect(SafeText.latex("near 10⁻³ (dashed)") == "near 10\\textsuperscript{-3} (dashed)")
    #expect(SafeText.latex("x² + y²") == "x\\textsuperscript{2} + y\\textsuperscript{2}")
    #expect(SafeText.latex("‖update‖ / ‖weights‖") == "\\textbardbl{}update\\textbardbl{} / \\textbardbl{}weights\\textbardbl{}")
    #expect(SafeText.latex("⁻⁻¹") == "\\textsuperscript{-{}-1}")
  }
}
