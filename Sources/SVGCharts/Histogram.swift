/// Counts of values in equal-width bins, exactly as `np.histogram(values, bins=bins)`.
///
/// The bins span `[min, max]` of the values (`[v - 0.5, v + 0.5]` when all values equal `v`,
/// or the doubles next to `v` when `v` is too large for ±0.5 to change it; `[0, 1]` when
/// there are none). Edges are numpy's `linspace`: `edges[i] = i · step + min`
/// with `step = (max - min) / bins`, and the last edge exactly `max`. Each value goes to the
/// bin numpy assigns it: `⌊(v - min) / (max - min) · bins⌋`, corrected by one bin where that
/// rounding disagrees with the edges. Bins are half-open `[edges[i], edges[i + 1])` except
/// the last, which is closed.
public struct Histogram: Sendable, Equatable {
  /// `bins + 1` increasing edges.
  public var edges: [Double]
  /// The number of values in each bin.
  public var counts: [Int]

  /// The histogram of `values` in `bins` equal bins.
  /// - Throws: `ChartError` if `bins` is not positive, a value is NaN or infinite, or the
  ///   values' range overflows.
  public init(values: [Double], bins: Int) throws(ChartError) {
    guard bins >= 1 else {
      throw ChartError("a histogram needs at least 1 bin, not \(bins)")
    }
    var (first, last) = (0.0, 1.0)
    if let range = try DataBounds.range(of: values, describe: { "histogram value \($0 + 1)" }) {
      (first, last) = (range.lowerBound, range.upperBound)
      if first == last {
        (first, last) = (first - 0.5, last + 0.5)
      }
      if first == last {
        // Beyond 2^53 the ±0.5 is lost in rounding (numpy's bins would then divide by a
        // zero width): the neighbouring doubles make the narrowest range that is not empty.
        (first, last) = (max(first.nextDown, -.greatestFiniteMagnitude), min(last.nextUp, .greatestFiniteMagnitude))
      }
    }
    try self.init(values: values, bins: bins, first: first, last: last)
  }

  /// The histogram of `values` in `bins` equal bins over `range`, as
  /// `np.histogram(values, bins=bins, range=(lower, upper))`: values outside the range are
  /// not counted, so histograms of several sets can share their bins.
  /// - Throws: `ChartError` if `bins` is not positive, the range is empty or not finite,
  ///   or a value is NaN or infinite.
  public init(values: [Double], bins: Int, range: ClosedRange<Double>) throws(ChartError) {
    guard bins >= 1 else {
      throw ChartError("a histogram needs at least 1 bin, not \(bins)")
    }
    guard range.lowerBound.isFinite, range.upperBound.isFinite, range.lowerBound < range.upperBound else {
      throw ChartError("a histogram's range must be finite and not empty")
    }
    _ = try DataBounds.range(of: values, describe: { "histogram value \($0 + 1)" })
    try self.init(values: values, bins: bins, first: range.lowerBound, last: range.upperBound)
  }

  /// Counts `values` in `bins` bins from `first` to `last`, leaving out values outside.
  private init(values: [Double], bins: Int, first: Double, last: Double) throws(ChartError) {
    let step = (last - first) / Double(bins)
    var edges = (0..<bins).map { index in
      // numpy divides first when the step underflows to zero (a subnormal range).
      step == 0 ? Double(index) / Double(bins) * (last - first) + first : Double(index) * step + first
    }
    edges.append(last)
    guard edges.allSatisfy(\.isFinite) else {
      throw ChartError("the histogram's range \(first)...\(last) is too wide to split into bins")
    }
    var counts = [Int](repeating: 0, count: bins)
    let span = last - first
    for value in values where value >= first && value <= last {
      var index = Int((value - first) / span * Double(bins))
      if index == bins { index -= 1 }
      // numpy's correction: the division may land one bin off near an edge. As
      // `value ≥ edges[0]`, a value below `edges[index]` has `index ≥ 1`.
      if value < edges[index] {
        index -= 1
      } else if value >= edges[index + 1] && index != bins - 1 {
        index += 1
      }
      counts[index] += 1
    }
    self.edges = edges
    self.counts = counts
  }
}
