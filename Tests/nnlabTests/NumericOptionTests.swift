import Testing
import TestSupport

/// A negative number after a numeric option is that option's value, refused (or used) for
/// what it is, never "Missing value"; and help paragraphs are not broken by hand.
@Suite struct NumericOptionTests {
  static let negative: [(arguments: [String], message: String)] = [
    (["train", "--learning-rate", "-1"], "learning-rate must be a finite number greater than 0, got -1.0"),
    (["train", "--batch-size", "-2"], "batch-size must be 1 to 10000000, got -2"),
    (["train", "--epochs", "-3"], "epochs must be 1 to 10000000, got -3"),
    (["train", "--regularization-rate", "-0.5"], "regularization-rate must be a finite number of at least 0, got -0.5"),
    (["train", "--seed", "-1"], "seed must be 0 to 4294967295, got -1"),
    (["train", "--n-obs", "-5"], "n-obs must be 1 to 1000000, got -5"),
    (["train", "--n-test", "-5"], "n-test must be 1 to 1000000, got -5"),
    (["train", "--noise", "-0.1"], "noise must be 0 to 0.5, got -0.1"),
    (["train", "--init-seed", "-4"], "init-seed must be 0 to 4294967295, got -4"),
    (["train", "--hidden", "-1"], "a hidden layer has 1 to 16 units, got -1"),
    (["data", "--seed", "-1"], "seed must be 0 to 4294967295, got -1"),
    (
      ["data", "--test-fraction", "-0.5", "--csv", Repository.root.appendingPathComponent("Tests/data/csv/points.csv").path],
      "test-fraction must be a number between 0 and 1, got -0.5"
    ),
    (["step", "--learning-rate", "-0.2"], "learning-rate must be a finite number greater than 0, got -0.2"),
    (["step", "--seed", "-7"], "seed must be 0 to 4294967295, got -7"),
  ]

  @Test(arguments: negative)
  func aNegativeValueGetsItsRealReason(_ arguments: [String], _ message: String) throws {
    let output = try runProcess(Repository.nnlab, arguments)
    #expect(output.status == 64, "\(output.stderr)")
    #expect(output.stdout.isEmpty)
    #expect(output.stderr.hasPrefix("nnlab: error: "))
    #expect(output.stderr.contains(message), "\(output.stderr)")
    #expect(!output.stderr.contains("Missing value"))
  }

  /// A sentence of each command's help that a hard line break used to cut.
  @Test(arguments: [
    ([String](), "65 bad experiment or snapshot file, 73 the output cannot be written"),
    (["data"], "drawn from numpy's legacy stream seeded with --seed exactly as the training commands"),
    (["train"], "Iterations are floor(n-obs / batch-size) * epochs; after each update the full training and test"),
    (["step"], "the point is drawn with np.random.choice after seeding with --seed."),
    (["report"], "to the output folder, atomically: an earlier report is replaced only when"),
    (["verify"], "Prints 'verified: N cases, M numbers identical', or the first value"),
    (["diff"], "Exit status: 0 whether or not the files differ, 65 if one cannot be read."),
  ])
  func helpParagraphsWrapAtTheTerminal(_ command: [String], _ sentence: String) throws {
    let output = try runProcess(Repository.nnlab, command + ["--help"], environment: ["COLUMNS": "1000"])
    #expect(output.status == 0)
    #expect(output.stdout.contains(sentence), "\(output.stdout)")
  }
}
