/// Forward passes of one network shape over one set of points, one after another: the
/// points' features are computed once and every pass reuses one workspace, so a pass over a
/// million points copies nothing and allocates nothing.
///
/// For what a report computes from a whole set (a loss at every checkpoint, each hidden
/// unit's spread, the predictions, one point's values for a diagram): a `ForwardTrace`
/// would copy every value of every unit. With batch normalisation each pass normalises over
/// these points, as `ForwardTrace` does. Not for use from several threads.
public final class ForwardPasses {
  public let shape: NetworkShape
  /// The mean loss of the points in the last pass (infinite if a prediction is certain and
  /// wrong); NaN before the first.
  public private(set) var loss = Double.nan
  private let options: NetworkOptions
  private let store: PointStore
  private let workspace: Workspace

  /// Passes of networks of `shape` over `points`.
  public init(points: LabeledPoints, shape: NetworkShape, options: NetworkOptions) {
    self.shape = shape
    self.options = options
    store = PointStore(points, features: shape.features)
    workspace = Workspace(shape: shape, options: options, capacity: points.count, batchCapacity: 1)
  }

  /// Runs the network at `parameters` (of this shape) and returns the mean loss.
  @discardableResult
  public func run(_ parameters: Parameters) -> Double {
    precondition(parameters.shape == shape, "parameters of another shape")
    loss = parameters.values.withUnsafeBufferPointer { values in
      // A shape has at least one parameter, its output unit's bias.
      workspace.loss(parameters: values.baseAddress!, points: store.buffers)
    }
    return loss
  }

  /// Calls `body` with the outputs of hidden unit `unit` of layer `layer` (both from 0) in
  /// the last pass, one per point; the buffer is valid only inside `body`.
  public func withHiddenOutputs<Result>(
    layer: Int, unit: Int, _ body: (UnsafeBufferPointer<Double>) throws -> Result
  ) rethrows -> Result {
    try body(UnsafeBufferPointer(start: workspace.base.out[layer][unit], count: store.count))
  }

  /// The class each point's prediction `yhat > 0.5` gives in the last pass.
  public var predictedClasses: [Int] {
    let ay = workspace.base.pre[shape.outputLayer][0]
    return (0..<store.count).map { NetworkKernels.predictedClass(ay[$0]) }
  }

  /// The hidden units whose output is exactly 0 for every point in the last pass, as
  /// `(layer, unit)` from 0: with ReLU, units that no point activates, so no gradient
  /// reaches their weights.
  public var deadUnits: [(layer: Int, unit: Int)] {
    (0..<shape.hidden.count).flatMap { layer in
      (0..<shape.hidden[layer]).filter { unit in
        withHiddenOutputs(layer: layer, unit: unit) { $0.allSatisfy { $0 == 0 } }
      }.map { (layer, $0) }
    }
  }

  /// The network's inputs at point `index` (its features, in input order).
  public func inputs(ofPoint index: Int) -> [Double] {
    (0..<shape.features.count).map { store.buffers.features[$0][index] }
  }

  /// Hidden unit `unit` of layer `layer` at point `index` in the last pass: its
  /// pre-activation, its batch-normalised pre-activation (nil without batch
  /// normalisation) and its output.
  public func unit(layer: Int, unit: Int, ofPoint index: Int) -> (a: Double, normalized: Double?, z: Double) {
    let buffers = workspace.base
    return (
      buffers.pre[layer][unit][index], options.batchNorm ? buffers.normalized[layer][unit][index] : nil,
      buffers.out[layer][unit][index]
    )
  }

  /// The output unit's input `ay` and the predicted probability `yhat = sigmoid(ay)` at
  /// point `index` in the last pass.
  public func output(ofPoint index: Int) -> (ay: Double, yhat: Double) {
    let ay = workspace.base.pre[shape.outputLayer][0][index]
    return (ay, NetworkKernels.sigmoid(ay))
  }
}
