/// A map from a data interval onto a pixel interval.
///
/// `pixel(v) = start + (v - lower) / (upper - lower) · (end - start)`; `end < start` flips the
/// direction, as a y axis needs (data grows upwards, pixels downwards).
struct LinearScale: Sendable {
  var lower: Double
  var upper: Double
  var start: Double
  var end: Double

  /// The pixel position of the data value `value`.
  func pixel(_ value: Double) -> Double {
    start + (value - lower) / (upper - lower) * (end - start)
  }
}

/// Data-to-pixel placement for one axes: its plot rectangle and the scales onto it.
struct AxesTransform: Sendable {
  var plot: Rect
  var x: LinearScale
  var y: LinearScale

  /// `plot` showing `xLimits` left to right and `yLimits` bottom to top.
  init(plot: Rect, xLimits: ClosedRange<Double>, yLimits: ClosedRange<Double>) {
    self.plot = plot
    x = LinearScale(lower: xLimits.lowerBound, upper: xLimits.upperBound, start: plot.minX, end: plot.maxX)
    y = LinearScale(lower: yLimits.lowerBound, upper: yLimits.upperBound, start: plot.maxY, end: plot.minY)
  }

  /// The pixel position of the data point `(x, y)`.
  func point(_ x: Double, _ y: Double) -> Point {
    Point(x: self.x.pixel(x), y: self.y.pixel(y))
  }
}
