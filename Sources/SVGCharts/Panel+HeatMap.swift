extension Panel {
  /// A heat map: one coloured cell per row and column of `grid`, with the caller's text in
  /// each, coloured on `scale`.
  ///
  /// Rows and columns are categorical axes, every category labelled at the middle of its
  /// cells: row labels at the left, column labels below (smaller, or upright, when they do
  /// not fit side by side); `labels` gives the title and the axis labels (the settings'
  /// names). Cells are square, as large as the panel allows, the plot centred across the
  /// panel. The panel has no colour bar of its own: the figure shows one for the scale that
  /// all its heat maps share (`Figure(..., colorScale: scale)`, or `Figure.heatMaps`, which
  /// also sizes the panels). See `HeatMapCells` for how a cell is written, so a reader can
  /// find the cell of a row and column.
  public static func heatMap(_ grid: HeatMapGrid, labels: ChartLabels, scale: HeatMapScale) -> Panel {
    Panel(
      axes: Axes(
        labels: labels, artists: [HeatMapCells(grid: grid, scale: scale)], xCategories: grid.columnLabels,
        xCategoryFit: .all, yCategories: grid.rowLabels.reversed(), equalAspect: true))
  }
}
