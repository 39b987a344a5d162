/// Any real function sampled on a rectangular grid: a unit's output over the input square.
///
/// `values` is row-major with x fastest: `values[j * xs.count + i]` is the value at
/// `(xs[i], ys[j])`. The sampling initialiser places the axes as `ProbabilityGrid` does
/// (numpy's `arange`). A grid that cannot be drawn is kept and makes the figure that draws
/// it throw, with the reason.
public struct ValueGrid: Sendable {
  /// The grid's x values, increasing.
  public var xs: [Double]
  /// The grid's y values, increasing.
  public var ys: [Double]
  /// The values, row-major: `values[j * xs.count + i]` at `(xs[i], ys[j])`.
  public var values: [Double]
  /// Why the requested grid was left empty, if it was.
  private let problem: String?

  /// A grid of `values` at the points `(xs[i], ys[j])`, row-major with x fastest.
  public init(xs: [Double], ys: [Double], values: [Double]) {
    self.xs = xs
    self.ys = ys
    self.values = values
    problem = nil
  }

  /// Samples `value(x, y)` once per point of the grid `np.arange` gives over `x` and `y`
  /// with `step`, row by row.
  public init(x: ClosedRange<Double>, y: ClosedRange<Double>, step: Double, value: (Double, Double) -> Double) {
    let xAxis = ProbabilityGrid.arange(x, step: step)
    let yAxis = ProbabilityGrid.arange(y, step: step)
    guard let xs = xAxis.values, let ys = yAxis.values else {
      self.xs = []
      self.ys = []
      values = []
      problem = xAxis.problem ?? yAxis.problem
      return
    }
    self.xs = xs
    self.ys = ys
    values = ys.flatMap { y in xs.map { x in value(x, y) } }
    problem = nil
  }

  /// Checks that the grid can be contoured.
  /// - Throws: `ChartError` for an empty or one-row grid, axes that do not increase, a value
  ///   count that does not match the axes, or a value that is not finite.
  func validate() throws(ChartError) {
    try validate(
      describing: { index in
        let (j, i) = index.quotientAndRemainder(dividingBy: xs.count)
        return "the grid's value at (\(xs[i]), \(ys[j])) is \(values[index]); a chart needs finite numbers"
      }, accepting: \.isFinite)
  }

  /// Checks the grid's shape, and each value with `accepting`; the first value refused is
  /// named by `describing(index)`.
  func validate(describing: (Int) -> String, accepting: (Double) -> Bool) throws(ChartError) {
    if let problem { throw ChartError(problem) }
    guard xs.count >= 2, ys.count >= 2 else {
      throw ChartError("a grid needs at least 2 values along each axis, not \(xs.count) × \(ys.count)")
    }
    for (name, axis) in [("x", xs), ("y", ys)] {
      for (a, b) in zip(axis, axis.dropFirst()) where !(a < b) || !a.isFinite || !b.isFinite {
        throw ChartError(
          "the grid's \(name) values must be finite and increasing, but \(a) is followed by \(b)")
      }
    }
    guard values.count == xs.count * ys.count else {
      throw ChartError(
        "a \(xs.count) × \(ys.count) grid needs \(xs.count * ys.count) values, not \(values.count)")
    }
    if let index = values.firstIndex(where: { !accepting($0) }) {
      throw ChartError(describing(index))
    }
  }
}
