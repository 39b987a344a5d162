extension Parameters {
  /// The gradient of the mean loss of `points` at these parameters.
  ///
  /// `.numeric` is the notebook's central difference (`h = 1e-7`), `.analytic`
  /// backpropagation; they agree to about 1e-7 relative where ReLU has no kink nearby.
  public func lossGradient(
    on points: LabeledPoints, options: NetworkOptions, method: GradientMethod
  ) -> Parameters {
    let store = PointStore(points)
    let workspace = Workspace(capacity: points.count, options: options)
    var gradient = [Double](repeating: 0, count: Parameters.count)
    values.withUnsafeBufferPointer { p in
      gradient.withUnsafeMutableBufferPointer { g in
        switch method {
        case .numeric:
          workspace.numericGradient(
            parameters: p.baseAddress!, batch: store.buffers, h: Trainer.centralDifferenceStep,
            into: g.baseAddress!)
        case .analytic:
          workspace.analyticGradient(
            parameters: p.baseAddress!, batch: store.buffers, into: g.baseAddress!)
        }
      }
    }
    return Parameters(values: gradient)
  }
}
