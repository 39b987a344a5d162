/// Owned buffers for every unit of a network over up to `capacity` points: each unit's
/// pre-activation, normalised pre-activation (hidden layers with batch normalisation) and
/// output (hidden layers), and for each hidden layer a table of its outputs, which is the
/// next layer's inputs.
final class LayerBuffers {
  let capacity: Int
  /// `pre[l][j]`: the pre-activation of unit `j` of layer `l`.
  let pre: [[UnsafeMutablePointer<Double>]]
  /// `normalized[l][j]`: the batch-normalised pre-activation; the same buffer as
  /// `pre[l][j]` without batch normalisation or in the output layer.
  let normalized: [[UnsafeMutablePointer<Double>]]
  /// `out[l][j]`: the activation of hidden unit `j` of layer `l` (none in the output layer).
  let out: [[UnsafeMutablePointer<Double>]]
  /// `outputs[l]`: a table of layer `l`'s outputs, to read as the inputs of layer `l + 1`.
  let outputs: [UnsafeMutablePointer<UnsafePointer<Double>>]
  /// `normalizations[l][j]`: unit `j`'s batch statistics from the last forward pass.
  let normalizations: [UnsafeMutablePointer<NetworkKernels.Normalization>]
  private let storage: UnsafeMutablePointer<Double>

  init(shape: NetworkShape, batchNorm: Bool, capacity: Int) {
    let capacity = max(capacity, 1)
    self.capacity = capacity
    let hidden = shape.hidden.reduce(0, +)
    let size = capacity * (hidden * (batchNorm ? 3 : 2) + 1)
    let storage = UnsafeMutablePointer<Double>.allocate(capacity: size)
    storage.initialize(repeating: 0, count: size)
    self.storage = storage
    var next = storage
    func take() -> UnsafeMutablePointer<Double> {
      defer { next += capacity }
      return next
    }
    var pre: [[UnsafeMutablePointer<Double>]] = []
    var normalized: [[UnsafeMutablePointer<Double>]] = []
    var out: [[UnsafeMutablePointer<Double>]] = []
    var outputs: [UnsafeMutablePointer<UnsafePointer<Double>>] = []
    var normalizations: [UnsafeMutablePointer<NetworkKernels.Normalization>] = []
    for layer in 0..<shape.layerCount {
      let width = shape.width(ofLayer: layer)
      let isHidden = layer < shape.outputLayer
      let layerPre = (0..<width).map { _ in take() }
      pre.append(layerPre)
      normalized.append(isHidden && batchNorm ? (0..<width).map { _ in take() } : layerPre)
      let layerOut = isHidden ? (0..<width).map { _ in take() } : []
      out.append(layerOut)
      let table = UnsafeMutablePointer<UnsafePointer<Double>>.allocate(capacity: max(layerOut.count, 1))
      for (j, buffer) in layerOut.enumerated() { (table + j).initialize(to: UnsafePointer(buffer)) }
      outputs.append(table)
      let statistics = UnsafeMutablePointer<NetworkKernels.Normalization>.allocate(capacity: width)
      statistics.initialize(repeating: .init(mean: 0, standardDeviation: 1), count: width)
      normalizations.append(statistics)
    }
    self.pre = pre
    self.normalized = normalized
    self.out = out
    self.outputs = outputs
    self.normalizations = normalizations
  }

  deinit {
    storage.deallocate()
    outputs.forEach { $0.deallocate() }
    normalizations.forEach { $0.deallocate() }
  }
}
