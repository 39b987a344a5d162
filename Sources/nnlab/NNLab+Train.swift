import ArgumentParser
import Foundation
import TinyNet

extension NNLab {
  /// `nnlab train`: one `execute_ann` case, on any data set and network.
  struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Train one case as the notebook's execute_ann does and print its final losses.",
      discussion: """
        Defaults are the notebook's execute_ann defaults: its 2-3-1 network on its parabola. \
        Iterations are floor(n-obs / batch-size) * epochs; after each update the full \
        training and test losses are recorded. Above 10,000 points in a set, only the first, \
        every k-th and the last update are recorded, with k chosen so that recording costs no \
        more than training (or given with --record-every; record_every in JSON). A NaN or \
        infinite parameter or recorded loss stops training (diverged_at in JSON).
        """)

    @OptionGroup var data: DataOptions

    @OptionGroup var network: NetworkOptionsGroup

    @Option(help: "Hidden activation: \(Activation.allCases.map(\.rawValue).joined(separator: ", ")).")
    var activation: Activation = .relu

    @Option(parsing: .unconditional, help: "Points per SGD update; at least the training set's size means the full batch.")
    var batchSize: Int = 1

    @Option(parsing: .unconditional, help: "Passes over the training set.")
    var epochs: Int = 1

    @Option(parsing: .unconditional, help: "SGD step size, a finite number greater than 0.")
    var learningRate: Double = 0.01

    @Flag(help: "Normalise each hidden pre-activation over the evaluated set.")
    var batchNorm = false

    @Option(help: "numeric (central difference, h = 1e-7, as the notebook) or analytic (backpropagation).")
    var gradient: GradientMethod = .numeric

    @Option(help: "A penalty on the weights: none, l1 or l2.")
    var regularization: Regularization.Kind = .none

    @Option(parsing: .unconditional, help: "The penalty's rate r: the objective is loss + r * P (a number of at least 0).")
    var regularizationRate: Double = 0

    @Option(
      parsing: .unconditional,
      help: "Record the losses after the first, every k-th and the last update only (1 to 10000000; default: every update up to 10,000 points per set, else k so that recording costs no more than training)."
    )
    var recordEvery: Int?

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func run() throws {
      let dataSpec = try data.spec()
      let networkSpec = try network.spec(dataSeed: dataSpec.seed)
      let settings = TrainingSettings(
        activation: activation, batchSize: batchSize, epochs: epochs, learningRate: learningRate,
        batchNorm: batchNorm, gradient: gradient,
        regularization: Regularization(regularization, rate: regularizationRate), recordEvery: recordEvery)
      let observations = dataSpec.trainingPointCount
      do {
        try settings.validate(observations: observations)
      } catch {
        throw CommandFailure.usage(error.description)
      }
      let result = Trainer(data: dataSpec.dataset, seed: dataSpec.seed, settings: settings)
        .run(from: networkSpec.initialParameters, exactLossLimit: .max)
      if json {
        print(try JSONText.encode(TrainingJSON(result)))
      } else {
        print(Self.summary(of: result, settings: settings, observations: observations))
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
          "diverged at iteration \(iteration): the loss or a parameter was no longer finite; results are from iteration \(iteration - 1)"
        )
      }
      lines.append(
        "loss train: \(PythonText.rounded(result.final.lossTrain, digits: 4))  / loss test: \(PythonText.rounded(result.final.lossTest, digits: 4))"
      )
      return lines.joined(separator: "\n")
    }
  }
}

/// A training result as `nnlab train --json` prints it: every recorded loss, and how often
/// losses were recorded when not after every update.
struct TrainingJSON: Encodable {
  var result: TrainingResult

  init(_ result: TrainingResult) { self.result = result }

  enum CodingKeys: String, CodingKey {
    case iterations
    case lossTrain = "loss_train"
    case lossTest = "loss_test"
    case parameters = "params"
    case divergedAt = "diverged_at"
    case final
    case recordEvery = "record_every"
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(result.iterations, forKey: .iterations)
    try container.encode(result.history.train, forKey: .lossTrain)
    try container.encode(result.history.test, forKey: .lossTest)
    try container.encode(result.parameters, forKey: .parameters)
    try container.encode(result.divergedAt, forKey: .divergedAt)
    try container.encode(result.final, forKey: .final)
    let every = result.history.recording.every
    if every > 1 { try container.encode(every, forKey: .recordEvery) }
  }
}
