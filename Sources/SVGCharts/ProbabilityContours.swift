/// A probability surface drawn as filled bands between levels, with one level's curve on top.
///
/// Band `k` covers `levels[k] ≤ p < levels[k + 1]` (the last band includes its upper level)
/// and is painted `colors[k]`. The bands are painted as nested regions, lowest level first:
/// the grid's rectangle in `colors[0]`, then `{p ≥ levels[k]}` in `colors[k]` for each higher
/// band, so each colour shows exactly on its band, every contour is stored once, and
/// neighbouring bands meet without an anti-aliasing seam. Contours are simplified to
/// `tolerance` pixels (Douglas–Peucker); the drawn curve `p = boundaryLevel` is stroked.
struct ProbabilityContours: Artist {
  var grid: ProbabilityGrid
  var levels: [Double]
  var colors: [Color]
  var boundaryLevel: Double
  var boundaryStyle: PathStyle
  /// Each band's superlevel rings in data coordinates, traced once when the panel is made
  /// (band 0 has none: it fills the whole plot), and the boundary's isolines.
  private let rings: [[Polyline]]
  private let boundary: [Polyline]
  /// The largest distance, in pixels, a simplified contour strays from the computed one.
  static let tolerance = 0.15

  init(
    grid: ProbabilityGrid, levels: [Double], colors: [Color], boundaryLevel: Double,
    boundaryStyle: PathStyle
  ) {
    self.grid = grid
    self.levels = levels
    self.colors = colors
    self.boundaryLevel = boundaryLevel
    self.boundaryStyle = boundaryStyle
    // An invalid grid traces nothing here; drawing it throws from `dataBounds()`.
    guard (try? grid.validate()) != nil else {
      rings = []
      boundary = []
      return
    }
    let contours = MarchingSquares(xs: grid.xs, ys: grid.ys, values: grid.values)
    rings = colors.indices.map { $0 == 0 ? [] : contours.superlevelRings(levels[$0]) }
    boundary = contours.isolines(boundaryLevel)
  }

  func dataBounds() throws(ChartError) -> DataBounds? {
    try grid.validate()
    guard let x0 = grid.xs.first, let x1 = grid.xs.last, let y0 = grid.ys.first, let y1 = grid.ys.last
    else { return nil }
    return DataBounds(x: x0...x1, y: y0...y1, stickyX: [x0, x1], stickyY: [y0, y1])
  }

  func marks(in transform: AxesTransform) throws(ChartError) -> [Mark] {
    guard let bounds = try dataBounds() else { return [] }
    func pixels(_ polylines: [Polyline]) -> [Polyline] {
      polylines.compactMap { polyline in
        let mapped = Polyline(
          points: polyline.points.map { transform.point($0.x, $0.y) }, closed: polyline.closed)
        let simplified = PolylineSimplification.simplify(mapped, tolerance: Self.tolerance)
        return simplified.points.isEmpty ? nil : simplified
      }
    }
    let corners = [
      (bounds.x.lowerBound, bounds.y.lowerBound), (bounds.x.upperBound, bounds.y.lowerBound),
      (bounds.x.upperBound, bounds.y.upperBound), (bounds.x.lowerBound, bounds.y.upperBound),
    ].map { transform.point($0.0, $0.1) }
    var marks: [Mark] = []
    for (band, color) in colors.enumerated() {
      let rings = band == 0 ? [Polyline(points: corners, closed: true)] : pixels(self.rings[band])
      if !rings.isEmpty {
        marks.append(.path(rings, PathStyle(fill: color, role: "band")))
      }
    }
    marks.append(.path(pixels(boundary), boundaryStyle))
    return marks
  }
}
