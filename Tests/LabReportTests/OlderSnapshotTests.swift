import Foundation
import Testing
import TestSupport

@testable import LabReport
@testable import TinyNet

/// Snapshots of format 2, written by nnlab 0.2 before checkpoints and curves were
/// recorded, still load: their cases are trained again, which must reproduce every recorded
/// number, and the missing recordings come from that run.
@Suite struct OlderSnapshotTests {
  static let fixture = Repository.root.appendingPathComponent("Tests/data/snapshots/seed-lab-format-2.json")

  @Test func theSeedLabOfNnlab02LoadsWithItsRecordingsMadeAgain() throws {
    let data = try Data(contentsOf: Self.fixture)
    #expect(String(decoding: data, as: UTF8.self).contains(#""format" : 2"#))
    let old = try Snapshot(json: data)
    #expect(old.nnlabVersion == "0.2.0")
    let lab = Experiment.seedLab
    var fresh = Snapshot(experiment: lab, language: .en, results: lab.run())
    fresh.nnlabVersion = "0.2.0"
    #expect(old == fresh)
    #expect(old.cases.allSatisfy { $0.checkpoints.count > 2 && $0.curves.count == $0.history.count })
    // Written again, it is a snapshot of today's format with the same numbers.
    let rewritten = try old.json()
    #expect(String(decoding: rewritten, as: UTF8.self).contains(#""format" : 3"#))
    #expect(try Snapshot(json: rewritten) == old)
  }

  @Test func anOlderSnapshotWhoseNumbersTrainingDoesNotGiveIsRefused() throws {
    var old = try Snapshot(json: try Data(contentsOf: Self.fixture))
    // One loss one ulp away, with a checksum nnlab 0.2 would have written for it.
    let history = old.cases[0].history
    var train = history.train
    train[500] = train[500].nextUp
    var recorder = LossRecorder(iterations: history.count)
    for (a, b) in zip(train, history.test) { recorder.record(train: a, test: b) }
    old.cases[0].history = recorder.finish()
    let file = try Snapshot.encoded(SnapshotFile(old, checksum: old.checksum(format: 2), format: 2))
    #expect {
      try Snapshot(json: file)
    } throws: { error in
      "\(error)".contains("cases[0]: training again gives other numbers than the recorded ones")
    }
  }
}
