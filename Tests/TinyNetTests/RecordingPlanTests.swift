import Foundation
import Testing
import TinyNet

/// Large sets record the losses after the first, every k-th and the last update: the
/// records are the very numbers a run recording every update gives at those updates, and
/// k is chosen so that recording costs no more than training, or set by `record_every`.
@Suite struct RecordingPlanTests {
  @Test func aPlanRecordsTheFirstEveryKthAndTheLastUpdate() {
    let plan = RecordingPlan(every: 3, iterations: 10)
    #expect((1...10).filter(plan.records) == [1, 3, 6, 9, 10])
    #expect(plan.recordCount == 5)
    #expect((0..<5).map(plan.iteration(ofRecord:)) == [1, 3, 6, 9, 10])
    // A run that stops after 8 updates has recorded 1, 3 and 6.
    #expect(plan.recordCount(through: 8) == 3)
    #expect(RecordingPlan(every: 5, iterations: 10).recordCount == 3)
    #expect(RecordingPlan(every: 4, iterations: 1).recordCount == 1)
    #expect(RecordingPlan(every: 40, iterations: 7).recordCount == 2)
    #expect((0..<2).map(RecordingPlan(every: 40, iterations: 7).iteration(ofRecord:)) == [1, 7])
    let everyUpdate = RecordingPlan(every: 1, iterations: 4)
    #expect((1...4).allSatisfy(everyUpdate.records) && everyUpdate.recordCount == 4)
  }

  /// Up to 10,000 points per set every update; beyond, k = ceil((train + test) / (update
  /// evaluations × batch)): 26 evaluations per point of a numeric update of the notebook's
  /// 13 parameters, 3 of an analytic one.
  @Test func largeSetsRecordEveryKthUpdateSoThatRecordingCostsNoMoreThanTraining() {
    let numeric = TrainingSettings(batchSize: 10)
    #expect(numeric.recordingPlan(shape: .notebook, trainCount: 10_000, testCount: 10_000).every == 1)
    #expect(numeric.recordingPlan(shape: .notebook, trainCount: 10_001, testCount: 100).every == 39)
    #expect(numeric.recordingPlan(shape: .notebook, trainCount: 100, testCount: 20_000).every == 78)
    let analytic = TrainingSettings(batchSize: 100, gradient: .analytic)
    let plan = analytic.recordingPlan(shape: .notebook, trainCount: 500_000, testCount: 500_000)
    #expect(plan.every == 3334 && plan.iterations == 5000 && plan.recordCount == 3)
    // A full batch evaluates the training set three times per update already.
    #expect(TrainingSettings(batchSize: 20_000, gradient: .analytic)
      .recordingPlan(shape: .notebook, trainCount: 20_000, testCount: 20_000).every == 1)
    // The case's own record_every wins, whatever the sizes.
    #expect(TrainingSettings(recordEvery: 7).recordingPlan(shape: .notebook, trainCount: 100, testCount: 100).every == 7)
    #expect(TrainingSettings(recordEvery: 1).recordingPlan(shape: .notebook, trainCount: 50_000, testCount: 50_000).every == 1)
  }

  /// Recording less changes nothing else: the records are the full run's values at the
  /// recorded updates, bit for bit, and the run ends with the same parameters.
  @Test func recordsAreTheFullRunsValuesAtTheRecordedUpdates() throws {
    let data = DataSpec(kind: .circle, seed: 5, trainCount: 60, noise: 0.1).dataset
    let settings = TrainingSettings(activation: .tanh, batchSize: 4, epochs: 3, learningRate: 0.3)
    var sparse = settings
    sparse.recordEvery = 7
    let full = Trainer(data: data, seed: 5, settings: settings).run(from: .notebookInitial)
    let every7 = Trainer(data: data, seed: 5, settings: sparse).run(from: .notebookInitial)
    let iterations = (1...45).filter { $0 == 1 || $0 % 7 == 0 || $0 == 45 }
    #expect(iterations == [1, 7, 14, 21, 28, 35, 42, 45])
    #expect(every7.history.count == iterations.count && every7.curves.count == iterations.count)
    #expect(every7.history.points(every7.history.train).map(\.x) == iterations.map(Double.init))
    #expect(every7.curves.points(every7.curves.accuracyTest).map(\.x) == iterations.map(Double.init))
    func at(_ values: [Double]) -> [UInt64] { iterations.map { values[$0 - 1].bitPattern } }
    #expect(every7.history.train.map(\.bitPattern) == at(full.history.train))
    #expect(every7.history.test.map(\.bitPattern) == at(full.history.test))
    #expect(every7.curves.accuracyTrain.map(\.bitPattern) == at(full.curves.accuracyTrain))
    #expect(every7.curves.gradientNorm[0].map(\.bitPattern) == at(full.curves.gradientNorm[0]))
    #expect(every7.curves.updateRatio[1].map(\.bitPattern) == at(full.curves.updateRatio[1]))
    #expect(every7.parameters == full.parameters && every7.final == full.final)
    #expect(every7.checkpoints == full.checkpoints)
    #expect(every7.history.digest != full.history.digest)
  }

  /// A run of more records than `LossHistory.exactLimit` keeps buckets of records, drawn
  /// at the iterations of their first and last records.
  @Test func bucketsOfRecordsAreDrawnAtTheirUpdates() {
    let data = DataSpec(seed: 3, trainCount: 5).dataset
    let settings = TrainingSettings(activation: .tanh, epochs: 1001, learningRate: 0.3, recordEvery: 2)
    let history = Trainer(data: data, seed: 3, settings: settings).run(from: .notebookInitial).history
    // 5005 updates recorded at 1, 2, 4, …, 5004 and 5005: 2504 records in 418 buckets of 6.
    #expect(history.count == 2504 && history.stride == 6 && !history.isComplete)
    let points = history.points(history.train)
    #expect(points.count == 4 * 418)
    #expect(points.first?.x == 1 && points[3].x == 10 && points.last?.x == 5005)
    #expect(zip(points, points.dropFirst()).allSatisfy { $0.x <= $1.x })
  }

  struct Bad: Sendable, CustomStringConvertible {
    var value: String
    var message: String
    var description: String { value }
  }

  @Test(arguments: [
    Bad(value: "0", message: "cases[0].record_every: record-every must be a whole number from 1 to 10000000, got 0"),
    Bad(value: "-4", message: "cases[0].record_every: record-every must be a whole number from 1 to 10000000, got -4"),
    Bad(value: "10000001", message: "cases[0].record_every: record-every must be a whole number from 1 to 10000000, got 10000001"),
    Bad(value: "2.5", message: "cases[0].record_every: expected an integer, got 2.5"),
    Bad(value: #""3""#, message: "cases[0].record_every: expected an integer"),
    Bad(value: "null", message: "cases[0].record_every: expected an integer, found null"),
  ])
  func aBadRecordEveryIsRefusedWithItsPath(_ bad: Bad) {
    let json = #"{"name": "a", "title": "A", "cases": [{"name": "a", "record_every": \#(bad.value)}]}"#
    do {
      _ = try Experiment(json: Data(json.utf8))
      Issue.record("record_every \(bad.value) was accepted")
    } catch {
      #expect(error.description == bad.message)
    }
  }

  @Test func aCasesRecordEveryIsKeptInItsFile() throws {
    let json = #"{"name": "a", "title": "A", "cases": [{"name": "a", "record_every": 25}, {"name": "b"}]}"#
    let lab = try Experiment(json: Data(json.utf8))
    #expect(lab.cases.map(\.settings.recordEvery) == [25, nil])
    let written = String(decoding: lab.json(), as: UTF8.self)
    #expect(written.components(separatedBy: "record_every").count == 2)
    #expect(try Experiment(json: lab.json()) == lab)
  }
}
