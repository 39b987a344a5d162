import SVGCharts
import TinyNet

extension ReportAssembler {
  /// The most heat maps one figure shows: a sweep with more combinations of its other
  /// settings shows the first ones and says so.
  static let maximumHeatMaps = 12

  /// The loss of a network that answers 0.5 for every point: ln 2.
  static let chanceLoss = 0.6931471805599453

  /// What a heat map's cells show.
  private enum Outcome {
    case testLoss, testAccuracy
  }

  /// Heat maps of the final test loss and of the test accuracy over the sweep's axes: one
  /// panel per combination of the other swept settings, each cell the mean over the swept
  /// seeds (when seeds are swept and are not an axis); none for a sweep of one case.
  mutating func heatMapFigures(_ sweep: Sweep) throws(LabReportError) -> [FigureView] {
    guard !sweep.axes.isEmpty else { return [] }
    return [
      try heatMapFigure(sweep, outcome: .testLoss),
      try heatMapFigure(sweep, outcome: .testAccuracy),
    ]
  }

  private mutating func heatMapFigure(_ sweep: Sweep, outcome: Outcome) throws(LabReportError) -> FigureView {
    let dimensions = sweep.dimensions
    let rowPlace = dimensions.firstIndex { $0.setting == sweep.axes[0] } ?? 0
    let columnPlace = sweep.axes.count > 1 ? dimensions.firstIndex { $0.setting == sweep.axes[1] } : nil
    let seedPlaces = sweep.averagedPlaces
    let panelPlaces = dimensions.indices.filter { $0 != rowPlace && $0 != columnPlace && !seedPlaces.contains($0) }
    let panelCount = panelPlaces.reduce(1) { $0 * dimensions[$1].values.count }
    let shown = min(panelCount, Self.maximumHeatMaps)
    let rows = dimensions[rowPlace].values
    let columns = columnPlace.map { dimensions[$0].values } ?? []
    // The cases of each panel's cell, one per swept seed, and each panel's title.
    var members = [[[[Int]]]](
      repeating: rows.map { _ in [[Int]](repeating: [], count: max(1, columns.count)) }, count: shown)
    var titles = [String](repeating: "", count: shown)
    let kept = dimensions.indices.filter { !seedPlaces.contains($0) }
    for group in sweep.runsOverSeeds() {
      func value(_ place: Int) -> Int { group.coordinates[kept.firstIndex(of: place) ?? 0] }
      let panel = panelPlaces.reduce(0) { $0 * dimensions[$1].values.count + value($1) }
      guard panel < shown else { continue }
      members[panel][value(rowPlace)][columnPlace.map(value) ?? 0] = group.cases
      titles[panel] = panelPlaces.map {
        "\(settingName(dimensions[$0].setting)) \(dimensions[$0].values[value($0)].label)"
      }.joined(separator: ", ")
    }
    let maps = (0..<shown).map { panel in
      (
        grid: HeatMapGrid(
          rowLabels: rows.map(\.label), columnLabels: columnPlace == nil ? [""] : columns.map(\.label),
          cells: members[panel].map { row in row.map { heatMapCell($0, outcome: outcome) } }),
        labels: ChartLabels(
          title: titles[panel], xLabel: columnPlace.map { settingName(dimensions[$0].setting) } ?? "",
          yLabel: settingName(dimensions[rowPlace].setting))
      )
    }
    var scale = HeatMapScale(
      covering: maps.map(\.grid), direction: outcome == .testLoss ? .lowerIsBetter : .higherIsBetter,
      label: strings[outcome == .testLoss ? .sweepScaleLoss : .sweepScaleAccuracy])
    // A loss above ln 2 is no better than answering 0.5 everywhere: colours stop there, so
    // that one run that blew up does not wash out the differences between the good ones.
    if outcome == .testLoss, scale.range.upperBound > Self.chanceLoss, scale.range.lowerBound < Self.chanceLoss {
      scale.range = scale.range.lowerBound...Self.chanceLoss
    }
    let captionKey: ReportStrings.Key =
      columnPlace == nil
      ? (outcome == .testLoss ? .sweepHeatLossCaptionOne : .sweepHeatAccuracyCaptionOne)
      : (outcome == .testLoss ? .sweepHeatLossCaption : .sweepHeatAccuracyCaption)
    var caption = strings.format(
      captionKey,
      [
        "rows": settingName(dimensions[rowPlace].setting),
        "columns": columnPlace.map { settingName(dimensions[$0].setting) } ?? "–",
      ])
    if !seedPlaces.isEmpty {
      caption += " " + strings.format(
        .sweepHeatSeeds, ["seeds": seedPlaces.map { settingName(dimensions[$0].setting) }.joined(separator: ", ")])
    }
    if shown < panelCount {
      caption += " " + strings.format(.sweepHeatPanelsCut, ["shown": String(shown), "count": String(panelCount)])
    }
    let title = strings[outcome == .testLoss ? .sweepHeatLossTitle : .sweepHeatAccuracyTitle]
    return try chart(
      Figure.heatMaps(
        title: title, description: caption, maps: maps, scale: scale, columns: min(shown, 3)),
      file: outcome == .testLoss ? "sweep-test-loss" : "sweep-test-accuracy", caption: caption)
  }

  /// The cell of `cases` (one, or one per swept seed): the mean outcome of those that ran
  /// to the end; a case that diverged counts as missing.
  private func heatMapCell(_ cases: [Int], outcome: Outcome) -> HeatMapGrid.Cell {
    let finished = cases.filter { results.cases[$0].divergedAt == nil }
    let values = finished.compactMap { index -> Double? in
      let final = results.cases[index].final
      return outcome == .testLoss ? final.lossTest : final.accuracyTest
    }
    let names = cases.map { experiment.cases[$0].name }
    guard let summary = Self.meanAndSpread(values) else {
      return .missing(title: strings.format(.sweepCellDiverged, ["cases": names.joined(separator: "; ")]))
    }
    let text = outcome == .testLoss ? fixed(summary.mean, 3) : percent(summary.mean)
    let exact = outcome == .testLoss ? fixed(summary.mean, 4) : fixed(summary.mean * 100, 1) + "%"
    let title = cases.count == 1
      ? "\(names[0]): \(exact)"
      : strings.format(
        values.count == cases.count ? .sweepCellMean : .sweepCellMeanDiverged,
        [
          "value": exact, "runs": String(values.count), "diverged": String(cases.count - values.count),
          "spread": outcome == .testLoss ? fixed(summary.spread, 4) : fixed(summary.spread * 100, 1),
        ])
    return HeatMapGrid.Cell(value: summary.mean, text: text, title: title)
  }
}
