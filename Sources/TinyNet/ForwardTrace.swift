/// Every intermediate value of one forward pass over a set of points, as the notebook's
/// `forward` returns them.
public struct ForwardTrace: Sendable, Equatable {
  /// Each hidden unit's pre-activation `b1j + w1j*x1 + w2j*x2` (three arrays).
  public var a: [[Double]]
  /// Each unit's batch-normalised pre-activation, or nil without batch normalisation.
  public var normalized: [[Double]]?
  /// Each hidden unit's output `z_j = activation(a_j)` (three arrays).
  public var z: [[Double]]
  /// The output unit's input.
  public var ay: [Double]
  /// The predicted probability of class 1.
  public var yhat: [Double]
  /// The predicted class, `yhat > 0.5`.
  public var ypred: [Int]
  /// The mean binary cross-entropy (NaN or infinite if the model saturates wrongly).
  public var loss: Double

  /// Runs the network on `points`; with batch normalisation each unit is normalised over
  /// `points` themselves, as in the notebook.
  public init(points: LabeledPoints, parameters: Parameters, options: NetworkOptions) {
    let store = PointStore(points)
    let workspace = Workspace(capacity: points.count, options: options)
    let n = points.count
    func copy(_ buffer: UnsafeMutablePointer<Double>) -> [Double] {
      Array(UnsafeBufferPointer(start: buffer, count: n))
    }
    (a, normalized, z, ay, yhat, ypred, loss) = parameters.values.withUnsafeBufferPointer { p in
      let p = p.baseAddress!
      let loss = workspace.loss(parameters: p, points: store.buffers)
      let ay = (0..<n).map {
        NetworkKernels.outputInput($0, parameters: p, workspace.z[0], workspace.z[1], workspace.z[2])
      }
      let yhat = ay.map(NetworkKernels.sigmoid)
      return (
        workspace.pre.map(copy),
        options.batchNorm ? workspace.normalized.map(copy) : nil,
        workspace.z.map(copy),
        ay, yhat, yhat.map { $0 > 0.5 ? 1 : 0 }, loss
      )
    }
  }
}
