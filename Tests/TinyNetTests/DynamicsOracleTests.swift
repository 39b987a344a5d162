import Testing
import TestSupport
import TinyNet

/// What the report draws over time, against `reference/seed_reference.py` (numpy): the
/// accuracy after every recorded update, each layer's gradient norm and update ratio, the
/// parameters at the checkpoints, the final confusion matrices and the numeric column of
/// the gradient check, all bit for bit, on networks of several shapes.
@Suite(.serialized) struct DynamicsOracleTests {
  static let configurations: [OracleConfiguration] = [
    .init(epochs: 10, dynamics: true),
    .init(batchSize: 10, epochs: 10, learningRate: 0.1, batchNorm: true, dynamics: true),
    .init(activation: "tanh", batchSize: 20, epochs: 30, learningRate: 0.1, dynamics: true, checkpoints: [3, 7, 40, 5000]),
    .init(activation: "sigmoid", batchSize: 100, epochs: 40, learningRate: 2.0, dynamics: true),
    .init(nObs: 40, activation: "tanh", batchSize: 5, epochs: 3, learningRate: 0.1, data: "spiral", noise: 0.2, hidden: [8, 8], dynamics: true),
    .init(nObs: 40, activation: "tanh", batchSize: 8, epochs: 3, learningRate: 0.5, data: "xor", hidden: [], features: ["x1", "x2", "x1_x2"], dynamics: true),
    .init(nObs: 30, activation: "relu", batchSize: 6, epochs: 3, learningRate: 0.3, batchNorm: true, data: "circle", noise: 0.25, hidden: [4, 3], dynamics: true),
    .init(nObs: 30, activation: "linear", batchSize: 3, epochs: 2, learningRate: 0.05, data: "gauss", hidden: [2, 3], dynamics: true),
    .init(nObs: 30, activation: "sigmoid", batchSize: 10, epochs: 3, learningRate: 0.8, data: "gauss", noise: 0.3, regularization: "l2", regularizationRate: 0.05, dynamics: true),
    .init(nObs: 25, activation: "relu", batchSize: 1, epochs: 2, learningRate: 1.0, data: "circle", hidden: [16], dynamics: true, checkpoints: [0]),
    .init(nObs: 30, batchSize: 3, epochs: 2, learningRate: 0.2, regularization: "l1", regularizationRate: 0.01, dynamics: true),
    .init(activation: "tanh", batchSize: 10, epochs: 10, learningRate: 0.1, dynamics: true, recordEvery: 9),
    .init(nObs: 40, activation: "tanh", batchSize: 5, epochs: 3, learningRate: 0.1, data: "circle", hidden: [4, 4], dynamics: true, recordEvery: 5),
  ]

  @Test func curvesCheckpointsConfusionAndGradientCheckAgreeWithNumpy() throws {
    let oracle = try runOracle(Self.configurations)
    for (configuration, expected) in zip(Self.configurations, oracle) {
      let dynamics = try #require(expected.dynamics, "\(configuration)")
      let (trainer, initial) = try configuration.trainer()
      let result = trainer.run(from: initial, checkpoints: configuration.checkpoints, exactLossLimit: .max)
      #expect(result.divergedAt == nil, "\(configuration)")
      let curves = result.curves
      #expect(bits(curves.accuracyTrain) == bits(dynamics.accuracyTrain), "\(configuration): training accuracy")
      #expect(bits(curves.accuracyTest) == bits(dynamics.accuracyTest), "\(configuration): test accuracy")
      #expect(curves.gradientNorm.map(bits) == dynamics.gradientNorm.map(bits), "\(configuration): gradient norms")
      #expect(curves.updateRatio.map(bits) == dynamics.updateRatio.map(bits), "\(configuration): update ratios")

      #expect(result.checkpoints.map(\.iteration) == dynamics.checkpoints.map(\.iteration), "\(configuration)")
      for (ours, theirs) in zip(result.checkpoints, dynamics.checkpoints) {
        let values = initial.shape.parameterNames.map { theirs.params[$0] ?? .nan }
        #expect(bits(ours.parameters.values) == bits(values), "\(configuration): checkpoint \(ours.iteration)")
      }

      let data = trainer.data
      let options = trainer.settings.options
      for (points, matrix) in [(data.train, dynamics.confusionTrain), (data.test, dynamics.confusionTest)] {
        let trace = ForwardTrace(points: points, parameters: result.parameters, options: options)
        #expect(ConfusionMatrix(labels: points.y, predicted: trace.ypred).counts == matrix, "\(configuration)")
      }

      let check = GradientCheck(
        parameters: initial, points: data.train, options: options, regularization: trainer.settings.regularization)
      #expect(bits(check.numeric.values) == bits(dynamics.gradientCheckNumeric), "\(configuration): gradient check")
      #expect(check.flagged.count < initial.shape.parameterCount, "\(configuration): backpropagation agrees somewhere")
    }
  }

  @Test func theDefaultPlanKeepsRoundIterationsOnALogScale() {
    #expect(Checkpoint.iterations(requested: nil, total: 1000) == [0, 1, 2, 5, 10, 50, 100, 200, 500, 1000])
    #expect(Checkpoint.iterations(requested: nil, total: 100) == [0, 1, 2, 5, 10, 20, 50, 100])
    #expect(Checkpoint.iterations(requested: nil, total: 1) == [0, 1])
    #expect(Checkpoint.iterations(requested: [5, 7, 2000], total: 100) == [0, 5, 7, 100])
    #expect(Checkpoint.iterations(requested: nil, total: 10_000_000).count == 10)
  }

  private func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }
}
