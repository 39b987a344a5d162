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

  /// Networks of every shape on every data set: every activation, 0 to 3 hidden layers of
  /// 1 to 16 units, several feature sets, batch normalisation, L1 and L2, random and
  /// notebook initialisation, and chaotic learning rates.
  static let generalConfigurations: [OracleConfiguration] = [
    .init(nObs: 40, batchSize: 4, epochs: 2, learningRate: 0.3, data: "circle", noise: 0.1, hidden: [4], features: ["x1_squared", "x2_squared"]),
    .init(nObs: 40, activation: "tanh", batchSize: 8, epochs: 3, learningRate: 0.5, data: "xor", hidden: [], features: ["x1", "x2", "x1_x2"]),
    .init(nObs: 40, activation: "tanh", batchSize: 8, epochs: 3, learningRate: 0.5, data: "xor", hidden: []),
    .init(nObs: 40, activation: "tanh", batchSize: 5, epochs: 2, learningRate: 0.1, data: "spiral", noise: 0.2, hidden: [8, 8]),
    .init(nObs: 40, activation: "sigmoid", batchSize: 10, epochs: 3, learningRate: 0.8, data: "gauss", noise: 0.3, regularization: "l2", regularizationRate: 0.05),
    .init(nObs: 30, activation: "linear", batchSize: 3, epochs: 2, learningRate: 0.05, data: "gauss", hidden: [2, 3]),
    .init(nObs: 30, activation: "linear", batchSize: 30, epochs: 20, learningRate: 0.5, data: "xor", noise: 0.5, hidden: [1]),
    .init(nObs: 25, activation: "relu", batchSize: 1, epochs: 2, learningRate: 1.0, data: "circle", hidden: [16]),
    .init(nObs: 25, activation: "tanh", batchSize: 1, epochs: 2, learningRate: 1.0, data: "spiral", hidden: [5, 5], features: ["x1", "x2", "sin_x1", "sin_x2"]),
    .init(nObs: 30, activation: "relu", batchSize: 6, epochs: 3, learningRate: 0.3, batchNorm: true, data: "circle", noise: 0.25, hidden: [4, 3]),
    .init(nObs: 30, activation: "tanh", batchSize: 10, epochs: 3, learningRate: 0.3, batchNorm: true, data: "xor", hidden: [3, 3, 3]),
    .init(nObs: 30, activation: "sigmoid", batchSize: 30, epochs: 10, learningRate: 2.0, batchNorm: true, hidden: [6], features: ["x1", "x2", "x1_squared"]),
    .init(nObs: 30, activation: "linear", batchSize: 5, epochs: 2, learningRate: 0.1, batchNorm: true, data: "gauss", noise: 0.5, hidden: [2]),
    .init(nObs: 30, batchSize: 3, epochs: 2, learningRate: 0.2, regularization: "l1", regularizationRate: 0.01),
    .init(nObs: 30, batchSize: 3, epochs: 2, learningRate: 0.2, regularization: "l2", regularizationRate: 0.1),
    .init(nObs: 30, activation: "tanh", batchSize: 2, epochs: 2, learningRate: 0.4, data: "circle", noise: 0.05, hidden: [6, 2], regularization: "l1", regularizationRate: 0.003),
    .init(nObs: 30, activation: "sigmoid", batchSize: 6, epochs: 3, learningRate: 1.5, data: "spiral", hidden: [3, 4, 5], regularization: "l2", regularizationRate: 0.001),
    .init(nObs: 30, activation: "relu", batchSize: 5, epochs: 2, learningRate: 0.1, data: "xor", noise: 0.2, hidden: [8], features: ["x1_x2"], regularization: "l2", regularizationRate: 0),
    .init(nObs: 30, epochs: 2, learningRate: 0.1, initialization: "random", initSeed: 5),
    .init(nObs: 30, activation: "tanh", batchSize: 3, epochs: 2, learningRate: 0.1, data: "circle", hidden: [3], features: ["x2", "x1"], initSeed: 12),
    .init(seed: 0, nObs: 33, activation: "relu", batchSize: 4, epochs: 2, learningRate: 0.2, data: "gauss", noise: 0.1, nTest: 17, hidden: [7, 1]),
    .init(seed: 4_294_967_295, nObs: 20, activation: "tanh", batchSize: 20, epochs: 30, learningRate: 3.0, data: "spiral", noise: 0.5, hidden: [4]),
    .init(seed: 9, nObs: 20, activation: "sigmoid", batchSize: 1, epochs: 3, learningRate: 5.0, data: "xor", hidden: [2], features: ["x1", "x2", "x1_x2"]),
    .init(seed: 11, nObs: 20, activation: "relu", batchSize: 2, epochs: 3, learningRate: 3.0, batchNorm: true, data: "circle", noise: 0.5, hidden: [3, 3]),
    .init(nObs: 20, activation: "linear", batchSize: 4, epochs: 2, learningRate: 0.5, data: "xor", hidden: [], features: Feature.allCases.map(\.rawValue)),
    .init(nObs: 20, activation: "tanh", batchSize: 4, epochs: 2, learningRate: 0.5, data: "spiral", noise: 0.1, hidden: [3], features: Feature.allCases.map(\.rawValue)),
    .init(nObs: 20, activation: "sigmoid", batchSize: 5, epochs: 2, learningRate: 0.5, data: "gauss", hidden: [1, 1, 1]),
    .init(nObs: 20, activation: "relu", batchSize: 7, epochs: 3, learningRate: 0.3, data: "circle", hidden: [10, 2], features: ["sin_x1", "sin_x2"]),
    .init(nObs: 24, activation: "tanh", batchSize: 8, epochs: 3, learningRate: 0.7, batchNorm: true, data: "spiral", hidden: [8, 8], regularization: "l2", regularizationRate: 0.01),
    .init(nObs: 24, activation: "relu", batchSize: 24, epochs: 15, learningRate: 0.9, data: "xor", noise: 0.3, hidden: [12], features: ["x1", "x2", "x1_x2"]),
    .init(nObs: 24, activation: "sigmoid", batchSize: 3, epochs: 2, learningRate: 0.3, batchNorm: true, data: "circle", hidden: [2], regularization: "l1", regularizationRate: 0.02),
    .init(nObs: 24, activation: "linear", batchSize: 6, epochs: 2, learningRate: 0.2, data: "spiral", hidden: [4, 4], regularization: "l1", regularizationRate: 0.05),
    .init(nObs: 24, activation: "tanh", batchSize: 2, epochs: 2, learningRate: 0.6, data: "gauss", noise: 0.4, hidden: [], regularization: "l2", regularizationRate: 0.2),
    .init(nObs: 24, activation: "relu", batchSize: 4, epochs: 2, learningRate: 0.2, data: "xor", hidden: [1], initialization: "random", initSeed: 77),
    .init(nObs: 24, activation: "tanh", batchSize: 1, epochs: 3, learningRate: 1.0, hidden: [3], initialization: "random"),
    .init(nObs: 16, activation: "relu", batchSize: 4, epochs: 2, learningRate: 0.2, data: "circle", hidden: [2, 2, 2], features: ["x1_squared", "x2_squared", "x1_x2"]),
    .init(nObs: 16, activation: "sigmoid", batchSize: 16, epochs: 25, learningRate: 4.0, data: "gauss", noise: 0.2, hidden: [16, 16]),
    .init(nObs: 16, activation: "tanh", batchSize: 4, epochs: 2, learningRate: 0.3, batchNorm: true, data: "xor", hidden: [5, 4, 3], features: ["x1", "x1_x2"]),
    .init(nObs: 16, activation: "linear", batchSize: 2, epochs: 2, learningRate: 0.9, data: "circle", noise: 0.1, hidden: [3, 1]),
    .init(nObs: 16, activation: "relu", batchSize: 8, epochs: 3, learningRate: 0.4, batchNorm: true, data: "spiral", noise: 0.3, hidden: [16], features: ["x1", "x2", "sin_x1"]),
    .init(nObs: 16, activation: "sigmoid", batchSize: 2, epochs: 3, learningRate: 10, data: "xor", hidden: [4]),
    .init(nObs: 16, activation: "tanh", batchSize: 16, epochs: 20, learningRate: 0.5, data: "gauss", noise: 0.5, hidden: [2, 2], regularization: "l1", regularizationRate: 0.5),
  ]

  /// Runs that record the first, every k-th and the last update: by `record_every` (k
  /// beyond the run records its first and last update only), and by default on a set of
  /// more than 10,000 points (12,000 points, batches of 10: k = ceil(24,000 / 260) = 93).
  static let recordingConfigurations: [OracleConfiguration] = [
    .init(epochs: 3, learningRate: 0.1, recordEvery: 7),
    .init(batchSize: 20, epochs: 50, learningRate: 0.1, batchNorm: true, recordEvery: 13),
    .init(nObs: 40, activation: "tanh", batchSize: 5, epochs: 4, learningRate: 0.3, data: "spiral", noise: 0.2, hidden: [8, 8], recordEvery: 4),
    .init(nObs: 30, activation: "sigmoid", batchSize: 3, epochs: 2, learningRate: 0.5, data: "xor", regularization: "l2", regularizationRate: 0.01, recordEvery: 100),
    .init(nObs: 12_000, batchSize: 10, epochs: 1, learningRate: 0.05),
  ]

  @Test func everyRecordedLossAgreesWithNumpy() throws {
    try compare(Self.configurations)
  }

  @Test func networksOfEveryShapeOnEveryDataSetAgreeWithNumpy() throws {
    try compare(Self.generalConfigurations)
  }

  @Test func runsRecordingEveryKthUpdateAgreeWithNumpy() throws {
    let oracle = try runOracle(Self.recordingConfigurations)
    #expect(oracle.map(\.recordEvery) == [7, 13, 4, 100, 93])
    #expect(oracle.map(\.lossTrain.count) == [44, 21, 9, 2, 14])
    try compare(Self.recordingConfigurations)
  }

  /// Trains each configuration in nnlab and in the oracle and demands the same bits for
  /// every recorded loss and every final parameter.
  func compare(_ configurations: [OracleConfiguration]) throws {
    let oracle = try runOracle(configurations)
    #expect(oracle.count == configurations.count)
    for (configuration, expected) in zip(configurations, oracle) {
      let (trainer, initial) = try configuration.trainer()
      let shape = initial.shape
      let result = trainer.run(from: initial, exactLossLimit: .max)
      #expect(result.iterations == expected.iterations, "\(configuration)")
      // numpy records NaN or infinity where nnlab stops: the first such record is
      // `divergedAt`, and everything before it agrees.
      let firstNonFinite = expected.lossTrain.indices.first {
        expected.lossTrain[$0] == nil || expected.lossTest[$0] == nil
      }
      let recording = result.history.recording
      #expect(recording.every == expected.recordEvery ?? 1, "\(configuration)")
      #expect(result.divergedAt == firstNonFinite.map { recording.iteration(ofRecord: $0) }, "\(configuration)")
      #expect(result.history.count == (firstNonFinite ?? expected.lossTrain.count), "\(configuration)")
      for (ours, theirs) in [(result.history.train, expected.lossTrain), (result.history.test, expected.lossTest)] {
        let differing = zip(ours, theirs).filter { $0.bitPattern != ($1 ?? .nan).bitPattern }.count
        #expect(differing == 0, "\(configuration): \(differing) recorded losses differ from numpy's")
      }
      #expect(Set(expected.params.keys) == Set(shape.parameterNames), "\(configuration)")
      for (name, value) in result.parameters.named where result.divergedAt == nil {
        let theirs = (expected.params[name] ?? nil) ?? .nan
        #expect(value.bitPattern == theirs.bitPattern, "\(configuration): \(name)")
      }
    }
  }
}
