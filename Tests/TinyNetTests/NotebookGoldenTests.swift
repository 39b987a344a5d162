import Foundation
import Testing
import TinyNet

/// The numbers the notebook printed, named for the cell that printed them.
@Suite struct NotebookGoldenTests {
  let data = Dataset(seed: 317, count: 100)

  func rounded(_ value: Double?, _ digits: Int) -> Double? {
    guard let value else { return nil }
    let scale = pow(10, Double(digits))
    return (value * scale).rounded() / scale
  }

  /// Cell 14: `index= [74] X = [[0.8216662 0.16103194]] y = [1]`, then
  /// `b11: 0.026 / b12: 0.009 / b13: 0.017 / b21: 0.087`.
  @Test func cell14StepByStepUpdate() {
    let step = StepUpdate(data: data, seed: 317, parameters: .notebookInitial, learningRate: 0.2)
    #expect(step.index == 74)
    #expect(step.x == [0.8216661969188324, 0.1610319396214721])
    #expect(step.y == 1)
    #expect(["b11", "b12", "b13", "b21"].map { rounded(step.after?[$0], 3) } == [0.026, 0.009, 0.017, 0.087])
  }

  struct Case: Sendable, CustomStringConvertible {
    var cell: Int
    var settings: TrainingSettings
    var lossTrain: Double
    var lossTest: Double
    var description: String { "cell \(cell)" }
  }

  static let cases = [
    Case(cell: 17, settings: TrainingSettings(epochs: 10), lossTrain: 0.5197, lossTest: 0.5529),
    Case(cell: 18, settings: TrainingSettings(epochs: 10, learningRate: 0.3), lossTrain: 0.5488, lossTest: 0.5039),
    Case(cell: 19, settings: TrainingSettings(batchSize: 20, epochs: 200, learningRate: 0.1), lossTrain: 0.1336, lossTest: 0.2472),
    Case(
      cell: 20, settings: TrainingSettings(batchSize: 20, epochs: 200, learningRate: 0.1, batchNorm: true),
      lossTrain: 0.4771, lossTest: 0.4934),
  ]

  /// Cells 17 to 20: `execute_ann` cases, 1000 iterations each.
  @Test(arguments: cases)
  func simulationCase(_ golden: Case) {
    let result = Trainer(data: data, seed: 317, settings: golden.settings).run(from: .notebookInitial)
    #expect(result.iterations == 1000)
    #expect(result.history.count == 1000 && result.history.isComplete)
    #expect(result.divergedAt == nil)
    #expect(rounded(result.history.lastTrain, 4) == golden.lossTrain)
    #expect(rounded(result.history.lastTest, 4) == golden.lossTest)
    #expect(result.final.lossTrain == result.history.lastTrain)
  }

  /// The same four cases with backpropagation reach the same final losses to 3 decimals.
  @Test(arguments: cases)
  func simulationCaseWithAnalyticGradient(_ golden: Case) {
    var settings = golden.settings
    settings.gradient = .analytic
    let result = Trainer(data: data, seed: 317, settings: settings).run(from: .notebookInitial)
    #expect(rounded(result.history.lastTrain, 3) == rounded(golden.lossTrain, 3))
    #expect(rounded(result.history.lastTest, 3) == rounded(golden.lossTest, 3))
  }
}
