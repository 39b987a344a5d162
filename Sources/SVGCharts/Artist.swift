/// A drawable part of an axes: it knows its data and turns it into marks through the axes'
/// transform (matplotlib's Artist).
protocol Artist: Sendable {
  /// The data the artist needs in view, or nil when it has none.
  /// - Throws: `ChartError` naming the first NaN or infinity in the data: a chart refuses
  ///   non-finite input instead of drawing it.
  func dataBounds() throws(ChartError) -> DataBounds?

  /// The artist's marks, in figure pixels.
  func marks(in transform: AxesTransform) throws(ChartError) -> [Mark]
}

/// The extent of an artist's data, and edges that axis margins must not cross.
struct DataBounds: Sendable {
  var x: ClosedRange<Double>
  var y: ClosedRange<Double>
  /// x values the view stops at instead of adding a margin beyond them (matplotlib's
  /// sticky edges): a contour plot's grid edges.
  var stickyX: [Double] = []
  /// y values the view stops at: a histogram's zero line.
  var stickyY: [Double] = []

  /// The smallest bounds holding both, with the sticky edges of both.
  func union(_ other: DataBounds) -> DataBounds {
    DataBounds(
      x: min(x.lowerBound, other.x.lowerBound)...max(x.upperBound, other.x.upperBound),
      y: min(y.lowerBound, other.y.lowerBound)...max(y.upperBound, other.y.upperBound),
      stickyX: stickyX + other.stickyX,
      stickyY: stickyY + other.stickyY)
  }

  /// The range of `values`, or nil when there are none.
  /// - Throws: `ChartError` at the first non-finite value, naming it with `describe(index)`.
  static func range(
    of values: [Double], describe: (Int) -> String
  ) throws(ChartError) -> ClosedRange<Double>? {
    guard var low = values.first, var high = values.first else { return nil }
    for (index, value) in values.enumerated() {
      guard value.isFinite else {
        throw ChartError("\(describe(index)) is \(value); a chart needs finite numbers")
      }
      low = min(low, value)
      high = max(high, value)
    }
    return low...high
  }
}
