import NetworkDiagram
import TinyNet

/// The seed lab's data and the diagrams the report draws from it.
enum Fixtures {
  /// The notebook's data set: seed 317, 100 training and 100 test points.
  static let data = Dataset(seed: 317, count: 100)
  static let relu = NetworkOptions(activation: .relu)
  static let batchNorm = NetworkOptions(activation: .relu, batchNorm: true)

  /// Point `index` of the training set run through `parameters`.
  static func sample(
    _ parameters: Parameters, options: NetworkOptions = relu, index: Int = 0
  ) -> DiagramSample {
    let trace = ForwardTrace(points: data.train, parameters: parameters, options: options)
    return DiagramSample(trace: trace, points: data.train, index: index)
  }

  /// Cell 11: the very first diagram, `graph(params, result)` at point 0.
  static let initial = NetworkDiagram.network(
    parameters: .notebookFirstDiagram, sample: sample(.notebookFirstDiagram), options: relu,
    title: "Initial network")

  /// Cell 14: one update with learning rate 0.2 on the drawn point 74.
  static let step = StepUpdate(
    data: data, seed: 317, parameters: .notebookInitial, learningRate: 0.2)

  static let update = NetworkDiagram.update(
    step: step, learningRate: 0.2, sample: sample(step.before, index: step.index), options: relu,
    title: "One update")

  /// The second simulation case (ten epochs, learning rate 0.3), which ends with w23 and
  /// w33 negative.
  static let caseTwo = Trainer(
    data: data, seed: 317, settings: TrainingSettings(epochs: 10, learningRate: 0.3)
  ).run(from: .notebookInitial).parameters
}
