/// A model's predicted probability of class 1, sampled on the notebook's plotting grid.
///
/// The axes follow `np.arange(lower, upper, step)`: `ceil((upper - lower) / step)` values,
/// `lower`, `lower + step`, then `lower + i · ((lower + step) - lower)`, which is how numpy
/// fills them, bit for bit. `values` is row-major with x fastest, like the notebook's
/// `np.meshgrid`: `values[j * xs.count + i]` is the probability at `(xs[i], ys[j])`.
///
/// A grid that cannot be drawn (a step that is not positive and finite, bounds that are not
/// finite, more than `maximumCount` values along an axis) is kept empty and makes the figure
/// that draws it throw, with the reason.
public struct ProbabilityGrid: Sendable {
  /// The grid's x values, increasing.
  public var xs: [Double]
  /// The grid's y values, increasing.
  public var ys: [Double]
  /// The probabilities, row-major: `values[j * xs.count + i]` at `(xs[i], ys[j])`.
  public var values: [Double]
  /// Why the requested grid was left empty, if it was.
  private let problem: String?

  /// The most values a grid holds along one axis.
  public static let maximumCount = 4096

  /// Samples `probability(x, y)` once per grid point, row by row, into one flat array.
  ///
  /// No allocation happens per point: `probability` is called `xs.count · ys.count` times
  /// and writes straight into `values`.
  public init(
    x: ClosedRange<Double>, y: ClosedRange<Double>, step: Double,
    probability: (Double, Double) -> Double
  ) {
    let xAxis = Self.arange(x, step: step)
    let yAxis = Self.arange(y, step: step)
    guard let xs = xAxis.values, let ys = yAxis.values else {
      self.init(xs: [], ys: [], values: [], problem: xAxis.problem ?? yAxis.problem)
      return
    }
    let values = [Double](unsafeUninitializedCapacity: xs.count * ys.count) { buffer, count in
      for y in ys {
        for x in xs {
          buffer[count] = probability(x, y)
          count += 1
        }
      }
    }
    self.init(xs: xs, ys: ys, values: values, problem: nil)
  }

  private init(xs: [Double], ys: [Double], values: [Double], problem: String?) {
    self.xs = xs
    self.ys = ys
    self.values = values
    self.problem = problem
  }

  /// `np.arange(range.lowerBound, range.upperBound, step)`, or why it cannot be a grid axis.
  static func arange(_ range: ClosedRange<Double>, step: Double) -> (values: [Double]?, problem: String?) {
    let lower = range.lowerBound
    let upper = range.upperBound
    guard lower.isFinite, upper.isFinite, step.isFinite, step > 0 else {
      return (nil, "a grid needs finite bounds and a positive step, not \(lower)...\(upper) by \(step)")
    }
    let count = ((upper - lower) / step).rounded(.up)
    guard count <= Double(maximumCount) else {
      return (
        nil,
        "a grid over \(lower)...\(upper) by \(step) would have \(count) values along an axis; the most is \(maximumCount)"
      )
    }
    let delta = (lower + step) - lower
    let values = (0..<Int(count)).map { index in
      index == 1 ? lower + step : lower + Double(index) * delta
    }
    return (values, nil)
  }

  /// The same samples as a grid of any values.
  var valueGrid: ValueGrid { ValueGrid(xs: xs, ys: ys, values: values) }

  /// Checks that the grid can be contoured.
  /// - Throws: `ChartError` for an empty or one-row grid, axes that do not increase, a value
  ///   count that does not match the axes, or a value that is not a probability.
  func validate() throws(ChartError) {
    if let problem { throw ChartError(problem) }
    let grid = valueGrid
    try grid.validate(describing: { index in
      let (j, i) = index.quotientAndRemainder(dividingBy: xs.count)
      return "the probability at (\(xs[i]), \(ys[j])) is \(values[index]); it must be a number from 0 to 1"
    }, accepting: { $0 >= 0 && $0 <= 1 })
  }
}
