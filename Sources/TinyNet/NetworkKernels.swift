import Foundation

/// The forward pass over a run of points, written as loops over raw buffers.
///
/// Every expression keeps numpy's order of operations so that results are bit-identical
/// to the notebook's: `a = (b1j + w1j*x1) + w2j*x2`, batch normalisation as
/// `(a - mean) / std` with numpy's pairwise sums, `ay = ((b21 + w31*z1) + w32*z2) + w33*z3`,
/// and the loss `-mean(y*log(yhat) + (1-y)*log(1-yhat))`, NaN where numpy gives NaN.
enum NetworkKernels {
  /// The mean and population standard deviation used to normalise one hidden unit.
  struct Normalization {
    var mean: Double
    var standardDeviation: Double
  }

  /// Writes hidden unit `unit`'s pre-activation `a = (b + w1*x1) + w2*x2` to `a`.
  @inline(__always)
  static func preActivation(
    unit: Int, parameters p: UnsafePointer<Double>,
    x1: UnsafePointer<Double>, x2: UnsafePointer<Double>, count: Int,
    into a: UnsafeMutablePointer<Double>
  ) {
    for i in 0..<count { a[i] = preActivation(unit: unit, parameters: p, x1[i], x2[i]) }
  }

  /// Hidden unit `unit`'s pre-activation at one point.
  @inline(__always)
  static func preActivation(
    unit: Int, parameters p: UnsafePointer<Double>, _ x1: Double, _ x2: Double
  ) -> Double {
    (p[unit] + p[4 + unit] * x1) + p[7 + unit] * x2
  }

  /// Writes `(a - mean) / std` to `normalized`, with numpy's mean and `std()`.
  /// `scratch` receives squared deviations.
  @inline(__always)
  @discardableResult
  static func normalize(
    _ a: UnsafePointer<Double>, count: Int,
    into normalized: UnsafeMutablePointer<Double>, scratch: UnsafeMutablePointer<Double>
  ) -> Normalization {
    let n = Double(count)
    let mean = pairwiseSum(a, count) / n
    for i in 0..<count {
      let deviation = a[i] - mean
      normalized[i] = deviation
      scratch[i] = deviation * deviation
    }
    let standardDeviation = (pairwiseSum(scratch, count) / n).squareRoot()
    for i in 0..<count { normalized[i] = normalized[i] / standardDeviation }
    return Normalization(mean: mean, standardDeviation: standardDeviation)
  }

  /// Writes `activation(input)` to `z`.
  @inline(__always)
  static func activate(
    _ activation: Activation, _ input: UnsafePointer<Double>, count: Int,
    into z: UnsafeMutablePointer<Double>
  ) {
    switch activation {
    case .relu: for i in 0..<count { z[i] = Activation.relu(input[i]) }
    case .tanh: for i in 0..<count { z[i] = Activation.tanh(input[i]) }
    case .sigmoid: for i in 0..<count { z[i] = Activation.sigmoid(input[i]) }
    }
  }

  /// The output unit's input `ay = ((b21 + w31*z1) + w32*z2) + w33*z3` for point `i`.
  @inline(__always)
  static func outputInput(
    _ i: Int, parameters p: UnsafePointer<Double>,
    _ z1: UnsafePointer<Double>, _ z2: UnsafePointer<Double>, _ z3: UnsafePointer<Double>
  ) -> Double {
    outputInput(parameters: p, z1[i], z2[i], z3[i])
  }

  /// The output unit's input for one point's hidden outputs.
  @inline(__always)
  static func outputInput(
    parameters p: UnsafePointer<Double>, _ z1: Double, _ z2: Double, _ z3: Double
  ) -> Double {
    ((p[3] + p[10] * z1) + p[11] * z2) + p[12] * z3
  }

  /// The sigmoid output `1 / (1 + exp(-ay))`.
  @inline(__always)
  static func sigmoid(_ ay: Double) -> Double { Activation.sigmoid(ay) }

  /// One point's `y*log(yhat) + (1-y)*log(1-yhat)`, exactly as numpy evaluates it.
  ///
  /// The term that numpy multiplies by zero contributes `±0`, or NaN when its logarithm is
  /// infinite (`0 * -inf`); only one logarithm needs computing.
  @inline(__always)
  static func logLikelihood(label: Int, yhat: Double) -> Double {
    if label == 1 { return yhat == 1 ? .nan : log(yhat) }
    return yhat == 0 ? .nan : log(1 - yhat)
  }

  /// The mean binary cross-entropy of points whose hidden outputs are `z1`, `z2`, `z3`.
  /// `terms` receives each point's log-likelihood.
  @inline(__always)
  static func loss(
    parameters p: UnsafePointer<Double>,
    _ z1: UnsafePointer<Double>, _ z2: UnsafePointer<Double>, _ z3: UnsafePointer<Double>,
    labels: UnsafePointer<Int>, count: Int, terms: UnsafeMutablePointer<Double>
  ) -> Double {
    for i in 0..<count {
      let yhat = sigmoid(outputInput(i, parameters: p, z1, z2, z3))
      terms[i] = logLikelihood(label: labels[i], yhat: yhat)
    }
    return -(pairwiseSum(terms, count) / Double(count))
  }
}
