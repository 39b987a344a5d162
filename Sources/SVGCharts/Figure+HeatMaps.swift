extension Figure {
  /// Heat maps as small multiples on one shared colour scale, with one colour bar.
  ///
  /// One `Panel.heatMap` per entry of `maps`, left to right in rows of at most `columns`
  /// (all in one row by default), each on `scale` (`HeatMapScale(covering:)` spans them
  /// all), and the scale's colour bar at the right. Every panel gets the same size: large
  /// enough for the largest map's cells to hold their texts at 12 pixels (and its column
  /// labels side by side, where that takes cells under 84 pixels wide), with square cells
  /// of 28 to 84 pixels, a map of up to 12 × 12 cells taking at most about 420 pixels.
  public static func heatMaps(
    title: String, description: String, maps: [(grid: HeatMapGrid, labels: ChartLabels)], scale: HeatMapScale,
    columns: Int? = nil
  ) -> Figure {
    var width = minimumPanelSize.width
    var height = minimumPanelSize.height
    var panels: [Panel] = []
    for (grid, labels) in maps {
      let panel = Panel.heatMap(grid, labels: labels, scale: scale)
      panels.append(panel)
      let size = heatMapPanelSize(panel, grid: grid)
      width = max(width, size.width)
      height = max(height, size.height)
    }
    return Figure(
      title: title, description: description, panels: panels, panelWidth: width, panelHeight: height,
      columns: columns, colorScale: scale)
  }

  /// The size of a panel whose plot holds `grid`'s cells at their preferred side, found by
  /// laying the panel out and correcting its size by what the plot lacks, until it fits;
  /// wide enough for its title and x label at their full sizes, and never below
  /// `minimumPanelSize` or above `maximumPanelSize`.
  private static func heatMapPanelSize(_ panel: Panel, grid: HeatMapGrid) -> (width: Double, height: Double) {
    let side = HeatMapCells.preferredSide(grid)
    let wanted = (width: side * Double(grid.columnLabels.count), height: side * Double(grid.rowLabels.count))
    var axes = panel.axes
    axes.equalAspect = false
    var size = (width: wanted.width + 120, height: wanted.height + 100)
    for _ in 0..<8 {
      guard let plot = try? axes.plot(in: Rect(x: 0, y: 0, width: size.width, height: size.height)) else {
        // Too small for its labels: grow until the layout fits (a grid that cannot be drawn
        // never does, and its figure reports why when drawn).
        size = (size.width + 100, size.height + 100)
        continue
      }
      let missing = (width: wanted.width - plot.width, height: wanted.height - plot.height)
      if abs(missing.width) < 0.5, abs(missing.height) < 0.5 { break }
      size = (size.width + missing.width, size.height + missing.height)
    }
    let labels = panel.axes.labels
    let title = TextMetrics.width(labels.title, fontSize: Theme.titleFontSize) + 16
    let xLabel = TextMetrics.width(labels.xLabel, fontSize: Theme.labelFontSize) / 0.8
    let width = max(size.width, title, xLabel, minimumPanelSize.width).rounded(.up)
    let height = max(size.height, minimumPanelSize.height).rounded(.up)
    return (min(width, maximumPanelSize), min(height, maximumPanelSize))
  }
}
