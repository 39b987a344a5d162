import Foundation
import Testing
import TestSupport

/// `nnlab train --json` with the flags for data sets and networks agrees with the oracle's
/// `train --json`, given the same flags, bit for bit. The in-process differential tests cover
/// many configurations; these check that every flag reaches the training core.
@Suite struct TrainFlagsTests {
  /// A training run as both print it (non-finite numbers would be null; none of these diverge).
  struct Printed: Decodable {
    var iterations: Int
    var lossTrain: [Double]
    var lossTest: [Double]
    var params: [String: Double]
    var final: Final
    /// Present when the losses were not recorded after every update.
    var recordEvery: Int?

    struct Final: Decodable {
      var lossTrain: Double
      var lossTest: Double
      var accuracyTrain: Double
      var accuracyTest: Double

      enum CodingKeys: String, CodingKey {
        case lossTrain = "loss_train", lossTest = "loss_test"
        case accuracyTrain = "accuracy_train", accuracyTest = "accuracy_test"
      }
    }

    // Spelled out: a key strategy would rewrite the parameter names too.
    enum CodingKeys: String, CodingKey {
      case iterations, params, final
      case lossTrain = "loss_train", lossTest = "loss_test"
      case recordEvery = "record_every"
    }
  }

  static let configurations: [[String]] = [
    // Two hidden layers on an extra feature, on noisy xor with a test set of its own size.
    [
      "--data", "xor", "--noise", "0.2", "--n-obs", "40", "--n-test", "17", "--hidden", "4,3", "--features",
      "x1,x2,x1_x2", "--activation", "tanh", "--batch-size", "8", "--epochs", "3", "--learning-rate", "0.3",
    ],
    // No hidden layer on the squares, L2, random weights from a seed of their own.
    [
      "--data", "circle", "--n-obs", "30", "--hidden", "none", "--features", "x1_squared,x2_squared",
      "--regularization", "l2", "--regularization-rate", "0.01", "--init", "random", "--init-seed", "5",
      "--activation", "tanh", "--batch-size", "5", "--epochs", "4", "--learning-rate", "0.5",
    ],
    // L1 with batch normalisation and sigmoid units on wide Gaussians.
    [
      "--data", "gauss", "--noise", "0.3", "--seed", "4294967295", "--n-obs", "25", "--n-test", "9", "--hidden",
      "2", "--regularization", "l1", "--regularization-rate", "0.003", "--activation", "sigmoid", "--batch-norm",
      "--batch-size", "10", "--epochs", "5", "--learning-rate", "0.2",
    ],
    // The sines on the spiral through linear units; the largest init seed.
    [
      "--data", "spiral", "--noise", "0.1", "--seed", "0", "--n-obs", "24", "--hidden", "5,5", "--features",
      "sin_x1,sin_x2,x1,x2", "--init", "random", "--init-seed", "4294967295", "--activation", "linear",
      "--batch-size", "6", "--epochs", "2", "--learning-rate", "0.05",
    ],
    // The notebook's 2-3-1 network with Playground's random weights instead of its own.
    ["--n-obs", "30", "--init", "random", "--batch-size", "3", "--epochs", "2", "--learning-rate", "0.1"],
    // Points from a file, with a test fraction and a seed of their own.
    [
      "--csv", Repository.root.appendingPathComponent("Tests/data/csv/points.csv").path, "--test-fraction",
      "0.3", "--seed", "8", "--hidden", "3,2", "--activation", "tanh", "--batch-size", "4", "--epochs", "3",
      "--learning-rate", "0.4",
    ],
    // The first, every 6th and the last of 24 updates recorded: 1, 6, 12, 18, 24.
    [
      "--data", "circle", "--n-obs", "50", "--hidden", "4", "--activation", "tanh", "--batch-size", "4",
      "--epochs", "2", "--learning-rate", "0.3", "--record-every", "6",
    ],
  ]

  @Test(arguments: configurations)
  func everyLossAndParameterIsTheOraclesBitForBit(_ flags: [String]) throws {
    let ours = try runProcess(Repository.nnlab, ["train"] + flags + ["--json"])
    let theirs = try runPython([Repository.oracle.path, "train"] + flags + ["--json"])
    try #require(ours.status == 0, "\(ours.stderr)")
    try #require(theirs.status == 0, "\(theirs.stderr)")
    let decoder = JSONDecoder()
    let mine = try decoder.decode(Printed.self, from: Data(ours.stdout.utf8))
    let numpy = try decoder.decode(Printed.self, from: Data(theirs.stdout.utf8))
    #expect(mine.iterations > 0)
    #expect(mine.iterations == numpy.iterations)
    #expect(mine.recordEvery == numpy.recordEvery)
    #expect(mine.lossTrain.count == (mine.recordEvery == nil ? mine.iterations : 5))
    #expect(mine.lossTrain.map(\.bitPattern) == numpy.lossTrain.map(\.bitPattern))
    #expect(mine.lossTest.map(\.bitPattern) == numpy.lossTest.map(\.bitPattern))
    #expect(mine.params.keys.sorted() == numpy.params.keys.sorted())
    for (name, value) in mine.params {
      #expect(value.bitPattern == numpy.params[name]?.bitPattern, "\(name)")
    }
    #expect(mine.final.lossTrain.bitPattern == numpy.final.lossTrain.bitPattern)
    #expect(mine.final.lossTest.bitPattern == numpy.final.lossTest.bitPattern)
    #expect(mine.final.accuracyTrain == numpy.final.accuracyTrain)
    #expect(mine.final.accuracyTest == numpy.final.accuracyTest)
  }

  /// Each flag changes the run: a flag that were silently ignored would pass the test above
  /// only if the oracle ignored it too, so each configuration is also compared with itself
  /// without that flag.
  @Test func everyFlagChangesTheResult() throws {
    let base = [
      "train", "--data", "xor", "--n-obs", "20", "--hidden", "2", "--batch-size", "5", "--epochs", "2",
      "--learning-rate", "0.3", "--json",
    ]
    let reference = try runProcess(Repository.nnlab, base)
    try #require(reference.status == 0, "\(reference.stderr)")
    for extra in [
      ["--data", "circle"], ["--noise", "0.5"], ["--n-test", "7"], ["--seed", "4"], ["--hidden", "3"],
      ["--features", "x1,x1_x2"], ["--regularization", "l2", "--regularization-rate", "0.1"],
      ["--regularization", "l1", "--regularization-rate", "0.1"], ["--init-seed", "99"], ["--activation", "tanh"],
      ["--record-every", "3"],
    ] {
      let changed = try runProcess(Repository.nnlab, base + extra)
      try #require(changed.status == 0, "\(extra): \(changed.stderr)")
      #expect(changed.stdout != reference.stdout, "\(extra) changed nothing")
    }
  }
}
