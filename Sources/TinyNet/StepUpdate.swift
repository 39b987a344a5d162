/// The notebook's step-by-step cell: one point drawn, one gradient, one SGD update.
public struct StepUpdate: Sendable, Equatable {
  /// The index of the drawn training point.
  public var index: Int
  /// The drawn point's features `[x1, x2]`.
  public var x: [Double]
  /// The drawn point's class.
  public var y: Int
  public var before: Parameters
  /// The gradient of the drawn point's loss at `before`.
  public var gradient: Parameters
  /// `before - gradient * learningRate`.
  public var after: Parameters

  /// Draws one training point with `np.random.choice` after seeding with `seed`, and
  /// applies one update with `learningRate` (the notebook's cell uses 0.2).
  public init(
    data: Dataset, seed: UInt32, parameters: Parameters, learningRate: Double,
    activation: Activation = .relu, method: GradientMethod = .numeric
  ) {
    var random = RandomState(seed: seed)
    let index = random.choice(below: data.train.count)
    let point = LabeledPoints(
      x1: [data.train.x1[index]], x2: [data.train.x2[index]], y: [data.train.y[index]])
    let gradient = parameters.lossGradient(
      on: point, options: NetworkOptions(activation: activation), method: method)
    self.index = index
    self.x = [point.x1[0], point.x2[0]]
    self.y = point.y[0]
    self.before = parameters
    self.gradient = gradient
    self.after = Parameters(
      values: zip(parameters.values, gradient.values).map { $0 - $1 * learningRate })
  }
}

extension StepUpdate: Codable {
  enum CodingKeys: String, CodingKey {
    case index, x, y
    case before = "params_before"
    case gradient
    case after = "params_after"
  }
}
