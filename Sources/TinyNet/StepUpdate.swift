/// The notebook's step-by-step cell: one point drawn, one gradient, one SGD update.
public struct StepUpdate: Sendable, Equatable {
  /// The index of the drawn training point.
  public var index: Int
  /// The drawn point's coordinates `[x1, x2]`.
  public var x: [Double]
  /// The drawn point's class.
  public var y: Int
  public var before: Parameters
  /// The gradient of the drawn point's loss at `before`, nil when it is not finite.
  public var gradient: Parameters?
  /// `before - gradient * learningRate`, nil when the update diverged.
  public var after: Parameters?

  /// Whether the update diverged: its gradient, the updated parameters or the training
  /// set's loss under them is not finite. The parameters then stay at `before`.
  public var diverged: Bool { after == nil }

  /// Draws one training point with `np.random.choice` after seeding with `seed`, and
  /// applies one update with `learningRate` (the notebook's cell uses 0.2).
  public init(
    data: Dataset, seed: UInt32, parameters: Parameters, learningRate: Double,
    activation: Activation = .relu, method: GradientMethod = .numeric
  ) {
    var random = RandomState(seed: seed)
    let index = random.choice(below: data.train.count)
    let point = data.train.subset([index])
    let options = NetworkOptions(activation: activation)
    let gradient = parameters.lossGradient(on: point, options: options, method: method)
    let after = parameters.stepped(along: gradient, learningRate: learningRate)
    self.index = index
    self.x = [point.x1[0], point.x2[0]]
    self.y = point.y[0]
    self.before = parameters
    self.gradient = gradient.isFinite ? gradient : nil
    self.after = after.isFinite && after.loss(on: data.train, options: options).isFinite ? after : nil
  }

  /// A recorded update, as a snapshot holds it.
  public init(index: Int, x: [Double], y: Int, before: Parameters, gradient: Parameters?, after: Parameters?) {
    self.index = index
    self.x = x
    self.y = y
    self.before = before
    self.gradient = gradient
    self.after = after
  }

  /// The drawn point as a set of one.
  public var point: LabeledPoints { LabeledPoints(x1: [x[0]], x2: [x[1]], y: [y]) }
}

extension StepUpdate: Encodable {
  enum CodingKeys: String, CodingKey {
    case index, x, y
    case before = "params_before"
    case gradient
    case after = "params_after"
    case diverged
  }

  /// The notebook's step as JSON; a diverged update has null gradient or parameters after.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(index, forKey: .index)
    try container.encode(x, forKey: .x)
    try container.encode(y, forKey: .y)
    try container.encode(before, forKey: .before)
    try container.encode(gradient, forKey: .gradient)
    try container.encode(after, forKey: .after)
    try container.encode(diverged, forKey: .diverged)
  }
}
