import TinyNet

extension NetworkDiagram {
  /// One SGD step drawn on the network: every weight's edge and every bias's node shows
  /// the value before the step, the value after it and the gradient, on three lines:
  /// `w11=0.200`, `→ 0.221`, `g=-0.107` (`n/a` where the step diverged).
  ///
  /// Parameters get three decimals, as the notebook rounds the updated biases
  /// (`b11: 0.026`): one step moves most weights by less than 0.01.
  ///
  /// `sample` gives the node values, usually the drawn point `step.index` evaluated with
  /// `step.before`. Edges are coloured by the weight before the step, which produced
  /// those values. `learningRate` is the one `step` was made with; the subtitle states
  /// the rule `new = old - learningRate × g`.
  ///
  /// With `hoverValues`, every node and weight also gets a hover text (`hoverTexts`) with
  /// its values in full precision (`w11 = 0.2 → 0.22134… (g = -0.1067…)`).
  public static func update(
    step: StepUpdate, learningRate: Double, sample: DiagramSample, options: NetworkOptions,
    title: String, hoverValues: Bool = false
  ) -> NetworkDiagram {
    let rule = "new = old − \(learningRate) × g"
    let names = step.before.shape.parameterNames
    func number(_ value: Double?) -> String { value.map { LabelText.number($0, decimals: 3) } ?? "n/a" }
    var diagram = layered(
      title: title,
      subtitle: ["one SGD step on point \(step.index) (class \(step.y)): \(rule)"],
      summary: sampleSentence(sample, options, shape: step.before.shape)
        + " Each weight and bias shows its value before and after one SGD step on point "
        + "\(step.index) with learning rate \(learningRate), and its gradient g: \(rule). "
        + colorLegend,
      sample: sample, options: options, weights: step.before,
      parameterText: {
        [
          "\(names[$0])=\(number(step.before.values[$0]))",
          "→ \(number(step.after?.values[$0]))",
          "g=\(number(step.gradient?.values[$0]))",
        ]
      })
    if hoverValues {
      func full(_ value: Double?) -> String { value.map(Self.full) ?? "n/a" }
      diagram.hoverTexts = valueTexts(sample: sample, shape: step.before.shape) { index in
        "\(names[index]) = \(full(step.before.values[index])) → \(full(step.after?.values[index])) "
          + "(g = \(full(step.gradient?.values[index])))"
      }
    }
    return diagram
  }
}
