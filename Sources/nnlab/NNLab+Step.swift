import ArgumentParser
import TinyNet

extension NNLab {
  /// `nnlab step`: the notebook's step-by-step cell.
  struct Step: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Draw one training point and apply one SGD update, as the notebook's step cell.",
      discussion: """
        Uses 100 points, the notebook's initial parameters and ReLU; the point is drawn with \
        np.random.choice after seeding with --seed.
        """)

    @Option(parsing: .unconditional, help: "Seed of numpy's random stream for the data set and the drawn point (0 to 4294967295).")
    var seed: Int = 317

    @Option(parsing: .unconditional, help: "SGD step size (the notebook's cell uses the global 0.2).")
    var learningRate: Double = 0.2

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func run() throws {
      guard let seed = UInt32(exactly: seed) else {
        throw CommandFailure.usage("seed must be 0 to 4294967295, got \(self.seed)")
      }
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
      guard let after = update.after else {
        print("index= [\(update.index)] X = [\(PythonText.numpyRow(update.x))] y = [\(update.y)]")
        print("the update diverged: its gradient or the loss after it is not finite")
        return
      }
      print(
        "index= [\(update.index)] X = [\(PythonText.numpyRow(update.x))] y = [\(update.y)]")
      print(
        ["b11", "b12", "b13", "b21"].map { "\($0): \(PythonText.rounded(after[$0], digits: 3))" }
          .joined(separator: "  / "))
    }
  }
}
