extension Parameters {
  /// The gradient of the objective (the mean loss of `points`, plus `regularization`'s
  /// penalty) at these parameters.
  ///
  /// `.numeric` is the notebook's central difference (`h = 1e-7`), `.analytic`
  /// backpropagation; they agree to about 1e-7 relative where ReLU has no kink nearby.
  public func lossGradient(
    on points: LabeledPoints, options: NetworkOptions, method: GradientMethod,
    regularization: Regularization = .none
  ) -> Parameters {
    let store = PointStore(points, features: shape.features)
    let workspace = Workspace(shape: shape, options: options, capacity: points.count)
    var gradient = [Double](repeating: 0, count: shape.parameterCount)
    values.withUnsafeBufferPointer { p in
      gradient.withUnsafeMutableBufferPointer { g in
        switch method {
        case .numeric:
          workspace.numericGradient(
            parameters: p.baseAddress!, batch: store.buffers, h: Trainer.centralDifferenceStep,
            regularization: regularization, into: g.baseAddress!)
        case .analytic:
          workspace.analyticGradient(
            parameters: p.baseAddress!, batch: store.buffers, regularization: regularization,
            into: g.baseAddress!)
        }
      }
    }
    return Parameters(shape: shape, values: gradient)
  }

  /// The mean loss of `points` at these parameters (infinite if a prediction is certain
  /// and wrong).
  public func loss(on points: LabeledPoints, options: NetworkOptions) -> Double {
    let store = PointStore(points, features: shape.features)
    let workspace = Workspace(shape: shape, options: options, capacity: points.count, batchCapacity: 1)
    return values.withUnsafeBufferPointer { workspace.loss(parameters: $0.baseAddress!, points: store.buffers) }
  }
}
