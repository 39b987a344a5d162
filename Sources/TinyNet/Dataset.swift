/// Labelled points in the plane: coordinates `x1`, `x2` and a class `y` (0 or 1).
public struct LabeledPoints: Sendable, Equatable {
  public let x1: [Double]
  public let x2: [Double]
  public let y: [Int]

  /// Creates a set of points.
  /// - Precondition: the three arrays have the same length and every class is 0 or 1.
  public init(x1: [Double], x2: [Double], y: [Int]) {
    precondition(x1.count == x2.count && x2.count == y.count, "x1, x2 and y differ in length")
    precondition(y.allSatisfy { $0 == 0 || $0 == 1 }, "a class is 0 or 1")
    self.x1 = x1
    self.x2 = x2
    self.y = y
  }

  /// The number of points.
  public var count: Int { y.count }

  /// The points at `indices`, in that order.
  public func subset(_ indices: [Int]) -> LabeledPoints {
    LabeledPoints(x1: indices.map { x1[$0] }, x2: indices.map { x2[$0] }, y: indices.map { y[$0] })
  }

  /// The points scaled by `factor` in both coordinates.
  func scaled(by factor: Double) -> LabeledPoints {
    LabeledPoints(x1: x1.map { $0 * factor }, x2: x2.map { $0 * factor }, y: y)
  }
}

/// A training set and a test set.
public struct Dataset: Sendable, Equatable {
  public let train: LabeledPoints
  public let test: LabeledPoints

  public init(train: LabeledPoints, test: LabeledPoints) {
    self.train = train
    self.test = test
  }

  /// The plotting window of the notebook's decision boundary: the range of training and
  /// test points in each coordinate, widened by 0.1 on each side.
  public var plotBounds: (x1: ClosedRange<Double>, x2: ClosedRange<Double>) {
    let x1 = train.x1 + test.x1
    let x2 = train.x2 + test.x2
    return (
      (x1.min() ?? 0) - 0.1...(x1.max() ?? 0) + 0.1,
      (x2.min() ?? 0) - 0.1...(x2.max() ?? 0) + 0.1
    )
  }
}
