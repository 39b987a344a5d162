/// The numeric and the analytic gradient of the same objective side by side: the check a
/// student runs before trusting backpropagation.
public struct GradientCheck: Sendable, Equatable {
  /// A relative error above this is flagged.
  public static let tolerance = 1e-5

  /// Central differences with the notebook's step (`Trainer.centralDifferenceStep`).
  public let numeric: Parameters
  /// Backpropagation.
  public let analytic: Parameters

  /// Both gradients of the mean loss of `points` (plus `regularization`'s penalty) at
  /// `parameters`, as one full-batch training step would compute them.
  public init(
    parameters: Parameters, points: LabeledPoints, options: NetworkOptions, regularization: Regularization = .none
  ) {
    numeric = parameters.lossGradient(on: points, options: options, method: .numeric, regularization: regularization)
    analytic = parameters.lossGradient(
      on: points, options: options, method: .analytic, regularization: regularization)
  }

  /// Per parameter, `|numeric - analytic| / max(|numeric|, |analytic|)`: 0 where both are
  /// 0, NaN where either is not finite.
  public var relativeErrors: [Double] {
    zip(numeric.values, analytic.values).map { n, a in
      guard n.isFinite, a.isFinite else { return .nan }
      let scale = max(abs(n), abs(a))
      return scale == 0 ? 0 : abs(n - a) / scale
    }
  }

  /// The indices of the parameters whose relative error exceeds `tolerance` or is NaN.
  public var flagged: [Int] {
    relativeErrors.indices.filter { !(relativeErrors[$0] <= Self.tolerance) }
  }
}
