import TestSupport
import Testing
import TinyNet

extension OracleConfiguration {
  /// nnlab's trainer for this configuration and the parameters it starts from.
  func trainer() throws -> (trainer: Trainer, initial: Parameters) {
    let settings = TrainingSettings(
      activation: try #require(Activation(rawValue: activation)),
      batchSize: batchSize, epochs: epochs,
      learningRate: learningRate, batchNorm: batchNorm,
      regularization: Regularization(
        try #require(Regularization.Kind(rawValue: regularization ?? "none")),
        rate: regularizationRate ?? 0),
      recordEvery: recordEvery)
    let dataSeed = UInt32(seed)
    let data = DataSpec(
      kind: try #require(DataKind(rawValue: self.data ?? "parabola")), seed: dataSeed,
      trainCount: nObs, testCount: nTest, noise: noise ?? 0)
    try data.validate()
    try settings.validate(observations: nObs)
    let shape = try NetworkShape(
      features: try (features ?? ["x1", "x2"]).map { try #require(Feature(rawValue: $0)) },
      hidden: hidden ?? [3])
    let network = NetworkSpec(
      shape: shape, initialization: try #require(Initialization(rawValue: initialization ?? "notebook")),
      initSeed: UInt32(initSeed ?? seed))
    return (Trainer(data: data.dataset, seed: dataSeed, settings: settings), network.initialParameters)
  }
}
