/// A penalty on the weights (not the biases) added to the loss that SGD minimises.
///
/// The objective is `loss + rate * P`, where `P` sums over the weights in parameter order,
/// left to right, `|w|` (L1) or `0.5 * w * w` (L2). Recorded losses leave the penalty out,
/// as TensorFlow Playground shows them.
public struct Regularization: Sendable, Hashable {
  public enum Kind: String, Sendable, Codable, CaseIterable { case none, l1, l2 }

  public var kind: Kind
  /// The penalty's weight `r`, a finite number of at least 0.
  public var rate: Double

  public init(_ kind: Kind = .none, rate: Double = 0) {
    self.kind = kind
    self.rate = rate
  }

  /// No penalty.
  public static let none = Regularization()

  /// `P` for the parameters at `p` of a network of `shape`. (Index loops: this runs twice
  /// per parameter per iteration.)
  @inline(__always)
  func penalty(_ p: UnsafePointer<Double>, shape: NetworkShape) -> Double {
    var sum = 0.0
    for k in 0..<shape.parameterCount where shape.roles[k].isWeight {
      switch kind {
      case .none: break
      case .l1: sum += abs(p[k])
      case .l2: sum += 0.5 * p[k] * p[k]
      }
    }
    return sum
  }

  /// The objective `loss + rate * P`, or `loss` itself without a penalty.
  @inline(__always)
  func objective(loss: Double, parameters p: UnsafePointer<Double>, shape: NetworkShape) -> Double {
    kind == .none ? loss : loss + rate * penalty(p, shape: shape)
  }

  /// The penalty's derivative by weight `w`: `rate * sign(w)` (L1) or `rate * w` (L2).
  @inline(__always)
  func derivative(_ w: Double) -> Double {
    switch kind {
    case .none: 0
    case .l1: rate * (w > 0 ? 1 : w < 0 ? -1 : 0)
    case .l2: rate * w
    }
  }
}
