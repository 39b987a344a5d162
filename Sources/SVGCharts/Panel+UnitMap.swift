extension Panel {
  /// A compact map of one unit's output over the input square, for small multiples.
  ///
  /// Only the bands (see `UnitMap`), a frame, and `labels` (usually just a title naming the
  /// unit): no ticks, no colour bar. Square panels of 100 to 160 pixels suit a row per layer
  /// (`Figure(..., panelWidth: 120, panelHeight: 120, columns: units)`).
  public static func unitMap(_ map: UnitMap, labels: ChartLabels) -> Panel {
    Panel(axes: Axes(labels: labels, artists: [map.contours(tolerance: 0.3)], tickDensity: .none))
  }

  /// A thumbnail of a decision boundary, for one panel per checkpoint of a run.
  ///
  /// The probability bands and the p = 0.5 curve of `decisionBoundary`, on `grid` (a coarse
  /// one: 0.1 apart over the seed's square is plenty), titled `title` (say the iteration and
  /// the loss), without ticks (the large boundary has them), points or colour bar. Contours
  /// are simplified to a pixel, so one panel of 180 × 160 pixels stays under 4 KB.
  public static func boundaryThumbnail(_ grid: ProbabilityGrid, title: String) -> Panel {
    let contours = FilledContours(
      grid: grid.valueGrid, levels: probabilityLevels, colors: probabilityPalette,
      boundary: (0.5, PathStyle(stroke: Color(0x1a1a1a), strokeWidth: 1.2, rounded: true, role: "boundary")),
      tolerance: 1.0, validate: grid.validate)
    let labels = ChartLabels(title: title, xLabel: "", yLabel: "")
    return Panel(axes: Axes(labels: labels, artists: [contours], tickDensity: .none))
  }
}
