/// Forward passes of one network shape over one set of points, one after another: the
/// points' features are computed once and every pass reuses one workspace, so a pass over a
/// million points copies nothing and allocates nothing.
///
/// For what a report computes at every checkpoint of a run (the training loss, each hidden
/// unit's spread). With batch normalisation each pass normalises over these points, as
/// `ForwardTrace` does. Not for use from several threads.
public final class ForwardPasses {
  public let shape: NetworkShape
  private let store: PointStore
  private let workspace: Workspace

  /// Passes of networks of `shape` over `points`.
  public init(points: LabeledPoints, shape: NetworkShape, options: NetworkOptions) {
    self.shape = shape
    store = PointStore(points, features: shape.features)
    workspace = Workspace(shape: shape, options: options, capacity: points.count, batchCapacity: 1)
  }

  /// Runs the network at `parameters` (of this shape) and returns the mean loss of the
  /// points (infinite if a prediction is certain and wrong).
  @discardableResult
  public func run(_ parameters: Parameters) -> Double {
    precondition(parameters.shape == shape, "parameters of another shape")
    return parameters.values.withUnsafeBufferPointer { values in
      // A shape has at least one parameter, its output unit's bias.
      workspace.loss(parameters: values.baseAddress!, points: store.buffers)
    }
  }

  /// Calls `body` with the outputs of hidden unit `unit` of layer `layer` (both from 0) in
  /// the last pass, one per point; the buffer is valid only inside `body`.
  public func withHiddenOutputs<Result>(
    layer: Int, unit: Int, _ body: (UnsafeBufferPointer<Double>) throws -> Result
  ) rethrows -> Result {
    try body(UnsafeBufferPointer(start: workspace.base.out[layer][unit], count: store.count))
  }
}
