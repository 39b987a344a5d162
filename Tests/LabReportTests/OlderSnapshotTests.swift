import Foundation
import Testing
import TestSupport

@testable import LabReport
@testable import TinyNet

/// Snapshots of formats 1 and 2, written by nnlab 0.1 and 0.2 before checkpoints and curves
/// were recorded, still load: their own checksums are checked, their cases are trained
/// again, which must reproduce every recorded number, and the missing recordings come from
/// that run.
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
    var recorder = LossRecorder(plan: RecordingPlan(every: 1, iterations: history.count))
    for (a, b) in zip(train, history.test) { recorder.record(train: a, test: b) }
    old.cases[0].history = recorder.finish()
    let file = try Snapshot.encoded(SnapshotFile(old, checksum: old.checksum(format: 2), format: 2))
    #expect {
      try Snapshot(json: file)
    } throws: { error in
      "\(error)".contains("cases[0]: training again gives other numbers than the recorded ones")
    }
  }

  static let formatOne = Repository.root.appendingPathComponent("Tests/data/snapshots/seed-lab-format-1.json")

  @Test func theSeedLabOfNnlab01LoadsCheckedByItsOwnHashes() throws {
    let data = try Data(contentsOf: Self.formatOne)
    #expect(String(decoding: data, as: UTF8.self).contains(#""data_hash" : "5581c594cf53b868""#))
    let old = try Snapshot(json: data)
    #expect(old.nnlabVersion == "0.1.0")
    let lab = Experiment.seedLab
    var fresh = Snapshot(experiment: lab, language: .en, results: lab.run())
    fresh.nnlabVersion = "0.1.0"
    #expect(old == fresh)
  }

  /// A format-1 file edited in `change`, with its FNV-1a checksum written again as nnlab
  /// 0.1 would have when `restamp`.
  func formatOne(restamp: Bool, _ change: (String) -> String) throws -> Data {
    let text = try String(contentsOf: Self.formatOne, encoding: .utf8)
    let stamp = try #require(text.range(of: #"\n  "checksum" : "[0-9a-f]{16}","#, options: .regularExpression))
    let changed = change(text.replacingCharacters(in: stamp, with: ""))
    let checksum = restamp ? FNV1a.hex(Data(changed.utf8)) : String(text[stamp].dropFirst(17).prefix(16))
    let insert = try #require(changed.range(of: "\n  \"data_hash\""))
    return Data(
      changed.replacingCharacters(in: insert.lowerBound..<insert.lowerBound, with: "\n  \"checksum\" : \"\(checksum)\",")
        .utf8)
  }

  @Test func aFormatOneFileEditedAfterItWasWrittenIsRefused() throws {
    let retitled = try formatOne(restamp: false) {
      $0.replacingOccurrences(of: "How a tiny neural network learns", with: "How a tiny network learns")
    }
    #expect(throws: LabReportError.badSnapshot("checksum mismatch: the file was changed after nnlab wrote it")) {
      try Snapshot(json: retitled)
    }
    // The same file stamped again is read: the checksum is what failed above.
    #expect(try Snapshot(json: try formatOne(restamp: true) {
      $0.replacingOccurrences(of: "How a tiny neural network learns", with: "How a tiny network learns")
    }).experiment.title == "How a tiny network learns")
  }

  @Test func aFormatOneLossThatTrainingDoesNotGiveIsRefused() throws {
    let forged = try formatOne(restamp: true) {
      $0.replacingOccurrences(of: "0.6707570832927208", with: "0.6707570832927209")
    }
    #expect {
      try Snapshot(json: forged)
    } throws: { error in
      "\(error)".contains("cases[0]: training again gives other numbers than the recorded ones")
    }
  }
}
