import Foundation

/// The forward pass over a run of points, written as loops over raw buffers.
///
/// Every expression keeps numpy's order of operations so that results are bit-identical
/// to the oracle's: a unit's pre-activation starts at its bias and adds `w_i * in_i` input
/// by input (`a = b; a = a + w1*x1; a = a + w2*x2; ...`), batch normalisation is
/// `(a - mean) / std` with numpy's pairwise sums, and the loss is the mean of each point's
/// own class term, `-log(yhat)` or `-log(1 - yhat)`.
enum NetworkKernels {
  /// The mean and population standard deviation used to normalise one hidden unit.
  struct Normalization: Sendable, Equatable {
    var mean: Double
    var standardDeviation: Double
  }

  /// Writes a unit's pre-activation over `count` points to `a`: `bias`, then
  /// `a + weights[i] * inputs[i]` for each input in order.
  @inline(__always)
  static func preActivation(
    bias: Double, weights: UnsafePointer<Double>, inputs: UnsafePointer<UnsafePointer<Double>>,
    inputCount: Int, count: Int, into a: UnsafeMutablePointer<Double>
  ) {
    a.update(repeating: bias, count: count)
    for i in 0..<inputCount {
      let weight = weights[i]
      let input = inputs[i]
      for k in 0..<count { a[k] = a[k] + weight * input[k] }
    }
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
    case .linear: z.update(from: input, count: count)
    }
  }

  /// The sigmoid output `1 / (1 + exp(-ay))`.
  @inline(__always)
  static func sigmoid(_ ay: Double) -> Double { Activation.sigmoid(ay) }

  /// The class `sigmoid(ay) > 0.5` predicts, computing the sigmoid only near 0, where
  /// rounding decides (below about 1e-16 it rounds to exactly 0.5, class 0).
  @inline(__always)
  static func predictedClass(_ ay: Double) -> Int {
    if ay > 1e-6 { return 1 }
    if !(ay > 0) { return 0 }
    return sigmoid(ay) > 0.5 ? 1 : 0
  }

  /// One point's log-likelihood under its own class: `log(yhat)` for class 1,
  /// `log(1 - yhat)` for class 0.
  ///
  /// Where the notebook's `y*log(yhat) + (1-y)*log(1-yhat)` is finite this is the same
  /// number, bit for bit; where it is `0 * log(0)` (a saturated, certain and right
  /// prediction) this is 0 instead of NaN. A certain and wrong prediction is `-inf`.
  @inline(__always)
  static func logLikelihood(label: Int, yhat: Double) -> Double {
    label == 1 ? log(yhat) : log(1 - yhat)
  }

  /// The mean cross-entropy of points whose output pre-activations are `ay`; `terms`
  /// receives each point's log-likelihood.
  @inline(__always)
  static func loss(
    outputs ay: UnsafePointer<Double>, labels: UnsafePointer<Int>, count: Int,
    terms: UnsafeMutablePointer<Double>
  ) -> Double {
    for i in 0..<count { terms[i] = logLikelihood(label: labels[i], yhat: sigmoid(ay[i])) }
    return -(pairwiseSum(terms, count) / Double(count))
  }
}
