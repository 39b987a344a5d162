import ArgumentParser
import TinyNet

extension NNLab {
  /// `nnlab step`: the notebook's step-by-step cell.
  struct Step: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Draw one training point and apply one SGD update, as the notebook's step cell.",
      discussion: """
        Uses 100 points, the notebook's initial parameters and ReLU; the point is drawn with
        np.random.choice after seeding with --seed.
        """)

    @OptionGroup var seed: SeedOption

    @Option(help: "SGD step size (the notebook's cell uses the global 0.2).")
    var learningRate: Double = 0.2

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func run() throws {
      let seed = try seed.validated()
      guard learningRate.isFinite, learningRate > 0 else {
        throw CommandFailure.usage(
          "learning-rate must be a finite number greater than 0, got \(learningRate)")
      }
      let update = StepUpdate(
        data: Dataset(seed: seed, count: 100), seed: seed, parameters: .notebookInitial,
        learningRate: learningRate)
      if json {
        print(try JSONText.encode(update))
        return
      }
      let after = update.after
      print(
        "index= [\(update.index)] X = [\(PythonText.numpyRow(update.x))] y = [\(update.y)]")
      print(
        ["b11", "b12", "b13", "b21"].map { "\($0): \(PythonText.rounded(after[$0], digits: 3))" }
          .joined(separator: "  / "))
    }
  }
}
