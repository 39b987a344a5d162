extension Workspace {
  /// The central-difference gradient of the objective on `batch`, into `gradient`.
  ///
  /// Each parameter is moved by `-h` and `+h` in turn, as the notebook's `get_gradient`
  /// does. Only the unit a parameter belongs to and the layers after it are recomputed;
  /// everything before is reused from one base pass, which performs the same
  /// floating-point operations as a full forward pass and so gives the same bits.
  ///
  /// With `lanes` above 1, only the parameters `k` with `k % lanes == lane` are computed, so
  /// that several workspaces can share one gradient, each on its own thread.
  func numericGradient(
    parameters p: UnsafePointer<Double>, batch: PointBuffers, h: Double,
    regularization: Regularization, into gradient: UnsafeMutablePointer<Double>, lane: Int = 0, lanes: Int = 1
  ) {
    loss(parameters: p, points: batch)
    let q = trialParameters
    q.update(from: p, count: shape.parameterCount)
    for k in stride(from: lane, to: shape.parameterCount, by: lanes) {
      let role = shape.roles[k]
      q[k] = p[k] - h
      let below = regularization.objective(loss: trialLoss(q, moving: role, batch: batch), parameters: q, shape: shape)
      q[k] = p[k] + h
      let above = regularization.objective(loss: trialLoss(q, moving: role, batch: batch), parameters: q, shape: shape)
      q[k] = p[k]
      gradient[k] = (above - below) / (2 * h)
    }
  }

  /// The batch loss under `q`, which differs from the base pass's parameters only in the
  /// parameter at `role`.
  @inline(__always)
  private func trialLoss(_ q: UnsafePointer<Double>, moving role: ParameterRole, batch: PointBuffers) -> Double {
    let layer = role.layer
    let inputs = baseInputs(layer, batch)
    guard layer < shape.outputLayer else {
      outputUnit(parameters: q, inputs: inputs, count: batch.count, into: trialUnit.pre)
      return NetworkKernels.loss(outputs: trialUnit.pre, labels: batch.labels, count: batch.count, terms: terms)
    }
    _ = hiddenUnit(
      layer: layer, unit: role.unit, parameters: q, inputs: inputs, count: batch.count,
      pre: trialUnit.pre, normalized: trialUnit.normalized, out: trialUnit.out)
    substituted.update(from: base.outputs[layer], count: shape.width(ofLayer: layer))
    substituted[role.unit] = UnsafePointer(trialUnit.out)
    return forward(from: layer + 1, inputs: substituted, parameters: q, points: batch, into: trial)
  }

  /// The exact gradient of the objective on `batch` by backpropagation, into `gradient`.
  ///
  /// With batch normalisation the error flows through each unit's batch mean and standard
  /// deviation, so the biases of normalised units get gradients of zero up to rounding.
  func analyticGradient(
    parameters p: UnsafePointer<Double>, batch: PointBuffers, regularization: Regularization,
    into gradient: UnsafeMutablePointer<Double>
  ) {
    loss(parameters: p, points: batch)
    let m = batch.count
    let ay = base.pre[shape.outputLayer][0]
    for k in 0..<m {
      delta[0][k] = (NetworkKernels.sigmoid(ay[k]) - Double(batch.labels[k])) / Double(m)
    }
    for layer in stride(from: shape.outputLayer, through: 0, by: -1) {
      let width = shape.width(ofLayer: layer)
      let inputCount = shape.inputCount(ofLayer: layer)
      let inputs = baseInputs(layer, batch)
      for unit in 0..<width {
        let bias = shape.biasIndex(layer: layer, unit: unit)
        let d = delta[unit]
        var sum = 0.0
        for k in 0..<m { sum += d[k] }
        gradient[bias] = sum
        for i in 0..<inputCount {
          let input = inputs[i]
          var weighted = 0.0
          for k in 0..<m { weighted += d[k] * input[k] }
          gradient[bias + 1 + i] = weighted + regularization.derivative(p[bias + 1 + i])
        }
      }
      guard layer > 0 else { break }
      for i in 0..<inputCount {
        let up = upstream[i]
        up.update(repeating: 0, count: m)
        for unit in 0..<width {
          let w = p[shape.biasIndex(layer: layer, unit: unit) + 1 + i]
          let d = delta[unit]
          for k in 0..<m { up[k] += d[k] * w }
        }
      }
      backThroughActivation(layer: layer - 1, count: m)
    }
  }

  /// Turns `upstream` (the loss's derivative by each output of hidden layer `layer`) into
  /// `delta` (its derivative by each unit's pre-activation), through the activation and,
  /// if on, batch normalisation.
  @inline(__always)
  private func backThroughActivation(layer: Int, count m: Int) {
    for unit in 0..<shape.width(ofLayer: layer) {
      let input = UnsafePointer(base.normalized[layer][unit])
      let z = base.out[layer][unit]
      let up = upstream[unit]
      let d = delta[unit]
      var meanDelta = 0.0, meanDeltaInput = 0.0
      for k in 0..<m {
        d[k] = up[k] * options.activation.derivative(a: input[k], z: z[k])
        meanDelta += d[k]
        meanDeltaInput += d[k] * input[k]
      }
      guard options.batchNorm else { continue }
      meanDelta /= Double(m)
      meanDeltaInput /= Double(m)
      let std = base.normalizations[layer][unit].standardDeviation
      for k in 0..<m { d[k] = (d[k] - meanDelta - input[k] * meanDeltaInput) / std }
    }
  }
}
