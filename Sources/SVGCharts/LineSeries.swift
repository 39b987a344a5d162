import Foundation

/// A line through points `(xs[i], ys[i])`, with `xs` increasing.
///
/// A series longer than `LineReduction.threshold` is reduced per pixel column (keeping each
/// column's first, minimum, maximum and last point), so a file stays small for a million
/// points and every spike stays visible. A single value is drawn as a dot.
struct LineSeries: Artist {
  /// The name used in error messages.
  var name: String
  var xs: [Double]
  var ys: [Double]
  var color: Color
  var width = 1.5

  func dataBounds() throws(ChartError) -> DataBounds? {
    let xs = self.xs
    guard
      let y = try DataBounds.range(of: ys, describe: { "the \"\(name)\" series value at x = \(xs[$0])" }),
      let first = xs.first, let last = xs.last
    else { return nil }
    guard xs.allSatisfy(\.isFinite) else {
      throw ChartError("the \"\(name)\" series has an x value that is not finite")
    }
    return DataBounds(x: first...last, y: y)
  }

  func marks(in transform: AxesTransform) throws(ChartError) -> [Mark] {
    let style = PathStyle(stroke: color, strokeWidth: width, rounded: true, role: "series")
    if ys.count == 1 {
      let dot = transform.point(xs[0], ys[0])
      return [.circles([dot], radius: width * 1.5, PathStyle(fill: color, role: "series"))]
    }
    let indices: [Int]
    if ys.count > LineReduction.threshold {
      indices = LineReduction.columnExtremes(ys) { Int(floor(transform.x.pixel(xs[$0]))) }
    } else {
      indices = Array(ys.indices)
    }
    let points = indices.map { transform.point(xs[$0], ys[$0]) }
    return [.path([Polyline(points: points, closed: false)], style)]
  }
}
