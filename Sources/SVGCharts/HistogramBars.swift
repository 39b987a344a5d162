/// The bars of a histogram with numpy's binning, filled and outlined, standing on zero.
struct HistogramBars: Artist {
  var values: [Double]
  var bins: Int
  var color: Color
  var edgeColor: Color
  var edgeWidth: Double

  func dataBounds() throws(ChartError) -> DataBounds? {
    let histogram = try Histogram(values: values, bins: bins)
    guard let first = histogram.edges.first, let last = histogram.edges.last else { return nil }
    let tallest = Double(histogram.counts.max() ?? 0)
    return DataBounds(x: first...last, y: 0...max(tallest, 1), stickyY: [0])
  }

  func marks(in transform: AxesTransform) throws(ChartError) -> [Mark] {
    let histogram = try Histogram(values: values, bins: bins)
    var bars: [Polyline] = []
    for (index, count) in histogram.counts.enumerated() where count > 0 {
      let left = histogram.edges[index]
      let right = histogram.edges[index + 1]
      let height = Double(count)
      bars.append(
        Polyline(
          points: [
            transform.point(left, 0), transform.point(right, 0), transform.point(right, height),
            transform.point(left, height),
          ], closed: true))
    }
    return [.path(bars, PathStyle(fill: color, stroke: edgeColor, strokeWidth: edgeWidth, role: "bars"))]
  }
}
