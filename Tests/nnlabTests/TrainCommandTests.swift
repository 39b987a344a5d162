import Foundation
import Testing
import TestSupport

/// `nnlab train` and `nnlab step` as a user runs them.
@Suite struct TrainCommandTests {
  func nnlab(_ arguments: String...) throws -> ProcessOutput {
    try runProcess(Repository.nnlab, arguments)
  }

  @Test func trainPrintsTheNotebooksLines() throws {
    let output = try nnlab("train", "--epochs", "10")
    #expect(output.status == 0)
    #expect(output.stdout == """
      iter: 1000 / act: relu / lr: 0.01 / btch_size: 1 / epoch: 10 / batch_norm: False
      loss train: 0.5197  / loss test: 0.5529

      """)
    #expect(output.stderr.isEmpty)
  }

  @Test func trainMatchesTheOraclesTextOutput() throws {
    for arguments in [
      ["--epochs", "10", "--learning-rate", "0.3"],
      ["--epochs", "200", "--learning-rate", "0.1", "--batch-size", "20"],
      ["--epochs", "200", "--learning-rate", "0.1", "--batch-size", "20", "--batch-norm"],
      ["--seed", "0", "--n-obs", "30", "--activation", "sigmoid", "--batch-size", "500", "--epochs", "20"],
    ] {
      let ours = try runProcess(Repository.nnlab, ["train"] + arguments)
      let theirs = try runPython([Repository.oracle.path, "train"] + arguments)
      // Both must succeed: two failures print the same nothing.
      #expect(ours.status == 0, "\(arguments): \(ours.stderr)")
      #expect(theirs.status == 0, "\(arguments): \(theirs.stderr)")
      #expect(ours.stdout.contains("loss train: "), "\(arguments)")
      #expect(ours.stdout == theirs.stdout, "\(arguments)")
    }
  }

  /// A chaotic run (batch 1, learning rate 1, tanh) grows any ulp of difference: it agrees
  /// with the pinned oracle on every recorded loss, bit for bit.
  @Test func chaoticTanhRunAgreesWithTheOracleBitForBit() throws {
    let arguments = ["train", "--activation", "tanh", "--learning-rate", "1.0", "--epochs", "10", "--json"]
    let ours = try runProcess(Repository.nnlab, arguments)
    let theirs = try runPython([Repository.oracle.path] + arguments)
    let a = try #require(try JSONSerialization.jsonObject(with: Data(ours.stdout.utf8)) as? [String: Any])
    let b = try #require(try JSONSerialization.jsonObject(with: Data(theirs.stdout.utf8)) as? [String: Any])
    for key in ["loss_train", "loss_test"] {
      let mine = try #require(a[key] as? [Double])
      let numpy = try #require(b[key] as? [Double])
      #expect(mine.count == 1000)
      #expect(mine.map(\.bitPattern) == numpy.map(\.bitPattern), "\(key)")
    }
    // Unwrapped first: two values that are not parameter tables would compare equal as nil.
    let mine = try #require(a["params"] as? [String: Double])
    let numpy = try #require(b["params"] as? [String: Double])
    #expect(mine.count == 13)
    #expect(mine == numpy)
  }

  @Test func trainJSONHasTheDocumentedShape() throws {
    let output = try nnlab("train", "--epochs", "2", "--json")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    #expect(Set(object.keys) == ["iterations", "loss_train", "loss_test", "params", "final", "diverged_at"])
    #expect(object["iterations"] as? Int == 200)
    #expect((object["loss_train"] as? [Double])?.count == 200)
    #expect(object["diverged_at"] is NSNull)
    let final = try #require(object["final"] as? [String: Double])
    #expect(Set(final.keys) == ["loss_train", "loss_test", "accuracy_train", "accuracy_test"])
    #expect((object["params"] as? [String: Double])?.count == 13)
  }

  @Test func divergenceIsReportedNotPrintedAsNaN() throws {
    let text = try nnlab("train", "--activation", "sigmoid", "--learning-rate", "20")
    #expect(text.status == 0)
    #expect(text.stdout.contains("diverged at iteration 4:"))
    #expect(!text.stdout.lowercased().contains("nan"))
    let json = try nnlab("train", "--activation", "sigmoid", "--learning-rate", "20", "--json")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(object["diverged_at"] as? Int == 4)
    #expect((object["loss_train"] as? [Double])?.count == 3)
  }

  @Test func stepPrintsTheNotebooksCell() throws {
    let output = try nnlab("step")
    #expect(output.stdout == """
      index= [74] X = [[0.8216662  0.16103194]] y = [1]
      b11: 0.026  / b12: 0.009  / b13: 0.017  / b21: 0.087

      """)
    let oracle = try runPython([Repository.oracle.path, "step"])
    #expect(output.stdout == oracle.stdout)
  }

  @Test func stepJSONAgreesWithTheOracle() throws {
    for seed in ["317", "0", "4294967295"] {
      let ours = try nnlab("step", "--seed", seed, "--json")
      let theirs = try runPython([Repository.oracle.path, "step", "--seed", seed, "--json"])
      let a = try #require(try JSONSerialization.jsonObject(with: Data(ours.stdout.utf8)) as? [String: Any])
      let b = try #require(try JSONSerialization.jsonObject(with: Data(theirs.stdout.utf8)) as? [String: Any])
      // Each value unwrapped first: a key missing from both would otherwise compare equal as nil.
      #expect(try #require(a["index"] as? Int) == (try #require(b["index"] as? Int)))
      #expect(try #require(a["x"] as? [Double]) == (try #require(b["x"] as? [Double])))
      #expect(try #require(a["y"] as? Int) == (try #require(b["y"] as? Int)))
      for key in ["params_before", "gradient", "params_after"] {
        let mine = try #require(a[key] as? [String: Double], "\(key) seed \(seed)")
        let numpy = try #require(b[key] as? [String: Double], "\(key) seed \(seed)")
        #expect(mine.count == 13, "\(key) seed \(seed)")
        #expect(mine == numpy, "\(key) seed \(seed)")
      }
    }
  }
}
