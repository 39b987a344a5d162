/// A trained network as a function of one point, for drawing decision boundaries.
///
/// With batch normalisation the notebook normalised its plotting grid by the grid's own
/// statistics, so its boundary moved with the plot window. A classifier instead freezes
/// each hidden unit's mean and standard deviation over the training set.
public struct Classifier: Sendable {
  public let parameters: Parameters
  public let options: NetworkOptions
  private let normalization: [(mean: Double, standardDeviation: Double)]

  /// A classifier with parameters `parameters`, normalising (if at all) with `training`'s
  /// statistics.
  public init(parameters: Parameters, options: NetworkOptions, training: LabeledPoints) {
    self.parameters = parameters
    self.options = options
    if options.batchNorm {
      let workspace = Workspace(capacity: training.count, options: options)
      let store = PointStore(training)
      parameters.values.withUnsafeBufferPointer {
        workspace.forwardHidden(parameters: $0.baseAddress!, points: store.buffers)
      }
      normalization = workspace.normalizations.map { ($0.mean, $0.standardDeviation) }
    } else {
      normalization = []
    }
  }

  /// The predicted probability of class 1 at `(x1, x2)`. Allocates nothing.
  public func probability(_ x1: Double, _ x2: Double) -> Double {
    parameters.values.withUnsafeBufferPointer { buffer in
      let p = buffer.baseAddress!
      func hidden(_ unit: Int) -> Double {
        var a = NetworkKernels.preActivation(unit: unit, parameters: p, x1, x2)
        if options.batchNorm {
          a = (a - normalization[unit].mean) / normalization[unit].standardDeviation
        }
        return options.activation(a)
      }
      return NetworkKernels.sigmoid(
        NetworkKernels.outputInput(parameters: p, hidden(0), hidden(1), hidden(2)))
    }
  }
}
