extension Panel {
  /// Training and test loss per iteration: `train[i]` and `test[i]` at iteration `i + 1`.
  ///
  /// See `lossCurve(trainPoints:testPoints:labels:trainName:testName:)`.
  public static func lossCurve(
    train: [Double], test: [Double], labels: ChartLabels, trainName: String, testName: String
  ) -> Panel {
    func points(_ values: [Double]) -> [(x: Double, y: Double)] {
      values.enumerated().map { (Double($0.offset + 1), $0.element) }
    }
    return lossCurve(
      trainPoints: points(train), testPoints: points(test), labels: labels, trainName: trainName,
      testName: testName)
  }

  /// Training and test loss against the iteration, as `(iteration, loss)` points in
  /// increasing order (a long run may give a few points per stretch of iterations).
  ///
  /// The notebook's `draw_loss`: two lines in matplotlib's first two colours (train
  /// `tab:blue`, test `tab:orange`), a legend naming them, light grid lines, x ticks on whole
  /// iterations. A series is reduced to its lowest and highest values per three-pixel
  /// column and simplified to half a pixel (see `Curves`), so the file stays
  /// small and single-iteration spikes stay visible. An empty series is drawn as nothing and left out of the legend.
  public static func lossCurve(
    trainPoints: [(x: Double, y: Double)], testPoints: [(x: Double, y: Double)], labels: ChartLabels,
    trainName: String, testName: String
  ) -> Panel {
    let series = [(trainName, trainPoints, Color.tabBlue), (testName, testPoints, Color.tabOrange)]
      .filter { !$0.1.isEmpty }
    let lines = Curves(
      series: series.map { CurveSeries(name: $0.0, points: $0.1, color: $0.2) }, yScale: .linear, guide: nil,
      requireFinite: true)
    let legend = Legend(entries: series.map { LegendEntry(label: $0.0, color: $0.2) }, swatch: .line)
    return Panel(
      axes: Axes(labels: labels, artists: [lines], legend: legend, gridLines: .both, integerXTicks: true))
  }
}
