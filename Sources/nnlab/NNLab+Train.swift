import ArgumentParser
import Foundation
import TinyNet

extension NNLab {
  /// `nnlab train`: one `execute_ann` case.
  struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Train one case as the notebook's execute_ann does and print its final losses.",
      discussion: """
        Defaults are the notebook's execute_ann defaults. Iterations are
        floor(n-obs / batch-size) * epochs; after each update the full training and test
        losses are recorded. A NaN or infinite loss stops training (diverged_at in JSON).
        """)

    @OptionGroup var seed: SeedOption

    @Option(help: "Training points, and as many test points (1 to 10000000).")
    var nObs: Int = 100

    @Option(help: "Hidden activation: \(Activation.allCases.map(\.rawValue).joined(separator: ", ")).")
    var activation: Activation = .relu

    @Option(help: "Points per SGD update; at least n-obs means the full batch.")
    var batchSize: Int = 1

    @Option(help: "Passes over the training set.")
    var epochs: Int = 1

    @Option(help: "SGD step size, a finite number greater than 0.")
    var learningRate: Double = 0.01

    @Flag(help: "Normalise each hidden pre-activation over the evaluated set.")
    var batchNorm = false

    @Option(help: "numeric (central difference, h = 1e-7, as the notebook) or analytic (backpropagation).")
    var gradient: GradientMethod = .numeric

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func run() throws {
      let seed = try seed.validated()
      let settings = TrainingSettings(
        activation: activation, batchSize: batchSize, epochs: epochs,
        learningRate: learningRate, batchNorm: batchNorm, gradient: gradient)
      do {
        try settings.validate(observations: nObs)
      } catch {
        throw CommandFailure.usage(error.description)
      }
      let data = Dataset(seed: seed, count: nObs)
      let result = Trainer(data: data, seed: seed, settings: settings).run(from: .notebookInitial)
      if json {
        print(try JSONText.encode(result))
      } else {
        print(Self.summary(of: result, settings: settings, observations: nObs))
      }
    }

    /// The notebook's `desc` line and final-loss line.
    static func summary(of result: TrainingResult, settings: TrainingSettings, observations: Int)
      -> String
    {
      var lines = [
        "iter: \(result.iterations) / act: \(settings.activation.rawValue) / lr: \(settings.learningRate) / btch_size: \(settings.effectiveBatchSize(observations: observations)) / epoch: \(settings.epochs) / batch_norm: \(settings.batchNorm ? "True" : "False")"
      ]
      if let iteration = result.divergedAt {
        lines.append(
          "diverged at iteration \(iteration): the loss was no longer finite; results are from iteration \(iteration - 1)"
        )
      }
      lines.append(
        "loss train: \(PythonText.rounded(result.final.lossTrain, digits: 4))  / loss test: \(PythonText.rounded(result.final.lossTest, digits: 4))"
      )
      return lines.joined(separator: "\n")
    }
  }
}
