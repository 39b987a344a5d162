/// Preallocated buffers for losses and gradients of one network shape, so that training
/// allocates nothing per iteration. Not shared between threads.
///
/// `base` holds a full forward pass over up to `capacity` points. Gradients are taken on
/// at most `batchCapacity` points: the numeric one re-evaluates the loss with one
/// parameter moved, recomputing only the unit it belongs to (into `trialUnit`) and the
/// layers after it (into `trial`); the analytic one propagates errors back through
/// `delta` and `upstream`.
final class Workspace {
  let shape: NetworkShape
  let options: NetworkOptions
  let capacity: Int
  let batchCapacity: Int
  let base: LayerBuffers
  let trial: LayerBuffers
  /// One unit's pre-activation, normalised pre-activation and output under trial parameters.
  let trialUnit: (pre: UnsafeMutablePointer<Double>, normalized: UnsafeMutablePointer<Double>, out: UnsafeMutablePointer<Double>)
  /// A layer's outputs with one unit's replaced by `trialUnit.out`.
  let substituted: UnsafeMutablePointer<UnsafePointer<Double>>
  /// Each point's log-likelihood, or squared deviations while normalising.
  let terms: UnsafeMutablePointer<Double>
  let scratch: UnsafeMutablePointer<Double>
  /// Parameters under evaluation.
  let trialParameters: UnsafeMutablePointer<Double>
  /// Per unit of the current layer, the loss's derivative by its pre-activation.
  let delta: [UnsafeMutablePointer<Double>]
  /// Per unit of the layer below, the loss's derivative by its output.
  let upstream: [UnsafeMutablePointer<Double>]
  private let storage: UnsafeMutablePointer<Double>

  /// A workspace for forward passes over up to `capacity` points and gradients over up to
  /// `batchCapacity` points (at most `capacity`; 1 for a workspace that only evaluates).
  init(shape: NetworkShape, options: NetworkOptions, capacity: Int, batchCapacity: Int? = nil) {
    self.shape = shape
    self.options = options
    let capacity = max(capacity, 1)
    let batchCapacity = max(min(batchCapacity ?? capacity, capacity), 1)
    self.capacity = capacity
    self.batchCapacity = batchCapacity
    base = LayerBuffers(shape: shape, batchNorm: options.batchNorm, capacity: capacity)
    trial = LayerBuffers(shape: shape, batchNorm: options.batchNorm, capacity: batchCapacity)
    // Buffers per unit of the widest layer: a gradient over a million points should not
    // hold them for sixteen units when the network has three.
    let width = max(shape.hidden.max() ?? 1, 1)
    let size = 2 * capacity + batchCapacity * (3 + 2 * width) + shape.parameterCount
    let storage = UnsafeMutablePointer<Double>.allocate(capacity: size)
    storage.initialize(repeating: 0, count: size)
    self.storage = storage
    var next = storage
    func take(_ count: Int) -> UnsafeMutablePointer<Double> {
      defer { next += count }
      return next
    }
    terms = take(capacity)
    scratch = take(capacity)
    trialUnit = (take(batchCapacity), take(batchCapacity), take(batchCapacity))
    delta = (0..<width).map { _ in take(batchCapacity) }
    upstream = (0..<width).map { _ in take(batchCapacity) }
    trialParameters = take(shape.parameterCount)
    substituted = .allocate(capacity: width)
    substituted.initialize(repeating: UnsafePointer(storage), count: width)
  }

  deinit {
    storage.deallocate()
    substituted.deallocate()
  }

  /// The inputs of layer `layer` in the base pass over `points`.
  @inline(__always)
  func baseInputs(_ layer: Int, _ points: PointBuffers) -> UnsafePointer<UnsafePointer<Double>> {
    layer == 0 ? points.features : UnsafePointer(base.outputs[layer - 1])
  }

  /// Computes unit `unit` of hidden layer `layer` from `inputs` into the given buffers and
  /// returns its batch statistics (identity without batch normalisation).
  @inline(__always)
  func hiddenUnit(
    layer: Int, unit: Int, parameters p: UnsafePointer<Double>,
    inputs: UnsafePointer<UnsafePointer<Double>>, count: Int,
    pre: UnsafeMutablePointer<Double>, normalized: UnsafeMutablePointer<Double>,
    out: UnsafeMutablePointer<Double>
  ) -> NetworkKernels.Normalization {
    let bias = shape.biasIndex(layer: layer, unit: unit)
    NetworkKernels.preActivation(
      bias: p[bias], weights: p + bias + 1, inputs: inputs,
      inputCount: shape.inputCount(ofLayer: layer), count: count, into: pre)
    guard options.batchNorm else {
      NetworkKernels.activate(options.activation, pre, count: count, into: out)
      return .init(mean: 0, standardDeviation: 1)
    }
    let normalization = NetworkKernels.normalize(pre, count: count, into: normalized, scratch: scratch)
    NetworkKernels.activate(options.activation, normalized, count: count, into: out)
    return normalization
  }

  /// Computes the output unit's pre-activation from `inputs` into `ay`.
  @inline(__always)
  func outputUnit(
    parameters p: UnsafePointer<Double>, inputs: UnsafePointer<UnsafePointer<Double>>, count: Int,
    into ay: UnsafeMutablePointer<Double>
  ) {
    let layer = shape.outputLayer
    let bias = shape.biasIndex(layer: layer, unit: 0)
    NetworkKernels.preActivation(
      bias: p[bias], weights: p + bias + 1, inputs: inputs,
      inputCount: shape.inputCount(ofLayer: layer), count: count, into: ay)
  }

  /// Runs layers `first...` into `buffers`, layer `first` reading `inputs`, and returns the
  /// mean loss of `points`' labels.
  @inline(__always)
  func forward(
    from first: Int, inputs: UnsafePointer<UnsafePointer<Double>>, parameters p: UnsafePointer<Double>,
    points: PointBuffers, into buffers: LayerBuffers
  ) -> Double {
    var inputs = inputs
    for layer in first..<shape.outputLayer {
      for unit in 0..<shape.width(ofLayer: layer) {
        buffers.normalizations[layer][unit] = hiddenUnit(
          layer: layer, unit: unit, parameters: p, inputs: inputs, count: points.count,
          pre: buffers.pre[layer][unit], normalized: buffers.normalized[layer][unit],
          out: buffers.out[layer][unit])
      }
      inputs = UnsafePointer(buffers.outputs[layer])
    }
    let ay = buffers.pre[shape.outputLayer][0]
    outputUnit(parameters: p, inputs: inputs, count: points.count, into: ay)
    return NetworkKernels.loss(outputs: ay, labels: points.labels, count: points.count, terms: terms)
  }

  /// The mean loss of `points` under parameters `p`, leaving the pass in `base`.
  @discardableResult
  func loss(parameters p: UnsafePointer<Double>, points: PointBuffers) -> Double {
    forward(from: 0, inputs: points.features, parameters: p, points: points, into: base)
  }

  /// The share of `points` whose prediction `yhat > 0.5` equals the label.
  func accuracy(parameters p: UnsafePointer<Double>, points: PointBuffers) -> Double {
    loss(parameters: p, points: points)
    return accuracyOfLastPass(points: points)
  }

  /// The accuracy of the pass `loss(parameters:points:)` just left in `base` for `points`.
  func accuracyOfLastPass(points: PointBuffers) -> Double {
    let ay = base.pre[shape.outputLayer][0]
    var correct = 0
    for i in 0..<points.count where NetworkKernels.predictedClass(ay[i]) == points.labels[i] {
      correct += 1
    }
    return Double(correct) / Double(points.count)
  }
}
