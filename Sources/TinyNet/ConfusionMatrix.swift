/// How a classifier's predictions meet the labels: `counts[actual][predicted]` for the
/// classes 0 and 1.
public struct ConfusionMatrix: Sendable, Equatable {
  public let counts: [[Int]]

  /// The matrix of `predicted` classes against `labels`, point by point.
  /// - Precondition: both list the same number of points, each 0 or 1.
  public init(labels: [Int], predicted: [Int]) {
    precondition(labels.count == predicted.count, "one prediction per label")
    var counts = [[0, 0], [0, 0]]
    for (label, prediction) in zip(labels, predicted) { counts[label][prediction] += 1 }
    self.counts = counts
  }

  /// The number of points.
  public var total: Int { counts.joined().reduce(0, +) }

  /// The share of points predicted correctly; 0 for no points.
  public var accuracy: Double {
    total == 0 ? 0 : Double(counts[0][0] + counts[1][1]) / Double(total)
  }
}
