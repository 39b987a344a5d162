import Testing
import TinyNet

/// Every flag is checked before work starts, with a message naming the value.
@Suite struct TrainingSettingsTests {
  @Test func notebookDefaultsAreValid() throws {
    try TrainingSettings().validate(observations: 100)
    #expect(TrainingSettings().iterations(observations: 100) == 100)
  }

  @Test func iterationsAreWholeBatchesTimesEpochs() {
    #expect(TrainingSettings(batchSize: 20, epochs: 200).iterations(observations: 100) == 1000)
    #expect(TrainingSettings(batchSize: 7, epochs: 3).iterations(observations: 100) == 42)
    #expect(TrainingSettings(batchSize: 500, epochs: 3).iterations(observations: 100) == 3)
  }

  struct Bad: Sendable, CustomStringConvertible {
    var settings: TrainingSettings
    var observations = 100
    var message: String
    var description: String { message }
  }

  static let bad = [
    Bad(settings: .init(learningRate: 0), message: "learning-rate must be a finite number greater than 0, got 0.0"),
    Bad(settings: .init(learningRate: -0.5), message: "learning-rate must be a finite number greater than 0, got -0.5"),
    Bad(settings: .init(learningRate: .nan), message: "learning-rate must be a finite number greater than 0, got nan"),
    Bad(settings: .init(learningRate: .infinity), message: "learning-rate must be a finite number greater than 0, got inf"),
    Bad(settings: .init(batchSize: 0), message: "batch-size must be 1 to 10000000, got 0"),
    Bad(settings: .init(epochs: 0), message: "epochs must be 1 to 10000000, got 0"),
    Bad(settings: .init(epochs: 10_000_001), message: "epochs must be 1 to 10000000, got 10000001"),
    Bad(settings: .init(), observations: 0, message: "n-obs must be 1 to 1000000, got 0"),
    Bad(settings: .init(), observations: 2_000_000, message: "n-obs must be 1 to 1000000, got 2000000"),
    Bad(
      settings: .init(regularization: Regularization(.l2, rate: -1)),
      message: "regularization-rate must be a finite number of at least 0, got -1.0"),
    Bad(
      settings: .init(epochs: 100_001),
      message: "floor(n-obs / batch-size) * epochs gives 10000100 iterations; at most 10000000 are allowed"),
    Bad(
      settings: .init(batchNorm: true),
      message: "batch normalisation needs a batch of at least 2 points (a single point's standard deviation is zero)"),
    Bad(
      settings: .init(batchSize: 5, batchNorm: true), observations: 1,
      message: "batch normalisation needs a batch of at least 2 points (a single point's standard deviation is zero)"),
  ]

  @Test(arguments: bad)
  func badSettingIsRefusedWithItsValue(_ bad: Bad) {
    #expect(throws: SettingsError.self) { try bad.settings.validate(observations: bad.observations) }
    do {
      try bad.settings.validate(observations: bad.observations)
    } catch {
      #expect(error.description == bad.message)
    }
  }
}
