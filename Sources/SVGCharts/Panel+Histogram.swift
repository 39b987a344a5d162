extension Panel {
  /// A histogram with numpy's binning (`np.histogram(values, bins=bins)`, see `Histogram`).
  ///
  /// The notebook's `draw_hist` panel: bars in `color` with black edges, standing on zero,
  /// y ticks on whole counts.
  public static func histogram(_ values: [Double], bins: Int, color: Color, labels: ChartLabels) -> Panel {
    let bars = HistogramBars(values: values, bins: bins, color: color, edgeColor: .black, edgeWidth: 0.8)
    return Panel(axes: Axes(labels: labels, artists: [bars], gridLines: .horizontal, integerYTicks: true))
  }
}
