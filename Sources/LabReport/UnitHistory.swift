import SVGCharts
import TinyNet

/// One hidden unit's outputs over a set of points at every checkpoint of a run, counted in
/// bins that all checkpoints share, so that a column per checkpoint shows the spread move.
struct UnitHistory {
  /// The unit's layer and its place in it, from 0.
  var layer: Int
  var unit: Int
  /// The shared bins' edges.
  var edges: [Double]
  /// Per checkpoint, the count in each bin.
  var counts: [[Int]]
  /// Outputs left out because they were not finite.
  var excluded: Int

  /// Every hidden unit's history over `points`, layer by layer: `bins` equal bins over the
  /// lowest to the highest finite output at any checkpoint (widened by 0.5 each way when
  /// those are equal, or by a millionth of the value beyond 500,000), counted as
  /// `np.histogram(..., range=...)` counts them.
  ///
  /// Memory stays that of one forward pass whatever the number of checkpoints: a first
  /// pass over the checkpoints finds each unit's range, a second counts, one checkpoint at
  /// a time, in one workspace (`ForwardPasses`).
  static func all(
    _ checkpoints: [Checkpoint], points: LabeledPoints, options: NetworkOptions, bins: Int = 20
  ) throws(ChartError) -> [UnitHistory] {
    guard let shape = checkpoints.first?.parameters.shape else { return [] }
    let units = (0..<shape.hidden.count).flatMap { layer in (0..<shape.hidden[layer]).map { (layer, $0) } }
    let passes = ForwardPasses(points: points, shape: shape, options: options)
    var lower = [Double](repeating: .infinity, count: units.count)
    var upper = [Double](repeating: -.infinity, count: units.count)
    var excluded = [Int](repeating: 0, count: units.count)
    for checkpoint in checkpoints {
      passes.run(checkpoint.parameters)
      for (index, (layer, unit)) in units.enumerated() {
        passes.withHiddenOutputs(layer: layer, unit: unit) { values in
          for value in values {
            guard value.isFinite else {
              excluded[index] += 1
              continue
            }
            lower[index] = min(lower[index], value)
            upper[index] = max(upper[index], value)
          }
        }
      }
    }
    var ranges: [ClosedRange<Double>] = []
    for index in units.indices {
      var (low, high) = lower[index] <= upper[index] ? (lower[index], upper[index]) : (0, 1)
      if low == high {
        // numpy's ±0.5, or a millionth of the value where 0.5 would leave bins too narrow
        // to tell apart.
        let pad = max(0.5, abs(low) * 1e-6)
        (low, high) = (low - pad, high + pad)
      }
      ranges.append(low...high)
    }
    var histograms = [[Histogram]](repeating: [], count: units.count)
    for checkpoint in checkpoints {
      passes.run(checkpoint.parameters)
      for (index, (layer, unit)) in units.enumerated() {
        let finite = passes.withHiddenOutputs(layer: layer, unit: unit) { $0.filter(\.isFinite) }
        histograms[index].append(try Histogram(values: finite, bins: bins, range: ranges[index]))
      }
    }
    return units.indices.map { index in
      UnitHistory(
        layer: units[index].0, unit: units[index].1, edges: histograms[index][0].edges,
        counts: histograms[index].map(\.counts), excluded: excluded[index])
    }
  }
}
