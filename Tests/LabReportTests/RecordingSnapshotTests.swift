import Foundation
import Testing

@testable import LabReport
@testable import TinyNet

/// Runs that record every k-th update keep k in their snapshot beside their losses, read
/// back as they were written, and a k that does not fit the case is refused.
@Suite struct RecordingSnapshotTests {
  /// A run of 50 updates recorded at 1, 7, …, 49 and 50; and one whose parameters grow until
  /// its last update, recorded at 1 and 300, whose update 299 gives an infinite loss that no
  /// record saw, so it stops at 300 with its final losses taken after 299.
  static let experiment = """
    {"name": "sparse", "title": "Sparse", "data": {"seed": 317, "n_obs": 100},
     "cases": [
       {"name": "every 7", "batch_size": 4, "epochs": 2, "learning_rate": 0.1, "record_every": 7},
       {"name": "between records", "activation": "linear", "batch_size": 1, "epochs": 3, "learning_rate": 10,
        "gradient": "analytic", "record_every": 1000}]}
    """

  static let snapshot = Result { () throws -> Snapshot in
    let lab = try Experiment(json: Data(experiment.utf8))
    return Snapshot(experiment: lab, language: .en, results: lab.run())
  }

  @Test func aSnapshotKeepsWhatItRecordedAndReadsBack() throws {
    let snapshot = try Self.snapshot.get()
    let first = snapshot.cases[0]
    #expect(first.history.recording == RecordingPlan(every: 7, iterations: 50))
    #expect(first.history.points(first.history.train).map(\.x) == [1, 7, 14, 21, 28, 35, 42, 49, 50])
    #expect(first.final.lossTrain == first.history.lastTrain)
    let second = snapshot.cases[1]
    #expect(second.divergedAt == 300 && second.history.count == 1)
    #expect(second.final.lossTrain == nil && second.history.lastTrain != nil)
    #expect(second.checkpoints.last?.iteration == 299)

    let json = try snapshot.json()
    let text = String(decoding: json, as: UTF8.self)
    #expect(text.contains(#""record_every" : 7,"#) && text.contains(#""record_every" : 1000,"#))
    #expect(try Snapshot(json: json) == snapshot)
  }

  @Test(arguments: [
    (#""record_every" : 7,"#, #""record_every" : 8,"#),
    (#""record_every" : 7,"#, ""),
  ])
  func aRecordEveryThatDoesNotFitTheCaseIsRefused(_ forgery: (String, String)) throws {
    let text = String(decoding: try Self.snapshot.get().json(), as: UTF8.self)
    // The first is the loss object's (results come before the experiment, which has its own).
    let place = try #require(text.range(of: forgery.0))
    let forged = Data(text.replacingCharacters(in: place, with: forgery.1).utf8)
    #expect(throws: LabReportError.badSnapshot("cases[0].loss.record_every: must be 7, as the case's settings and data give")) {
      try Snapshot(json: forged)
    }
  }
}
