/// Labelled points in the plane: features `x1`, `x2` and a class `y` (0 or 1).
public struct LabeledPoints: Sendable, Equatable {
  public var x1: [Double]
  public var x2: [Double]
  public var y: [Int]

  /// Creates a set of points; the three arrays have the same length.
  public init(x1: [Double], x2: [Double], y: [Int]) {
    precondition(x1.count == x2.count && x2.count == y.count, "x1, x2 and y differ in length")
    self.x1 = x1
    self.x2 = x2
    self.y = y
  }

  /// The number of points.
  public var count: Int { y.count }
}

/// The notebook's toy data set: training points under a parabola, test points shifted by 0.2.
public struct Dataset: Sendable, Equatable {
  public var train: LabeledPoints
  public var test: LabeledPoints

  public init(train: LabeledPoints, test: LabeledPoints) {
    self.train = train
    self.test = test
  }

  /// The notebook's data set for `seed` with `count` training and `count` test points.
  ///
  /// `X = rand(count, 2) * 4 - 2` and `y = X2 + 1 > X1^2`, then the test set from the same
  /// stream with `(X2 + 0.2) + 1 > (X1 + 0.2)^2`.
  public init(seed: UInt32, count: Int) {
    var random = RandomState(seed: seed)
    func draw() -> (x1: [Double], x2: [Double]) {
      var x1 = [Double](), x2 = [Double]()
      x1.reserveCapacity(count)
      x2.reserveCapacity(count)
      for _ in 0..<count {
        x1.append(random.nextDouble() * 4 - 2)
        x2.append(random.nextDouble() * 4 - 2)
      }
      return (x1, x2)
    }
    let train = draw()
    let test = draw()
    self.train = LabeledPoints(
      x1: train.x1, x2: train.x2,
      y: zip(train.x1, train.x2).map { $1 + 1 > $0 * $0 ? 1 : 0 })
    self.test = LabeledPoints(
      x1: test.x1, x2: test.x2,
      y: zip(test.x1, test.x2).map { ($1 + 0.2) + 1 > ($0 + 0.2) * ($0 + 0.2) ? 1 : 0 })
  }

  /// The plotting window of the notebook's decision boundary: the range of training and
  /// test points in each feature, widened by 0.1 on each side.
  public var plotBounds: (x1: ClosedRange<Double>, x2: ClosedRange<Double>) {
    let x1 = train.x1 + test.x1
    let x2 = train.x2 + test.x2
    return (
      (x1.min() ?? 0) - 0.1...(x1.max() ?? 0) + 0.1,
      (x2.min() ?? 0) - 0.1...(x2.max() ?? 0) + 0.1
    )
  }
}
