/// How one training case runs: the arguments of the notebook's `execute_ann`, and a
/// penalty on the weights.
public struct TrainingSettings: Sendable, Equatable, Hashable {
  /// The largest batch size or number of epochs accepted.
  public static let maximumCount = 10_000_000
  /// The largest number of SGD iterations accepted.
  public static let maximumIterations = 10_000_000

  public var activation: Activation
  public var batchSize: Int
  public var epochs: Int
  public var learningRate: Double
  public var batchNorm: Bool
  public var gradient: GradientMethod
  public var regularization: Regularization
  /// Record every `recordEvery`-th update (and the first and the last); nil for the default
  /// (see `recordingPlan(shape:trainCount:testCount:)`).
  public var recordEvery: Int?

  /// The notebook's defaults: ReLU, batch size 1, one epoch, learning rate 0.01, no batch
  /// normalisation, numeric gradient, no regularisation, the default recording.
  public init(
    activation: Activation = .relu, batchSize: Int = 1, epochs: Int = 1,
    learningRate: Double = 0.01, batchNorm: Bool = false, gradient: GradientMethod = .numeric,
    regularization: Regularization = .none, recordEvery: Int? = nil
  ) {
    self.activation = activation
    self.batchSize = batchSize
    self.epochs = epochs
    self.learningRate = learningRate
    self.batchNorm = batchNorm
    self.gradient = gradient
    self.regularization = regularization
    self.recordEvery = recordEvery
  }

  /// The forward-pass options these settings train with.
  public var options: NetworkOptions { NetworkOptions(activation: activation, batchNorm: batchNorm) }

  /// The batch size used with `observations` training points (at most all of them).
  public func effectiveBatchSize(observations: Int) -> Int { min(batchSize, observations) }

  /// The number of SGD iterations: `floor(n / batch) * epochs`.
  public func iterations(observations: Int) -> Int {
    let batch = effectiveBatchSize(observations: observations)
    let (product, overflow) = (observations / batch).multipliedReportingOverflow(by: epochs)
    return overflow ? Int.max : product
  }

  /// Checks every value before any work starts.
  /// - Throws: `SettingsError` naming the bad value and what is allowed.
  public func validate(observations: Int) throws(SettingsError) {
    guard (1...DataSpec.maximumCount).contains(observations) else {
      throw .outOfRange(.observations, value: String(observations), allowed: "1 to \(DataSpec.maximumCount)")
    }
    guard (1...Self.maximumCount).contains(batchSize) else {
      throw .outOfRange(.batchSize, value: String(batchSize), allowed: "1 to \(Self.maximumCount)")
    }
    guard (1...Self.maximumCount).contains(epochs) else {
      throw .outOfRange(.epochs, value: String(epochs), allowed: "1 to \(Self.maximumCount)")
    }
    guard learningRate.isFinite, learningRate > 0 else {
      throw .outOfRange(.learningRate, value: String(learningRate), allowed: "a finite number greater than 0")
    }
    guard regularization.rate.isFinite, regularization.rate >= 0 else {
      throw .outOfRange(
        .regularizationRate, value: String(regularization.rate), allowed: "a finite number of at least 0")
    }
    if let recordEvery, !(1...RecordingPlan.maximumEvery).contains(recordEvery) {
      throw .outOfRange(
        .recordEvery, value: String(recordEvery), allowed: "a whole number from 1 to \(RecordingPlan.maximumEvery)")
    }
    let iterations = iterations(observations: observations)
    guard iterations <= Self.maximumIterations else { throw .tooManyIterations(iterations) }
    if batchNorm && effectiveBatchSize(observations: observations) == 1 {
      throw .batchNormNeedsTwoPoints
    }
  }
}

/// A training setting that cannot be used.
public enum SettingsError: Error, Equatable, CustomStringConvertible {
  case outOfRange(Field, value: String, allowed: String)
  case tooManyIterations(Int)
  case batchNormNeedsTwoPoints

  /// The setting a value belongs to, named as the command line and experiment files name it.
  public enum Field: String, Sendable {
    case observations = "n-obs"
    case batchSize = "batch-size"
    case epochs
    case learningRate = "learning-rate"
    case regularizationRate = "regularization-rate"
    case recordEvery = "record-every"

    /// The key of this setting in an experiment file.
    public var jsonKey: String { rawValue.split(separator: "-").joined(separator: "_") }
  }

  /// The experiment-file key the error is about (`batch_size`, `epochs`, ...).
  public var jsonKey: String {
    switch self {
    case .outOfRange(let field, _, _): field.jsonKey
    case .tooManyIterations: "epochs"
    case .batchNormNeedsTwoPoints: "batch_norm"
    }
  }

  public var description: String {
    switch self {
    case .outOfRange(let field, let value, let allowed):
      "\(field.rawValue) must be \(allowed), got \(value)"
    case .tooManyIterations(let count):
      "floor(n-obs / batch-size) * epochs gives \(count == Int.max ? "more than 2^63" : String(count)) iterations; at most \(TrainingSettings.maximumIterations) are allowed"
    case .batchNormNeedsTwoPoints:
      "batch normalisation needs a batch of at least 2 points (a single point's standard deviation is zero)"
    }
  }
}
