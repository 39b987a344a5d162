extension Panel {
  /// Training and test loss per iteration: `train[i]` and `test[i]` at iteration `i + 1`.
  ///
  /// The notebook's `draw_loss`: two lines in matplotlib's first two colours (train
  /// `tab:blue`, test `tab:orange`), a legend naming them, light grid lines, x ticks on whole
  /// iterations. A series longer
  /// than 2000 iterations is reduced per pixel column to its first, lowest, highest and
  /// last values, so the file stays small and single-iteration spikes stay visible. An empty
  /// series is drawn as nothing and left out of the legend.
  public static func lossCurve(
    train: [Double], test: [Double], labels: ChartLabels, trainName: String, testName: String
  ) -> Panel {
    let series = [(trainName, train, Color.tabBlue), (testName, test, Color.tabOrange)]
      .filter { !$0.1.isEmpty }
    let lines = series.map { name, values, color in
      LineSeries(name: name, values: values, firstX: 1, color: color)
    }
    let legend = Legend(entries: series.map { LegendEntry(label: $0.0, color: $0.2) }, swatch: .line)
    return Panel(
      axes: Axes(labels: labels, artists: lines, legend: legend, gridLines: .both, integerXTicks: true))
  }
}
