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
  static func all(
    _ checkpoints: [Checkpoint], points: LabeledPoints, options: NetworkOptions, bins: Int = 20
  ) throws(ChartError) -> [UnitHistory] {
    guard let shape = checkpoints.first?.parameters.shape else { return [] }
    let traces = checkpoints.map { ForwardTrace(points: points, parameters: $0.parameters, options: options) }
    var histories: [UnitHistory] = []
    for layer in 0..<shape.hidden.count {
      for unit in 0..<shape.hidden[layer] {
        let outputs = traces.map { $0.hidden[layer].z[unit] }
        let finite = outputs.map { $0.filter(\.isFinite) }
        let all = finite.joined()
        var lower = all.min() ?? 0
        var upper = all.max() ?? 1
        if lower == upper {
          // numpy's ±0.5, or a millionth of the value where 0.5 would leave bins too narrow
          // to tell apart.
          let pad = max(0.5, abs(lower) * 1e-6)
          (lower, upper) = (lower - pad, upper + pad)
        }
        let histograms = try finite.map { values throws(ChartError) in
          try Histogram(values: values, bins: bins, range: lower...upper)
        }
        histories.append(
          UnitHistory(
            layer: layer, unit: unit, edges: histograms[0].edges, counts: histograms.map(\.counts),
            excluded: outputs.map(\.count).reduce(0, +) - all.count))
      }
    }
    return histories
  }
}
