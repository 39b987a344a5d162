extension Panel {
  /// Several named lines against a common x (iterations, usually), on a linear or a
  /// logarithmic y axis, with a legend and light grid lines.
  ///
  /// Points that have no place on the axis (not finite; not positive on a log axis) are
  /// skipped and break their line. A log axis shows whole decades around the positive data
  /// (`1e-8...1` when there is none) with ticks at powers of ten; `yRange` fixes the view
  /// instead (it must be positive on a log axis). `guide` draws a dashed horizontal line at
  /// `value` labelled `label` (a target such as 10⁻³). Long series are reduced per pixel
  /// column, as in `lossCurve`, so 10⁵ points keep the file small. An empty series is left
  /// out of the legend. Colours for many series: `Color.tab10`.
  public static func curves(
    _ series: [CurveSeries], labels: ChartLabels, yScale: AxisScale = .linear,
    yRange: ClosedRange<Double>? = nil, guide: (value: Double, label: String)? = nil
  ) -> Panel {
    let drawn = series.filter { !$0.points.isEmpty }
    let legend = Legend(
      entries: drawn.map { LegendEntry(label: $0.name, color: $0.color, dashed: $0.dashed) }, swatch: .line)
    let artist = Curves(series: drawn, yScale: yScale, guide: guide)
    return Panel(
      axes: Axes(
        labels: labels, artists: [artist], legend: legend, gridLines: .both, integerXTicks: true,
        yScale: yScale, yRange: yRange))
  }
}
