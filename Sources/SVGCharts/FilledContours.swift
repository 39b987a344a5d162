/// A sampled surface drawn as filled bands between levels, with one level's curve on top.
///
/// Band `k` covers `levels[k] ≤ v < levels[k + 1]` (values below the first level join band
/// 0, values above the last join the last band) and is painted `colors[k]`. The bands are
/// painted as nested regions, lowest level first: the grid's rectangle in `colors[0]`, then
/// `{v ≥ levels[k]}` in `colors[k]` for each higher band, so each colour shows exactly on
/// its band, every contour is stored once, and neighbouring bands meet without an
/// anti-aliasing seam. Bands hidden under a region that covers the whole grid are left out. Contours are simplified to `tolerance` pixels (Douglas–Peucker); the
/// curve `v = boundary.level`, if any, is stroked in `boundary.style`.
struct FilledContours: Artist {
  var grid: ValueGrid
  var levels: [Double]
  var colors: [Color]
  var boundary: (level: Double, style: PathStyle)?
  /// The largest distance, in pixels, a simplified contour strays from the computed one.
  var tolerance: Double
  /// Why the grid cannot be drawn, found when the artist was made.
  private let problem: ChartError?
  /// Each band's superlevel rings in data coordinates, traced once when the panel is made
  /// (band 0 has none: it fills the whole plot), and the boundary's isolines.
  private let rings: [[Polyline]]
  private let boundaryLines: [Polyline]
  /// The tolerance of full-size figures.
  static let fineTolerance = 0.15

  /// Bands of `grid`; `validate` checks the grid (its error is thrown when drawing).
  init(
    grid: ValueGrid, levels: [Double], colors: [Color], boundary: (level: Double, style: PathStyle)?,
    tolerance: Double = fineTolerance, validate: () throws(ChartError) -> Void
  ) {
    self.grid = grid
    self.levels = levels
    self.colors = colors
    self.boundary = boundary
    self.tolerance = tolerance
    do throws(ChartError) {
      try validate()
      problem = nil
    } catch {
      problem = error
      rings = []
      boundaryLines = []
      return
    }
    let contours = MarchingSquares(xs: grid.xs, ys: grid.ys, values: grid.values)
    rings = colors.indices.map { $0 == 0 ? [] : contours.superlevelRings(levels[$0]) }
    boundaryLines = boundary.map { contours.isolines($0.level) } ?? []
  }

  func dataBounds() throws(ChartError) -> DataBounds? {
    if let problem { throw problem }
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
        let simplified = PolylineSimplification.simplify(mapped, tolerance: tolerance)
        return simplified.points.isEmpty ? nil : simplified
      }
    }
    let corners = [
      (bounds.x.lowerBound, bounds.y.lowerBound), (bounds.x.upperBound, bounds.y.lowerBound),
      (bounds.x.upperBound, bounds.y.upperBound), (bounds.x.lowerBound, bounds.y.upperBound),
    ].map { transform.point($0.0, $0.1) }
    // A band whose region is the whole grid hides every band below it: start there.
    let lowest = grid.values.min() ?? -.infinity
    let first = colors.indices.last { $0 == 0 || lowest >= levels[$0] } ?? 0
    var marks: [Mark] = []
    for (band, color) in colors.enumerated() where band >= first {
      let rings = band == first ? [Polyline(points: corners, closed: true)] : pixels(self.rings[band])
      if !rings.isEmpty {
        marks.append(.path(rings, PathStyle(fill: color, role: "band")))
      }
    }
    if let boundary {
      marks.append(.path(pixels(boundaryLines), boundary.style))
    }
    return marks
  }
}
