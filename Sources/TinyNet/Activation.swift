import Foundation

/// A hidden layer's activation function.
public enum Activation: String, Sendable, Codable, CaseIterable {
  case relu
  case tanh
  case sigmoid
  case linear

  /// The activation of `a`, computed as numpy computes it (NaN stays NaN).
  @inlinable
  public func callAsFunction(_ a: Double) -> Double {
    switch self {
    case .relu: Self.relu(a)
    case .tanh: Self.tanh(a)
    case .sigmoid: Self.sigmoid(a)
    case .linear: a
    }
  }

  /// `np.maximum(a, 0)`.
  @inlinable
  public static func relu(_ a: Double) -> Double { a < 0 ? 0 : a }

  /// `np.tanh(a)`.
  @inlinable
  public static func tanh(_ a: Double) -> Double { Foundation.tanh(a) }

  /// `1 / (1 + np.exp(-a))`.
  @inlinable
  public static func sigmoid(_ a: Double) -> Double { 1 / (1 + exp(-a)) }

  /// The derivative at a point whose activation is `z` and pre-activation `a`.
  ///
  /// ReLU's derivative is taken as 0 at `a == 0`.
  @inlinable
  public func derivative(a: Double, z: Double) -> Double {
    switch self {
    case .relu: a > 0 ? 1 : 0
    case .tanh: 1 - z * z
    case .sigmoid: z * (1 - z)
    case .linear: 1
    }
  }
}

/// How the gradient of the batch loss is computed.
public enum GradientMethod: String, Sendable, Codable, CaseIterable {
  /// The notebook's central difference, one parameter at a time, `h = 1e-7`.
  case numeric
  /// Backpropagation, batch normalisation included.
  case analytic
}
