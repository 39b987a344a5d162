/// What one training case produced: the losses after every update, and where it ended.
public struct TrainingResult: Sendable, Equatable {
  /// The number of iterations the settings ask for, `floor(n / batch) * epochs`.
  public var iterations: Int
  /// The full training and test sets' losses after each completed update.
  public var history: LossHistory
  /// The accuracies, gradient norms and update ratios after each completed update.
  public var curves: TrainingCurves
  /// The parameters at the chosen iterations, increasing, from 0 to the last completed one.
  public var checkpoints: [Checkpoint]
  /// The parameters after the last completed update.
  public var parameters: Parameters
  /// The 1-based iteration whose loss or updated parameters were NaN or infinite, which
  /// stopped training.
  /// Its update is discarded: `parameters` and the losses stop one iteration earlier.
  public var divergedAt: Int?
  /// Losses and accuracies of `parameters`.
  public var final: FinalMetrics

  public init(
    iterations: Int, history: LossHistory, curves: TrainingCurves, checkpoints: [Checkpoint],
    parameters: Parameters, divergedAt: Int?, final: FinalMetrics
  ) {
    self.iterations = iterations
    self.history = history
    self.curves = curves
    self.checkpoints = checkpoints
    self.parameters = parameters
    self.divergedAt = divergedAt
    self.final = final
  }
}

/// Loss and accuracy of a set of parameters on the training and test sets.
public struct FinalMetrics: Sendable, Equatable {
  /// The training loss, nil if it is not finite.
  public var lossTrain: Double?
  /// The test loss, nil if it is not finite.
  public var lossTest: Double?
  /// The share of training points whose prediction `yhat > 0.5` matches the label.
  public var accuracyTrain: Double
  /// The share of test points whose prediction matches the label.
  public var accuracyTest: Double

  public init(lossTrain: Double?, lossTest: Double?, accuracyTrain: Double, accuracyTest: Double) {
    self.lossTrain = lossTrain
    self.lossTest = lossTest
    self.accuracyTrain = accuracyTrain
    self.accuracyTest = accuracyTest
  }
}

extension FinalMetrics: Codable {
  enum CodingKeys: String, CodingKey {
    case lossTrain = "loss_train"
    case lossTest = "loss_test"
    case accuracyTrain = "accuracy_train"
    case accuracyTest = "accuracy_test"
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(lossTrain, forKey: .lossTrain)
    try container.encode(lossTest, forKey: .lossTest)
    try container.encode(accuracyTrain, forKey: .accuracyTrain)
    try container.encode(accuracyTest, forKey: .accuracyTest)
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    lossTrain = try container.decodeIfPresent(Double.self, forKey: .lossTrain)
    lossTest = try container.decodeIfPresent(Double.self, forKey: .lossTest)
    accuracyTrain = try container.decode(Double.self, forKey: .accuracyTrain)
    accuracyTest = try container.decode(Double.self, forKey: .accuracyTest)
  }
}
