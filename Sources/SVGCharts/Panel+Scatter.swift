extension Panel {
  /// Points coloured by class, as the notebook's data-set figure draws them.
  ///
  /// The notebook's colours are `Color.blue` and `.yellow` for training points of class 0
  /// and 1, `.green` and `.purple` for test points. Each point has a thin edge in a darker
  /// shade of its colour, so yellow stays visible on white. `legend` lists what the colours
  /// mean (no legend when empty); it never covers a point.
  public static func scatter(_ points: [ScatterPoint], labels: ChartLabels, legend: [LegendEntry]) -> Panel {
    let artist = Scatter(
      name: "point", points: points, radius: Scatter.radius, edge: .shade, edgeWidth: Scatter.edgeWidth,
      role: "points")
    return Panel(axes: Axes(labels: labels, artists: [artist], legend: Legend(entries: legend, swatch: .dot)))
  }
}
