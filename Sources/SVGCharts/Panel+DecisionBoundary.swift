extension Panel {
  /// The probability levels that separate the bands: 0, 0.1, …, 1.
  static let probabilityLevels = (0...10).map { Double($0) / 10 }

  /// The band colours: calm tints from blue (p near 0, class 0) through a pale neutral to
  /// yellow (p near 1, class 1), light enough for the class colours to stand out on them.
  static let probabilityPalette: [Color] = {
    let low = Color(0x8db8e0)
    let neutral = Color(0xf4f3ee)
    let high = Color(0xf0d36a)
    return (0..<10).map { band in
      let p = (Double(band) + 0.5) / 10
      return p < 0.5 ? low.mixed(with: neutral, p / 0.5) : neutral.mixed(with: high, (p - 0.5) / 0.5)
    }
  }()

  /// The style of the p = 0.5 curve, on the plot and across the colour bar.
  static let boundaryStyle = PathStyle(
    stroke: Color(0x1a1a1a), strokeWidth: 1.6, rounded: true, role: "boundary")

  /// A model's probability of class 1 as filled bands, its 0.5 curve, and points on top.
  ///
  /// The notebook's `decision_boundary`, drawing the probability instead of the 0/1
  /// prediction: bands between the levels 0, 0.1, …, 1 from marching squares, the decision
  /// boundary p = 0.5 as a dark line, `points` (usually the training set) over them, and
  /// `highlighted` points larger with a black outline. A colour bar labelled
  /// `colorBarLabel` explains the bands. The view is the grid's extent.
  public static func decisionBoundary(
    _ grid: ProbabilityGrid, points: [ScatterPoint], highlighted: [ScatterPoint], labels: ChartLabels,
    colorBarLabel: String
  ) -> Panel {
    let contours = FilledContours(
      grid: grid.valueGrid, levels: probabilityLevels, colors: probabilityPalette,
      boundary: (0.5, boundaryStyle), validate: grid.validate)
    let dots = Scatter(
      name: "point", points: points, radius: Scatter.radius, edge: .shade, edgeWidth: Scatter.edgeWidth,
      role: "points")
    let outlined = Scatter(
      name: "highlighted point", points: highlighted, radius: 6, edge: .color(.black), edgeWidth: 1.8,
      role: "highlighted")
    let colorBar = ColorBar(
      levels: probabilityLevels, colors: probabilityPalette, label: colorBarLabel, markedLevel: 0.5,
      markStyle: boundaryStyle)
    return Panel(axes: Axes(labels: labels, artists: [contours, dots, outlined], colorBar: colorBar))
  }
}
