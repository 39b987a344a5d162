/// A trained network as a function of one point, for drawing decision boundaries.
///
/// With batch normalisation the notebook normalised its plotting grid by the grid's own
/// statistics, so its boundary moved with the plot window. A classifier instead freezes
/// each hidden unit's mean and standard deviation over the training set.
public struct Classifier: Sendable {
  public let parameters: Parameters
  public let options: NetworkOptions
  /// Per hidden unit, in layer order: the training set's mean and standard deviation.
  private let normalization: [NetworkKernels.Normalization]

  /// A classifier with `parameters`, normalising (if at all) with `training`'s statistics.
  public init(parameters: Parameters, options: NetworkOptions, training: LabeledPoints) {
    self.parameters = parameters
    self.options = options
    let shape = parameters.shape
    guard options.batchNorm, training.count > 0 else {
      normalization = []
      return
    }
    let store = PointStore(training, features: shape.features)
    let workspace = Workspace(shape: shape, options: options, capacity: training.count, batchCapacity: 1)
    parameters.values.withUnsafeBufferPointer {
      _ = workspace.loss(parameters: $0.baseAddress!, points: store.buffers)
    }
    normalization = (0..<shape.outputLayer).flatMap { layer in
      (0..<shape.width(ofLayer: layer)).map { workspace.base.normalizations[layer][$0] }
    }
  }

  /// The predicted probability of class 1 at `(x1, x2)`. Allocates nothing on the heap.
  ///
  /// NaN only where the network's arithmetic overflows (an infinite sum of opposite signs),
  /// which finite parameters of the allowed size on points of the allowed range cannot reach.
  public func probability(_ x1: Double, _ x2: Double) -> Double {
    evaluate(x1, x2, until: nil)
  }

  /// The output `z` of hidden unit `unit` of layer `layer` (both from 0) at `(x1, x2)`,
  /// normalised like `probability(_:_:)`. Allocates nothing on the heap.
  public func unitOutput(_ x1: Double, _ x2: Double, layer: Int, unit: Int) -> Double {
    evaluate(x1, x2, until: (layer, unit))
  }

  /// Runs the network at one point up to `target`'s output, or to the probability.
  private func evaluate(_ x1: Double, _ x2: Double, until target: (layer: Int, unit: Int)?) -> Double {
    let shape = parameters.shape
    let width = NetworkShape.maximumWidth
    return withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * max(width, Feature.allCases.count)) {
      buffer in
      var input = buffer.baseAddress!
      var output = input + max(width, Feature.allCases.count)
      for (f, feature) in shape.features.enumerated() { input[f] = feature(x1, x2) }
      return parameters.values.withUnsafeBufferPointer { values in
        let p = values.baseAddress!
        var unitIndex = 0
        for layer in 0..<shape.layerCount {
          let inputs = shape.inputCount(ofLayer: layer)
          for unit in 0..<shape.width(ofLayer: layer) {
            let bias = shape.biasIndex(layer: layer, unit: unit)
            var a = p[bias]
            for i in 0..<inputs { a = a + p[bias + 1 + i] * input[i] }
            guard layer < shape.outputLayer else { return NetworkKernels.sigmoid(a) }
            if options.batchNorm {
              let statistics = normalization[unitIndex]
              a = (a - statistics.mean) / statistics.standardDeviation
            }
            output[unit] = options.activation(a)
            if let target, target.layer == layer, target.unit == unit { return output[unit] }
            unitIndex += 1
          }
          swap(&input, &output)
        }
        return .nan
      }
    }
  }
}
