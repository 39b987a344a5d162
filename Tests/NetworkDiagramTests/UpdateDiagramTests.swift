import NetworkDiagram
import Testing
import TinyNet

/// Cell 14 of the notebook: one SGD step (learning rate 0.2) on the drawn point 74.
@Suite struct UpdateDiagramTests {
  let document: SVGDocument

  init() throws {
    let rendered = try GraphvizRenderer.shared.render(Fixtures.update, idPrefix: "update")
    document = try #require(SVGDocument(rendered.svg))
  }

  /// Whether `lines` appear one after another among the SVG's texts, as one label.
  func hasLabel(_ lines: [String]) -> Bool {
    document.texts.indices.contains { start in
      document.texts[start...].starts(with: lines)
    }
  }

  @Test func biasesShowTheNotebooksUpdateAtTheirNodes() {
    // The notebook printed b11: 0.026 / b12: 0.009 / b13: 0.017 / b21: 0.087 after the step.
    #expect(hasLabel(["a1=0.28", "b11=0.000", "→ 0.026", "g=-0.130"]))
    #expect(hasLabel(["a2=0.38", "b12=0.000", "→ 0.009", "g=-0.043"]))
    #expect(hasLabel(["a3=0.71", "b13=0.000", "→ 0.017", "g=-0.087"]))
    #expect(hasLabel(["ay=0.26", "b21=0.000", "→ 0.087", "g=-0.435"]))
  }

  @Test func everyWeightShowsOldValueNewValueAndGradient() {
    let labels = [
      ["w11=0.200", "→ 0.221", "g=-0.107"], ["w12=0.300", "→ 0.307", "g=-0.036"],
      ["w13=0.800", "→ 0.814", "g=-0.071"], ["w21=0.700", "→ 0.704", "g=-0.021"],
      ["w22=0.800", "→ 0.801", "g=-0.007"], ["w23=0.300", "→ 0.303", "g=-0.014"],
      ["w31=0.300", "→ 0.324", "g=-0.120"], ["w32=0.100", "→ 0.133", "g=-0.163"],
      ["w33=0.200", "→ 0.261", "g=-0.307"],
    ]
    for label in labels { #expect(hasLabel(label), "no label \(label)") }
  }

  @Test func theDrawnPointAndTheRuleAreNamed() {
    #expect(hasLabel(["x1=0.82"]) && hasLabel(["x2=0.16"]))
    #expect(document.titles.first == "One update")
    #expect(document.texts.contains("one SGD step on point 74 (class 1): new = old − 0.2 × g"))
  }

  @Test func passesXmllint() throws {
    let rendered = try GraphvizRenderer.shared.render(Fixtures.update, idPrefix: "update")
    for svg in [rendered.svg, rendered.inlineSVG] {
      let result = try xmllint(svg)
      #expect(result.status == 0, "\(result.messages)")
    }
  }
}
