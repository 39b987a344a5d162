import TinyNet

/// The forward values of one point, as the diagram prints them at its nodes.
public struct DiagramSample: Sendable, Equatable {
  /// One hidden unit's values at the point.
  public struct Unit: Sendable, Equatable {
    /// The pre-activation `a = b + sum(w_i * in_i)` (before normalisation).
    public var a: Double
    /// The batch-normalised pre-activation, or nil without batch normalisation.
    public var normalized: Double?
    /// The unit's output.
    public var z: Double
  }

  /// The point's index in the evaluated set.
  public var index: Int
  /// The point's coordinates.
  public var x1: Double
  public var x2: Double
  /// The point's class (0 or 1).
  public var y: Int
  /// The network's inputs at the point, in input order.
  public var inputs: [Double]
  /// The hidden layers' units, layer by layer.
  public var hidden: [[Unit]]
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
    inputs = trace.features.map { $0[index] }
    hidden = trace.hidden.map { layer in
      layer.a.indices.map { unit in
        Unit(a: layer.a[unit][index], normalized: layer.normalized?[unit][index], z: layer.z[unit][index])
      }
    }
    ay = trace.ay[index]
    yhat = trace.yhat[index]
    loss = trace.loss
    count = points.count
  }
}

extension DiagramSample {
  /// The values of point `index` in the last pass of `passes` over `points`, which holds no
  /// copy of every unit's values as a `ForwardTrace` would.
  ///
  /// - Precondition: `passes` ran over `points` and `index` is one of its indices.
  public init(passes: ForwardPasses, points: LabeledPoints, index: Int) {
    precondition(points.y.indices.contains(index), "sample index \(index) is not a point index")
    let shape = passes.shape
    self.index = index
    x1 = points.x1[index]
    x2 = points.x2[index]
    y = points.y[index]
    inputs = passes.inputs(ofPoint: index)
    hidden = (0..<shape.hidden.count).map { layer in
      (0..<shape.hidden[layer]).map { unit in
        let values = passes.unit(layer: layer, unit: unit, ofPoint: index)
        return Unit(a: values.a, normalized: values.normalized, z: values.z)
      }
    }
    (ay, yhat) = passes.output(ofPoint: index)
    loss = passes.loss
    count = points.count
  }
}
