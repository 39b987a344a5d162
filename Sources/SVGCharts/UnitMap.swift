/// One unit's output over the input square, to draw as a small map of quantised bands.
///
/// `.diverging` bands run symmetrically around 0 over `-m...m`, where `m` is the larger of
/// `|range.lowerBound|` and `|range.upperBound|`: orange below 0, a pale grey at 0, blue
/// above (TensorFlow Playground's colours), for tanh and linear units. `.sequential` bands
/// run over `range` from the pale grey to blue, for relu and sigmoid units. Values outside
/// the range take the colour of the nearest end. A range of zero width (a dead unit) is
/// widened by 1 upwards, so such a map is one pale colour.
public struct UnitMap: Sendable {
  /// How values turn into colours.
  public enum Scheme: Sendable, Equatable {
    /// Symmetric around 0: orange (negative), grey (0), blue (positive).
    case diverging
    /// From the range's low end (grey) to its high end (blue).
    case sequential
  }

  public var grid: ValueGrid
  public var range: ClosedRange<Double>
  public var scheme: Scheme

  /// A map of `grid` whose colours span `range` in `scheme`.
  public init(grid: ValueGrid, range: ClosedRange<Double>, scheme: Scheme) {
    self.grid = grid
    self.range = range
    self.scheme = scheme
  }

  /// Playground's colours for -1, 0 and +1.
  static let negative = Color(0xf59322)
  static let neutral = Color(0xe8eaeb)
  static let positive = Color(0x0877bd)

  /// The band edges: 11 for `.diverging` (10 bands, 5 each side of 0), 9 for `.sequential`.
  var levels: [Double] {
    switch scheme {
    case .diverging:
      var reach = max(abs(range.lowerBound), abs(range.upperBound))
      if !(reach > 0) { reach = 1 }
      return (0...10).map { -reach + 2 * reach * Double($0) / 10 }
    case .sequential:
      let low = range.lowerBound
      let span = range.upperBound > low ? range.upperBound - low : 1
      return (0...8).map { low + span * Double($0) / 8 }
    }
  }

  /// Each band's colour, taken at the band's middle.
  var colors: [Color] {
    switch scheme {
    case .diverging:
      return (0..<10).map { band in
        let t = (Double(band) + 0.5) / 5 - 1
        return t < 0 ? Self.neutral.mixed(with: Self.negative, -t) : Self.neutral.mixed(with: Self.positive, t)
      }
    case .sequential:
      return (0..<8).map { Self.neutral.mixed(with: Self.positive, (Double($0) + 0.5) / 8) }
    }
  }

  /// The bands as an artist, simplified to `tolerance` pixels.
  func contours(tolerance: Double) -> FilledContours {
    let range = self.range
    return FilledContours(
      grid: grid, levels: levels, colors: colors, boundary: nil, tolerance: tolerance,
      validate: { [grid] () throws(ChartError) in
        guard range.lowerBound.isFinite, range.upperBound.isFinite else {
          throw ChartError("a unit map's range \(range) is not finite")
        }
        try grid.validate()
      })
  }

  /// The bands alone as an SVG group filling the square `0...side` × `0...side` (the grid's
  /// y growing upwards), to place inside another drawing with a `transform`.
  ///
  /// The group has `class="unit-map"` and holds one `<path>` per band; coordinates have at
  /// most one decimal. Deterministic: the same map and side give the same bytes.
  /// - Throws: `ChartError` for a grid that cannot be drawn, a range that is not finite, or
  ///   a side that is not positive and finite.
  public func svgFragment(side: Double) throws(ChartError) -> String {
    guard side.isFinite, side > 0, side < PathData.coordinateLimit else {
      throw ChartError("a unit map's side must be a positive number of pixels, not \(side)")
    }
    let artist = contours(tolerance: max(0.15, side / 200))
    guard let bounds = try artist.dataBounds() else { return "" }
    let square = Rect(x: 0, y: 0, width: side, height: side)
    let transform = AxesTransform(plot: square, xLimits: bounds.x, yLimits: bounds.y)
    var writer = SVGWriter()
    try writer.write(.group(GroupStyle(role: "unit-map"), try artist.marks(in: transform)))
    return writer.text
  }
}
