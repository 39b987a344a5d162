import Testing
import TestSupport
import TinyNet

/// Every recorded loss against `reference/seed_reference.py` (numpy) on a spread of
/// configurations: all activations, batch normalisation on and off, several seeds, data
/// sizes and batch sizes, and the full batch.
///
/// Every run is bit-identical to numpy's, chaotic ones (batch 1, learning rate 1) included:
/// the oracle pins numpy to its C-library loops for `exp`, `log` and `tanh`, which nnlab
/// calls too (see `reference/seed_reference.py`).
@Suite(.serialized) struct OracleDifferentialTests {
  static let configurations: [OracleConfiguration] = [
    .init(epochs: 3),
    .init(epochs: 2, learningRate: 0.3),
    .init(epochs: 2, learningRate: 1.0),
    .init(batchSize: 20, epochs: 50, learningRate: 0.1),
    .init(batchSize: 20, epochs: 50, learningRate: 0.1, batchNorm: true),
    .init(batchSize: 1000, epochs: 100, learningRate: 0.5),
    .init(batchSize: 100, epochs: 60, learningRate: 0.8, batchNorm: true),
    .init(nObs: 37, batchSize: 5, epochs: 20, learningRate: 0.2),
    .init(seed: 0, epochs: 2, learningRate: 0.05),
    .init(seed: 4_294_967_295, nObs: 60, batchSize: 2, epochs: 6, learningRate: 0.1, batchNorm: true),
    .init(nObs: 2, batchSize: 1, epochs: 100, learningRate: 0.5),
    .init(activation: "sigmoid", batchSize: 7, epochs: 20, learningRate: 0.5),
    .init(activation: "sigmoid", batchSize: 3, epochs: 5, learningRate: 0.3, batchNorm: true),
    .init(activation: "sigmoid", batchSize: 100, epochs: 200, learningRate: 2.0),
    .init(seed: 1, nObs: 250, activation: "sigmoid", batchSize: 25, epochs: 20, learningRate: 0.4),
    .init(activation: "sigmoid", epochs: 1, learningRate: 20),
    .init(activation: "tanh", batchSize: 20, epochs: 50, learningRate: 0.1),
    .init(activation: "tanh", batchSize: 10, epochs: 20, learningRate: 0.2, batchNorm: true),
    .init(nObs: 37, activation: "tanh", batchSize: 50, epochs: 50, learningRate: 0.5),
    .init(seed: 0, activation: "tanh", epochs: 2, learningRate: 0.05),
    .init(seed: 7, nObs: 150, activation: "tanh", batchSize: 30, epochs: 40, learningRate: 0.3, batchNorm: true),
    .init(activation: "tanh", epochs: 10, learningRate: 1.0),
    .init(activation: "tanh", epochs: 10, learningRate: 0.3),
    .init(seed: 5, activation: "tanh", batchSize: 2, epochs: 5, learningRate: 2.0, batchNorm: true),
  ]

  @Test func everyRecordedLossAgreesWithNumpy() throws {
    let oracle = try runOracle(Self.configurations)
    #expect(oracle.count == Self.configurations.count)
    for (configuration, expected) in zip(Self.configurations, oracle) {
      let settings = TrainingSettings(
        activation: Activation(rawValue: configuration.activation) ?? .relu,
        batchSize: configuration.batchSize, epochs: configuration.epochs,
        learningRate: configuration.learningRate, batchNorm: configuration.batchNorm)
      let seed = UInt32(configuration.seed)
      let result = Trainer(data: Dataset(seed: seed, count: configuration.nObs), seed: seed, settings: settings)
        .run(from: .notebookInitial)
      #expect(result.iterations == expected.iterations, "\(configuration)")
      // numpy records NaN or infinity where nnlab stops: the first such iteration is
      // `divergedAt`, and everything before it agrees.
      let firstNonFinite = expected.lossTrain.indices.first {
        expected.lossTrain[$0] == nil || expected.lossTest[$0] == nil
      }
      #expect(result.divergedAt == firstNonFinite.map { $0 + 1 }, "\(configuration)")
      #expect(result.lossTrain.count == (firstNonFinite ?? expected.iterations), "\(configuration)")
      for (ours, theirs) in [(result.lossTrain, expected.lossTrain), (result.lossTest, expected.lossTest)] {
        let differing = zip(ours, theirs).filter { $0.bitPattern != ($1 ?? .nan).bitPattern }.count
        #expect(differing == 0, "\(configuration): \(differing) recorded losses differ from numpy's")
      }
      for (index, name) in Parameters.names.enumerated() where result.divergedAt == nil {
        let theirs = (expected.params[name] ?? nil) ?? .nan
        #expect(result.parameters.values[index].bitPattern == theirs.bitPattern, "\(configuration): \(name)")
      }
    }
  }
}
