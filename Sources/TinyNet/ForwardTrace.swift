/// Every intermediate value of one forward pass over a set of points, as the notebook's
/// `forward` returns them, for a network of any shape.
public struct ForwardTrace: Sendable, Equatable {
  /// One hidden layer's values: per unit, one value per point.
  public struct Layer: Sendable, Equatable {
    /// Each unit's pre-activation `a = b + sum(w_i * in_i)`.
    public var a: [[Double]]
    /// Each unit's batch-normalised pre-activation, or nil without batch normalisation.
    public var normalized: [[Double]]?
    /// Each unit's output `z = activation(a)`.
    public var z: [[Double]]
  }

  /// The features, per feature one value per point.
  public var features: [[Double]]
  /// The hidden layers, first to last.
  public var hidden: [Layer]
  /// The output unit's input.
  public var ay: [Double]
  /// The predicted probability of class 1.
  public var yhat: [Double]
  /// The predicted class, `yhat > 0.5`.
  public var ypred: [Int]
  /// The mean cross-entropy (infinite if the model is certain and wrong somewhere).
  public var loss: Double

  /// Runs the network on `points`; with batch normalisation each unit is normalised over
  /// `points` themselves, as in the notebook.
  public init(points: LabeledPoints, parameters: Parameters, options: NetworkOptions) {
    let shape = parameters.shape
    let store = PointStore(points, features: shape.features)
    let workspace = Workspace(shape: shape, options: options, capacity: points.count, batchCapacity: 1)
    let n = points.count
    func copy(_ buffer: UnsafePointer<Double>) -> [Double] { Array(UnsafeBufferPointer(start: buffer, count: n)) }
    loss = parameters.values.withUnsafeBufferPointer {
      workspace.loss(parameters: $0.baseAddress!, points: store.buffers)
    }
    let buffers = workspace.base
    features = (0..<shape.features.count).map { copy(store.buffers.features[$0]) }
    hidden = (0..<shape.outputLayer).map { layer in
      Layer(
        a: buffers.pre[layer].map { copy($0) },
        normalized: options.batchNorm ? buffers.normalized[layer].map { copy($0) } : nil,
        z: buffers.out[layer].map { copy($0) })
    }
    ay = copy(buffers.pre[shape.outputLayer][0])
    yhat = ay.map(NetworkKernels.sigmoid)
    ypred = yhat.map { $0 > 0.5 ? 1 : 0 }
  }
}
