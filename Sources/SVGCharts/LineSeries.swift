import Foundation

/// A line through values at evenly spaced x: `values[i]` is drawn at `x = firstX + i`.
///
/// A series longer than `LineReduction.threshold` is reduced per pixel column (keeping each
/// column's first, minimum, maximum and last point), so a file stays small for a million
/// points and every spike stays visible. A single value is drawn as a dot.
struct LineSeries: Artist {
  /// The name used in error messages.
  var name: String
  var values: [Double]
  var firstX: Double
  var color: Color
  var width = 1.5

  func dataBounds() throws(ChartError) -> DataBounds? {
    let first = firstX
    guard
      let y = try DataBounds.range(
        of: values,
        describe: { "the \"\(name)\" series value at x = \(first + Double($0))" })
    else { return nil }
    return DataBounds(x: firstX...(firstX + Double(values.count - 1)), y: y)
  }

  func marks(in transform: AxesTransform) throws(ChartError) -> [Mark] {
    let style = PathStyle(stroke: color, strokeWidth: width, rounded: true, role: "series")
    if values.count == 1 {
      let dot = transform.point(firstX, values[0])
      return [.circles([dot], radius: width * 1.5, PathStyle(fill: color, role: "series"))]
    }
    let indices: [Int]
    if values.count > LineReduction.threshold {
      indices = LineReduction.columnExtremes(values) {
        Int(floor(transform.x.pixel(firstX + Double($0))))
      }
    } else {
      indices = Array(values.indices)
    }
    let points = indices.map { transform.point(firstX + Double($0), values[$0]) }
    return [.path([Polyline(points: points, closed: false)], style)]
  }
}
