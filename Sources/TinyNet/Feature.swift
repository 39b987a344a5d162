import Foundation

/// A network input computed from a point's coordinates, as TensorFlow Playground offers them.
public enum Feature: String, Sendable, Codable, CaseIterable {
  case x1
  case x2
  case x1Squared = "x1_squared"
  case x2Squared = "x2_squared"
  case x1X2 = "x1_x2"
  case sinX1 = "sin_x1"
  case sinX2 = "sin_x2"

  /// The feature's value at `(x1, x2)`, elementwise as numpy computes it.
  @inlinable
  public func callAsFunction(_ x1: Double, _ x2: Double) -> Double {
    switch self {
    case .x1: x1
    case .x2: x2
    case .x1Squared: x1 * x1
    case .x2Squared: x2 * x2
    case .x1X2: x1 * x2
    case .sinX1: sin(x1)
    case .sinX2: sin(x2)
    }
  }

  /// How the feature is written in formulas: `x1`, `x1²`, `x1·x2`, `sin(x1)`.
  public var symbol: String {
    switch self {
    case .x1: "x1"
    case .x2: "x2"
    case .x1Squared: "x1²"
    case .x2Squared: "x2²"
    case .x1X2: "x1·x2"
    case .sinX1: "sin(x1)"
    case .sinX2: "sin(x2)"
    }
  }
}
