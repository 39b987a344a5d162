/// Preallocated buffers for losses and gradients, so that training allocates nothing per
/// iteration.
///
/// A workspace holds, for each hidden unit, its pre-activation, normalised pre-activation
/// and output over up to `capacity` points, and a trial copy used while one unit's
/// parameters are perturbed. It is not shared between threads.
final class Workspace {
  let capacity: Int
  let options: NetworkOptions
  private let storage: UnsafeMutablePointer<Double>
  /// Pre-activations of units 0, 1, 2.
  let pre: [UnsafeMutablePointer<Double>]
  /// Normalised pre-activations (batch normalisation only).
  let normalized: [UnsafeMutablePointer<Double>]
  /// Hidden outputs of units 0, 1, 2.
  let z: [UnsafeMutablePointer<Double>]
  let trialPre: UnsafeMutablePointer<Double>
  let trialNormalized: UnsafeMutablePointer<Double>
  let trialZ: UnsafeMutablePointer<Double>
  let terms: UnsafeMutablePointer<Double>
  let scratch: UnsafeMutablePointer<Double>
  /// Parameters under evaluation (13 values).
  let trialParameters: UnsafeMutablePointer<Double>
  /// Each unit's batch statistics from the last `forwardHidden` with batch normalisation.
  private(set) var normalizations = [NetworkKernels.Normalization](
    repeating: .init(mean: 0, standardDeviation: 1), count: 3)

  init(capacity: Int, options: NetworkOptions) {
    self.capacity = max(capacity, 1)
    self.options = options
    let buffers = 13
    storage = .allocate(capacity: self.capacity * buffers + Parameters.count)
    storage.initialize(repeating: 0, count: self.capacity * buffers + Parameters.count)
    let slice = { [capacity = self.capacity, storage] (k: Int) in storage + k * capacity }
    pre = (0..<3).map { slice($0) }
    normalized = (3..<6).map { slice($0) }
    z = (6..<9).map { slice($0) }
    trialPre = slice(9)
    trialNormalized = slice(10)
    trialZ = slice(11)
    terms = slice(12)
    scratch = slice(12)  // terms and squared deviations are never needed at once
    trialParameters = storage + self.capacity * buffers
  }

  deinit { storage.deallocate() }

  /// Computes one hidden unit's pre-activation and output into the given buffers.
  @inline(__always)
  private func hiddenUnit(
    _ unit: Int, parameters p: UnsafePointer<Double>, points: PointBuffers,
    pre: UnsafeMutablePointer<Double>, normalized: UnsafeMutablePointer<Double>,
    z: UnsafeMutablePointer<Double>
  ) -> NetworkKernels.Normalization? {
    NetworkKernels.preActivation(
      unit: unit, parameters: p, x1: points.x1, x2: points.x2, count: points.count, into: pre)
    guard options.batchNorm else {
      NetworkKernels.activate(options.activation, pre, count: points.count, into: z)
      return nil
    }
    let normalization = NetworkKernels.normalize(
      pre, count: points.count, into: normalized, scratch: scratch)
    NetworkKernels.activate(options.activation, normalized, count: points.count, into: z)
    return normalization
  }

  /// Runs the hidden layer for all three units into `pre`, `normalized` and `z`.
  func forwardHidden(parameters p: UnsafePointer<Double>, points: PointBuffers) {
    for unit in 0..<3 {
      if let n = hiddenUnit(
        unit, parameters: p, points: points, pre: pre[unit], normalized: normalized[unit],
        z: z[unit])
      {
        normalizations[unit] = n
      }
    }
  }

  /// The mean loss of `points` under parameters `p`.
  func loss(parameters p: UnsafePointer<Double>, points: PointBuffers) -> Double {
    forwardHidden(parameters: p, points: points)
    return NetworkKernels.loss(
      parameters: p, z[0], z[1], z[2], labels: points.labels, count: points.count, terms: terms)
  }

  /// The notebook's central-difference gradient of the loss on `batch`, into `gradient`.
  ///
  /// Each parameter is moved by `-h` and `+h` in turn. Only the hidden unit that a
  /// parameter feeds is recomputed; the other units' outputs are reused, which performs the
  /// same floating-point operations as a full forward pass and so gives the same bits.
  func numericGradient(
    parameters p: UnsafePointer<Double>, batch: PointBuffers, h: Double,
    into gradient: UnsafeMutablePointer<Double>
  ) {
    forwardHidden(parameters: p, points: batch)
    let q = trialParameters
    q.update(from: p, count: Parameters.count)
    for k in 0..<Parameters.count {
      let unit = Self.hiddenUnitFed(byParameter: k)
      q[k] = p[k] - h
      let lossBelow = batchLoss(q, replacing: unit, batch: batch)
      q[k] = p[k] + h
      let lossAbove = batchLoss(q, replacing: unit, batch: batch)
      q[k] = p[k]
      gradient[k] = (lossAbove - lossBelow) / (2 * h)
    }
  }

  /// The batch loss under `q`, recomputing hidden unit `unit` (if any) into the trial buffers.
  @inline(__always)
  private func batchLoss(_ q: UnsafePointer<Double>, replacing unit: Int?, batch: PointBuffers)
    -> Double
  {
    var zs = (z[0], z[1], z[2])
    if let unit {
      _ = hiddenUnit(
        unit, parameters: q, points: batch, pre: trialPre, normalized: trialNormalized,
        z: trialZ)
      switch unit {
      case 0: zs.0 = trialZ
      case 1: zs.1 = trialZ
      default: zs.2 = trialZ
      }
    }
    return NetworkKernels.loss(
      parameters: q, zs.0, zs.1, zs.2, labels: batch.labels, count: batch.count, terms: terms)
  }

  /// The hidden unit whose output parameter `k` changes, or nil for output parameters.
  @inline(__always)
  static func hiddenUnitFed(byParameter k: Int) -> Int? {
    switch k {
    case 0...2: k
    case 4...9: (k - 4) % 3
    default: nil
    }
  }

  /// The exact gradient of the loss on `batch` by backpropagation, into `gradient`.
  ///
  /// With batch normalisation the gradient flows through the batch mean and standard
  /// deviation, so the hidden biases' gradients are zero up to rounding.
  func analyticGradient(
    parameters p: UnsafePointer<Double>, batch: PointBuffers,
    into gradient: UnsafeMutablePointer<Double>
  ) {
    forwardHidden(parameters: p, points: batch)
    let m = batch.count
    let outputError = terms  // dL/day per point
    var outputBias = 0.0
    var toOutput = (0.0, 0.0, 0.0)
    for i in 0..<m {
      let yhat = NetworkKernels.sigmoid(NetworkKernels.outputInput(i, parameters: p, z[0], z[1], z[2]))
      let error = (yhat - Double(batch.labels[i])) / Double(m)
      outputError[i] = error
      outputBias += error
      toOutput.0 += error * z[0][i]
      toOutput.1 += error * z[1][i]
      toOutput.2 += error * z[2][i]
    }
    gradient[3] = outputBias
    gradient[10] = toOutput.0
    gradient[11] = toOutput.1
    gradient[12] = toOutput.2
    for unit in 0..<3 {
      let input = options.batchNorm ? UnsafePointer(normalized[unit]) : UnsafePointer(pre[unit])
      let delta = trialPre  // dL/d(input of the activation), then dL/da
      var meanDelta = 0.0, meanDeltaInput = 0.0
      for i in 0..<m {
        let d = outputError[i] * p[10 + unit]
          * options.activation.derivative(a: input[i], z: z[unit][i])
        delta[i] = d
        meanDelta += d
        meanDeltaInput += d * input[i]
      }
      if options.batchNorm {
        meanDelta /= Double(m)
        meanDeltaInput /= Double(m)
        let std = normalizations[unit].standardDeviation
        for i in 0..<m { delta[i] = (delta[i] - meanDelta - input[i] * meanDeltaInput) / std }
      }
      var bias = 0.0, fromX1 = 0.0, fromX2 = 0.0
      for i in 0..<m {
        bias += delta[i]
        fromX1 += delta[i] * batch.x1[i]
        fromX2 += delta[i] * batch.x2[i]
      }
      gradient[unit] = bias
      gradient[4 + unit] = fromX1
      gradient[7 + unit] = fromX2
    }
  }
}

/// Raw views of a run of labelled points.
struct PointBuffers {
  var x1: UnsafePointer<Double>
  var x2: UnsafePointer<Double>
  var labels: UnsafePointer<Int>
  var count: Int
}
