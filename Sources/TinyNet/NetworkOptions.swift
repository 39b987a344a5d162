/// The choices of the forward pass that are not parameters.
public struct NetworkOptions: Sendable, Equatable, Hashable {
  /// The hidden layers' activation.
  public var activation: Activation
  /// Whether each hidden pre-activation is normalised over the evaluated set.
  public var batchNorm: Bool

  public init(activation: Activation = .relu, batchNorm: Bool = false) {
    self.activation = activation
    self.batchNorm = batchNorm
  }
}
