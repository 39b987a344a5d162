import Testing
import TinyNet

/// Long runs keep a reduced loss history whose buckets summarise the whole series exactly,
/// and whose digest is the whole series'.
@Suite struct LossHistoryTests {
  static let data = Dataset(seed: 3, count: 5)
  static let settings = TrainingSettings(activation: .tanh, batchSize: 1, epochs: 1001, learningRate: 0.3)

  @Test func aLongRunKeepsBucketsOfItsWholeSeries() throws {
    let trainer = Trainer(data: Self.data, seed: 3, settings: Self.settings)
    let whole = trainer.run(from: .notebookInitial, exactLossLimit: .max).history
    let reduced = trainer.run(from: .notebookInitial).history
    #expect(whole.count == 5005 && whole.isComplete)
    #expect(reduced.count == 5005 && reduced.stride == 11 && !reduced.isComplete)
    #expect(reduced.digest == whole.digest)
    for (kept, values) in [(reduced.train, whole.train), (reduced.test, whole.test)] {
      #expect(kept.count == 4 * 455)
      for bucket in 0..<455 {
        let run = Array(values[(bucket * 11)..<min(bucket * 11 + 11, values.count)])
        let four = Array(kept[(bucket * 4)..<(bucket * 4 + 4)])
        #expect(four[0] == run.first && four[3] == run.last, "bucket \(bucket)")
        #expect(Set([four[1], four[2]]) == Set([run.min()!, run.max()!]), "bucket \(bucket)")
      }
    }
    #expect(reduced.lastTrain == whole.lastTrain && reduced.lastTest == whole.lastTest)
    let points = reduced.points(reduced.train)
    #expect(points.first?.x == 1 && points.last?.x == 5005)
    #expect(zip(points, points.dropFirst()).allSatisfy { $0.x <= $1.x })
  }

  @Test func aRecordedHistoryIsCheckedWhenReadBack() throws {
    let history = Trainer(data: Self.data, seed: 3, settings: TrainingSettings(epochs: 3)).run(from: .notebookInitial)
      .history
    _ = try LossHistory(
      stride: history.stride, count: history.count, train: history.train, test: history.test, digest: history.digest)
    var changed = history.train
    changed[1] = changed[1].nextUp
    #expect(throws: LossHistoryError.self) {
      try LossHistory(stride: 1, count: history.count, train: changed, test: history.test, digest: history.digest)
    }
    #expect(throws: LossHistoryError.self) {
      try LossHistory(stride: 1, count: history.count + 1, train: history.train, test: history.test, digest: history.digest)
    }
    #expect(throws: LossHistoryError.self) {
      try LossHistory(stride: 2, count: 4, train: [1, 2, .nan, 4], test: [1, 2, 3, 4], digest: String(repeating: "a", count: 64))
    }
  }
}
