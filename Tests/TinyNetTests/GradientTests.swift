import Foundation
import Testing
import TinyNet

/// Backpropagation against the notebook's central difference on random parameters.
@Suite struct GradientTests {
  static let options: [NetworkOptions] = Activation.allCases.flatMap {
    [NetworkOptions(activation: $0, batchNorm: false), NetworkOptions(activation: $0, batchNorm: true)]
  }

  /// A batch and parameters whose pre-activations all stay at least 0.01 from ReLU's kink.
  static func sample(_ random: inout RandomState, data: Dataset, batchNorm: Bool)
    -> (Parameters, LabeledPoints)
  {
    while true {
      let parameters = Parameters(values: (0..<Parameters.count).map { _ in random.nextDouble() * 3 - 1.5 })
      let size = (batchNorm ? 2 : 1) + random.choice(below: 20)
      let indices = (0..<size).map { _ in random.choice(below: data.train.count) }
      let points = LabeledPoints(
        x1: indices.map { data.train.x1[$0] }, x2: indices.map { data.train.x2[$0] },
        y: indices.map { data.train.y[$0] })
      let trace = ForwardTrace(
        points: points, parameters: parameters, options: NetworkOptions(batchNorm: batchNorm))
      let inputs = (trace.normalized ?? trace.a).joined()
      if inputs.allSatisfy({ abs($0) > 0.01 && $0.isFinite }) && Set(indices).count > 1 {
        return (parameters, points)
      }
    }
  }

  @Test(arguments: options)
  func analyticMatchesCentralDifference(_ options: NetworkOptions) {
    let data = Dataset(seed: 317, count: 100)
    var random = RandomState(seed: 2024)
    var worst = 0.0
    for _ in 0..<200 {
      let (parameters, points) = Self.sample(&random, data: data, batchNorm: options.batchNorm)
      let numeric = parameters.lossGradient(on: points, options: options, method: .numeric)
      let analytic = parameters.lossGradient(on: points, options: options, method: .analytic)
      for (n, a) in zip(numeric.values, analytic.values) {
        // Central difference with h = 1e-7 carries a rounding error near 1e-9.
        let error = abs(n - a) / (abs(a) + 1e-3)
        worst = max(worst, error)
      }
    }
    #expect(worst < 1e-5, "worst relative disagreement \(worst)")
  }

  @Test func batchNormMakesHiddenBiasesIrrelevant() {
    let data = Dataset(seed: 317, count: 100)
    let gradient = Parameters.notebookInitial.lossGradient(
      on: data.train, options: NetworkOptions(batchNorm: true), method: .analytic)
    for unit in 0..<3 { #expect(abs(gradient.values[unit]) < 1e-15) }
  }
}
