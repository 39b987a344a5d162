import NetworkDiagram
import SVGCharts
import TinyNet

extension ReportAssembler {
  /// Histograms of every hidden unit of case `index` over its training set after training,
  /// one figure per hidden layer; `overflowing` counts the outputs left out because they
  /// are not finite (where huge weights overflow, or where batch normalisation divides by a
  /// spread of zero: a unit constant over the training set).
  ///
  /// The forward pass lives only as long as this call: the activations over time that
  /// follow make their own.
  mutating func histogramFigures(_ index: Int, overflowing: inout Int) throws(LabReportError) -> [FigureView] {
    let colors = [Color.skyblue, .lightgreen, .salmon, .plum, .khaki, .lightsteelblue]
    let spec = experiment.cases[index]
    let shape = spec.network.shape
    let passes = ForwardPasses(points: results.caseData[index].train, shape: shape, options: spec.settings.options)
    passes.run(results.cases[index].parameters)
    var figures: [FigureView] = []
    for (layer, width) in shape.hidden.enumerated() {
      let names = (0..<width).map { NetworkDiagram.unitName("z", layer: layer, unit: $0, shape: shape) }
      let panels = (0..<width).map { unit in
        let (finite, count) = passes.withHiddenOutputs(layer: layer, unit: unit) { ($0.filter(\.isFinite), $0.count) }
        overflowing += count - finite.count
        return Panel.histogram(
          finite, bins: 20, color: colors[unit % colors.count],
          labels: ChartLabels(
            title: strings.format(.histogramTitle, ["unit": names[unit]]), xLabel: strings[.value],
            yLabel: strings[.frequency]))
      }
      let units = names.count <= 3 ? names.joined(separator: ", ") : "\(names[0]) … \(names[names.count - 1])"
      let caption = strings.format(.histogramsCaption, ["units": units, "case": spec.name])
      let suffix = shape.hidden.count == 1 ? "" : "-layer-\(layer + 1)"
      figures.append(
        try chart(
          Figure(
            title: spec.name, description: caption, panels: panels, panelWidth: panels.count > 3 ? 320 : 420,
            panelHeight: panels.count > 3 ? 250 : 320, columns: 3),
          file: "case-\(index + 1)-histograms\(suffix)", caption: caption))
    }
    return figures
  }
}
