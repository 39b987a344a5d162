import Foundation
@testable import LabReport
import Testing
import TestSupport
import TinyNet

/// `Snapshot.compared(with:)` and `nnlab verify`: a snapshot trained again matches itself bit
/// for bit, and a single loss moved by one ulp is found by case and iteration.
@Suite struct SnapshotComparisonTests {
  static func committed(_ lab: String) throws -> Snapshot {
    try Snapshot(json: Data(contentsOf: Repository.root.appendingPathComponent("output/\(lab)/snapshot.json")))
  }

  @Test func theCommittedSeedLabIsReproducedBitForBit() throws {
    let snapshot = try Self.committed("seed-lab")
    let comparison = try snapshot.compared(with: snapshot.retrained())
    #expect(comparison.difference == nil)
    // 13 × 3 parameters, 2 coordinates, index and class of the step; per case 2 × iterations
    // losses and 6 × iterations curves (two accuracies, and two layers' gradient norms and
    // update ratios), 13 parameters, 4 finals, iterations, count and stride, and 10
    // checkpoints of an iteration and 13 parameters.
    let iterations = snapshot.cases.map(\.iterations)
    #expect(iterations == [1000, 1000, 1000, 1000])
    #expect(snapshot.cases.allSatisfy { $0.checkpoints.count == 10 })
    #expect(comparison.numbersCompared == 39 + 4 + iterations.reduce(0) { $0 + 8 * $1 + 13 + 4 + 3 + 10 * 14 })
  }

  @Test func oneLossOneUlpAwayIsNamedByCaseAndIteration() throws {
    let original = try Self.committed("seed-lab")
    var forged = original
    let before = original.cases[1].history.train[16]
    let history = try Self.history(forged.cases[1].history) { $0.train[16] = before.nextUp }
    forged.cases[1].history = history
    let comparison = try forged.compared(with: original)
    let difference = try #require(comparison.difference)
    #expect(difference.place == "case \"Case 2: SGD, learning rate 0.3\": loss_train at iteration 17")
    #expect(difference.recorded == .number(before.nextUp))
    #expect(difference.now == .number(before))
    #expect(difference.description.hasSuffix(": \(before.nextUp) in the snapshot, \(before) now"))

    // The same through `nnlab verify`, with the checksum recomputed so that the file loads.
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = folder.path("snapshot.json")
    try forged.json().write(to: URL(fileURLWithPath: file))
    let output = try runProcess(Repository.nnlab, ["verify", file])
    #expect(output.status == 1, "\(output.stderr)")
    #expect(output.stdout == difference.description + "\n")
    #expect(output.stderr.isEmpty)
  }

  /// A sweep's snapshot keeps summaries: one final loss one ulp away is named by its case
  /// by `nnlab verify` (status 1), and `nnlab render` refuses the file (status 65).
  @Test func aSweepsSummaryOneUlpAwayIsNamedByVerifyAndRefusedByRender() throws {
    let lab = try Experiment(
      json: Data(
        #"{"name": "s", "title": "S", "sweep": {"learning_rate": [0.1, 0.3], "data_seed": [1, 2], "epochs": [2]}}"#.utf8))
    let original = Snapshot(experiment: lab, language: .en, results: lab.run())
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = folder.path("snapshot.json")
    try original.json().write(to: URL(fileURLWithPath: file))
    var output = try runProcess(Repository.nnlab, ["verify", file])
    #expect(output.status == 0 && output.stdout.hasPrefix("verified: 4 cases, "), "\(output.stdout)\(output.stderr)")

    var forged = try Snapshot(json: Data(contentsOf: URL(fileURLWithPath: file)), trainingSweepAgain: false)
    #expect(forged.cases.isEmpty && forged.summaries?.count == 4)
    let before = try #require(forged.summaries?[2].final.lossTest)
    forged.summaries?[2].final.lossTest = before.nextUp
    try forged.json().write(to: URL(fileURLWithPath: file))
    output = try runProcess(Repository.nnlab, ["verify", file])
    #expect(output.status == 1, "\(output.stderr)")
    #expect(
      output.stdout == "case \"learning rate 0.3, data seed 1\": final.loss_test: \(before.nextUp) in the snapshot, \(before) now\n")
    output = try runProcess(Repository.nnlab, ["render", file, "--out", folder.path("out")])
    #expect(output.status == 65)
    #expect(output.stderr.contains("cases[2]: training again gives other numbers than the recorded ones"), "\(output.stderr)")
  }

  @Test func aTestLossOfTheLastCaseAndAFinalParameterAreNamedToo() throws {
    let original = try Self.committed("seed-lab")
    var forged = original
    forged.cases[3].history = try Self.history(forged.cases[3].history) { $0.test[999] = $0.test[999].nextDown }
    #expect(try forged.compared(with: original).difference?.place
      == "case \"Case 4: mini-batch of 20 with batch normalisation\": loss_test at iteration 1000")
    forged = original
    forged.step.after = forged.step.after.map { Parameters(shape: $0.shape, values: $0.values.map(\.nextUp)) }
    #expect(try forged.compared(with: original).difference?.place == "step.params_after.b11")
  }

  /// `history` with its series edited and its digest recomputed, as nnlab would record it.
  static func history(_ history: LossHistory, _ edit: (inout (train: [Double], test: [Double])) -> Void) throws
    -> LossHistory
  {
    var series = (train: history.train, test: history.test)
    edit(&series)
    let words = zip(series.train, series.test).flatMap { [$0.bitPattern.littleEndian, $1.bitPattern.littleEndian] }
    let digest = Snapshot.hash(words.withUnsafeBytes { Data($0) })
    return try LossHistory(
      stride: history.stride, count: history.count, train: series.train, test: series.test, digest: digest)
  }
}

/// `JSONTree.firstDifference`: bit for bit, keys sorted, any key compared.
@Suite struct JSONTreeTests {
  @Test func aKeyNoCodeKnowsIsComparedLikeTheOthers() throws {
    let a = try JSONTree(parsing: Data(#"{"a": [1, 2], "checkpoints": [{"loss": 0.1}], "z": "x"}"#.utf8))
    let b = try JSONTree(parsing: Data(#"{"a": [1, 2], "checkpoints": [{"loss": 0.10000000000000002}], "z": "y"}"#.utf8))
    let found = try #require(a.firstDifference(from: b))
    #expect(JSONTree.describe(found.path) == "checkpoints[0].loss")
    #expect(found.this?.text == "0.1")
    #expect(found.other?.text == "0.10000000000000002")
    #expect(a.firstDifference(from: a) == nil)
  }

  @Test func zeroAndMinusZeroDifferAndMissingValuesAreNamed() throws {
    let zero = try JSONTree(parsing: Data("[0, 1]".utf8)), minus = try JSONTree(parsing: Data("[-0.0]".utf8))
    let found = try #require(zero.firstDifference(from: minus))
    #expect(found.path == [.index(0)])
    #expect(found.other?.text == "-0")
    let shorter = try #require(minus.removing("x").firstDifference(from: .array([.number(-0.0), .null])))
    #expect(shorter.path == [.index(1)] && shorter.this == nil && shorter.other == .null)
    #expect(JSONTree.number(0.1).text == "0.1" && JSONTree.number(3).text == "3")
  }
}
