import TinyNet

/// The forward values of one point, as the diagram prints them at its nodes.
public struct DiagramSample: Sendable, Equatable {
  /// The point's index in the evaluated set.
  public var index: Int
  /// The point's features.
  public var x1: Double
  public var x2: Double
  /// The point's class (0 or 1).
  public var y: Int
  /// Each hidden unit's pre-activation `b1j + w1j*x1 + w2j*x2` (before normalisation).
  public var a: [Double]
  /// Each unit's batch-normalised pre-activation, or nil without batch normalisation.
  public var normalized: [Double]?
  /// Each hidden unit's output.
  public var z: [Double]
  /// The output unit's input.
  public var ay: Double
  /// The predicted probability of class 1.
  public var yhat: Double
  /// The mean loss over the whole evaluated set (not this point's loss).
  public var loss: Double
  /// The number of points the mean loss is taken over.
  public var count: Int

  /// The values of point `index` in `trace`, a forward pass over `points`.
  ///
  /// - Precondition: `trace` was computed on `points` and `index` is one of its indices.
  public init(trace: ForwardTrace, points: LabeledPoints, index: Int) {
    precondition(points.y.indices.contains(index), "sample index \(index) is not a point index")
    precondition(trace.yhat.count == points.count, "the trace was computed on other points")
    self.index = index
    x1 = points.x1[index]
    x2 = points.x2[index]
    y = points.y[index]
    a = trace.a.map { $0[index] }
    normalized = trace.normalized?.map { $0[index] }
    z = trace.z.map { $0[index] }
    ay = trace.ay[index]
    yhat = trace.yhat[index]
    loss = trace.loss
    count = points.count
  }
}
