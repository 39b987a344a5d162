import Foundation
import Testing
import TinyNet

/// Backpropagation against the notebook's central difference, on random parameters of
/// networks of every shape.
@Suite struct GradientTests {
  struct Configuration: Sendable, CustomStringConvertible {
    var features: [Feature]
    var hidden: [Int]
    var options: NetworkOptions
    var regularization = Regularization.none
    var description: String {
      "\(features.map(\.rawValue)) \(hidden) \(options.activation)\(options.batchNorm ? " bn" : "") \(regularization.kind)"
    }
  }

  static let configurations: [Configuration] =
    Activation.allCases.flatMap { activation in
      [false, true].map { Configuration(features: [.x1, .x2], hidden: [3], options: .init(activation: activation, batchNorm: $0)) }
    } + [
      Configuration(features: [.x1, .x2], hidden: [], options: .init(activation: .tanh)),
      Configuration(features: Feature.allCases, hidden: [5], options: .init(activation: .tanh)),
      Configuration(features: [.x1, .x2, .x1X2], hidden: [8, 8], options: .init(activation: .sigmoid, batchNorm: true)),
      Configuration(features: [.x1Squared, .x2Squared], hidden: [1, 4, 2], options: .init(activation: .linear)),
      Configuration(features: [.x1, .sinX2], hidden: [16, 3], options: .init(activation: .relu, batchNorm: true)),
      Configuration(features: [.x2, .x1], hidden: [2, 2, 2, 2, 2, 2], options: .init(activation: .tanh)),
      Configuration(
        features: [.x1, .x2], hidden: [6, 4], options: .init(activation: .tanh), regularization: .init(.l2, rate: 0.3)),
      Configuration(
        features: [.x1, .x2], hidden: [6], options: .init(activation: .sigmoid, batchNorm: true),
        regularization: .init(.l1, rate: 0.05)),
    ]

  /// A batch and parameters whose hidden inputs all stay at least 0.01 from ReLU's kink and
  /// whose predictions stay off 0 and 1 by 1e-4: where `1 - yhat` rounds to a few ulps,
  /// central differences of the notebook's loss see only rounding.
  static func sample(_ random: inout RandomState, data: Dataset, shape: NetworkShape, options: NetworkOptions)
    -> (Parameters, LabeledPoints)
  {
    while true {
      let parameters = Parameters(
        shape: shape, values: (0..<shape.parameterCount).map { _ in random.nextDouble() * 3 - 1.5 })
      let size = (options.batchNorm ? 2 : 1) + random.choice(below: 20)
      let indices = (0..<size).map { _ in random.choice(below: data.train.count) }
      let points = data.train.subset(indices)
      let trace = ForwardTrace(points: points, parameters: parameters, options: options)
      let inputs = trace.hidden.flatMap { ($0.normalized ?? $0.a).joined() }
      let confident = trace.yhat.allSatisfy { (1e-4...(1 - 1e-4)).contains($0) }
      if inputs.allSatisfy({ abs($0) > 0.01 && $0.isFinite }) && Set(indices).count > 1 && confident {
        return (parameters, points)
      }
    }
  }

  /// Each component agrees within 1e-6 of the gradient's size: central differences with
  /// h = 1e-7 carry a rounding error near 1e-9 in absolute terms.
  @Test(arguments: configurations)
  func analyticMatchesCentralDifference(_ configuration: Configuration) throws {
    let shape = try NetworkShape(features: configuration.features, hidden: configuration.hidden)
    let data = Dataset(seed: 317, count: 100)
    var random = RandomState(seed: 2024)
    var worst = 0.0
    for _ in 0..<40 {
      let (parameters, points) = Self.sample(&random, data: data, shape: shape, options: configuration.options)
      let numeric = parameters.lossGradient(
        on: points, options: configuration.options, method: .numeric, regularization: configuration.regularization)
      let analytic = parameters.lossGradient(
        on: points, options: configuration.options, method: .analytic, regularization: configuration.regularization)
      let scale = max(analytic.values.map(abs).max() ?? 0, 1e-2)
      for (n, a) in zip(numeric.values, analytic.values) { worst = max(worst, abs(n - a) / scale) }
    }
    #expect(worst < 1e-6, "worst disagreement \(worst) of the gradient's size")
  }

  @Test func batchNormMakesHiddenBiasesIrrelevant() throws {
    let data = Dataset(seed: 317, count: 100)
    let shape = try NetworkShape(hidden: [4, 3])
    let parameters = Parameters.random(shape: shape, seed: 9)
    let gradient = parameters.lossGradient(
      on: data.train, options: NetworkOptions(batchNorm: true), method: .analytic)
    for (k, role) in shape.roles.enumerated() where !role.isWeight && role.layer < shape.outputLayer {
      #expect(abs(gradient.values[k]) < 1e-15)
    }
  }
}
