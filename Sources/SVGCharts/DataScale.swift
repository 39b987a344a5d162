import Foundation

/// How an axis spaces its values: evenly, or evenly by powers of ten.
public enum AxisScale: Sendable, Equatable {
  /// Equal steps of value take equal lengths of axis.
  case linear
  /// Equal ratios of value take equal lengths of axis (each decade the same length); only
  /// positive values have a place on it.
  case logarithmic
}

/// A map from a data interval onto a pixel interval, linear or logarithmic.
///
/// Linear: `pixel(v) = start + (v - lower) / (upper - lower) · (end - start)`. Logarithmic:
/// the same with `log10` of `v`, `lower` and `upper`, so a value that is not positive has
/// no pixel (the result is not finite). `end < start` flips the direction, as a y axis
/// needs (data grows upwards, pixels downwards).
struct DataScale: Sendable {
  var lower: Double
  var upper: Double
  var start: Double
  var end: Double
  var kind = AxisScale.linear

  /// The pixel position of the data value `value`.
  func pixel(_ value: Double) -> Double {
    switch kind {
    case .linear:
      return start + (value - lower) / (upper - lower) * (end - start)
    case .logarithmic:
      let low = log10(lower)
      return start + (log10(value) - low) / (log10(upper) - low) * (end - start)
    }
  }

  /// Whether `value` has a finite place on the scale (finite, and positive on a log scale).
  func canPlace(_ value: Double) -> Bool {
    value.isFinite && (kind == .linear || value > 0)
  }
}

/// Data-to-pixel placement for one axes: its plot rectangle and the scales onto it.
struct AxesTransform: Sendable {
  var plot: Rect
  var x: DataScale
  var y: DataScale

  /// `plot` showing `xLimits` left to right and `yLimits` bottom to top, the y axis scaled
  /// by `yScale`.
  init(plot: Rect, xLimits: ClosedRange<Double>, yLimits: ClosedRange<Double>, yScale: AxisScale = .linear) {
    self.plot = plot
    x = DataScale(lower: xLimits.lowerBound, upper: xLimits.upperBound, start: plot.minX, end: plot.maxX)
    y = DataScale(
      lower: yLimits.lowerBound, upper: yLimits.upperBound, start: plot.maxY, end: plot.minY, kind: yScale)
  }

  /// The pixel position of the data point `(x, y)`.
  func point(_ x: Double, _ y: Double) -> Point {
    Point(x: self.x.pixel(x), y: self.y.pixel(y))
  }
}
