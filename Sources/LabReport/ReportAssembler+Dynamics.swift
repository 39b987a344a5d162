import NetworkDiagram
import SVGCharts
import SafeText
import TinyNet

extension ReportAssembler {
  /// The update-to-weight ratio around which learning is usually healthy.
  static let healthyUpdateRatio = 1e-3

  /// The step of a thumbnail's or a unit map's grid: five times the boundary's.
  static func coarseGridStep(_ bounds: (x1: ClosedRange<Double>, x2: ClosedRange<Double>)) -> Double {
    5 * gridStep(bounds)
  }

  /// A case's learning over time: the curves beside the loss, and the boundary at every
  /// checkpoint. A case the histogram section does not show has its activations over time
  /// written as files, linked from the curves, where the report writes figure files.
  mutating func dynamicsView(_ index: Int) throws(LabReportError) -> DynamicsView {
    var curves = try curvesFigure(index)
    if writesFigureFiles && !experiment.histograms.contains(experiment.cases[index].name) {
      let files = try activationsOverTime(index).flatMap(\.links)
      curves.links += files.enumerated().map { layer, link in
        FileLink(
          label: files.count == 1 ? strings[.activationsTitle] : "\(strings[.activationsTitle]) \(layer + 1)",
          href: link.href)
      }
    }
    return DynamicsView(curves: curves, boundaries: try boundaryOverTimeFigure(index))
  }

  /// Accuracy, gradient norm per layer and update ratio per layer against the iteration.
  private mutating func curvesFigure(_ index: Int) throws(LabReportError) -> FigureView {
    let spec = experiment.cases[index]
    let curves = results.cases[index].curves
    let shape = spec.network.shape
    let file = "case-\(index + 1)-curves"
    let accuracy = Panel.curves(
      [
        CurveSeries(name: strings[.seriesTrain], points: curves.points(curves.accuracyTrain), color: .tabBlue),
        CurveSeries(name: strings[.seriesTest], points: curves.points(curves.accuracyTest), color: .tabOrange),
      ],
      labels: ChartLabels(title: strings[.accuracyTitle], xLabel: strings[.iteration], yLabel: strings[.accuracyAxis]),
      yRange: 0...1)
    func layerSeries(_ values: [[Double]]) -> [CurveSeries] {
      values.enumerated().map { layer, series in
        CurveSeries(
          name: layerName(layer, shape: shape), points: curves.points(series),
          color: Color.tab10[layer % Color.tab10.count])
      }
    }
    let gradient = Panel.curves(
      layerSeries(curves.gradientNorm),
      labels: ChartLabels(
        title: strings[.gradientNormTitle], xLabel: strings[.iteration], yLabel: strings[.gradientNormAxis]),
      yScale: .logarithmic)
    let ratio = Panel.curves(
      layerSeries(curves.updateRatio),
      labels: ChartLabels(
        title: strings[.updateRatioTitle], xLabel: strings[.iteration], yLabel: strings[.updateRatioAxis]),
      yScale: .logarithmic, guide: (Self.healthyUpdateRatio, "10⁻³"))
    let caption = strings[.curvesCaption]
    return try chart(
      Figure(
        title: "\(spec.name): \(strings[.sectionDynamics])", description: caption,
        panels: [accuracy, gradient, ratio], panelWidth: 310, panelHeight: 250, columns: 3),
      file: file, caption: caption, note: joinedNote(recordingNote(curves.recording), reductionNote(curves)))
  }

  /// A note that long curves show buckets of records, if they do, with the iterations a
  /// bucket spans.
  private func reductionNote(_ curves: TrainingCurves) -> String? {
    let stride = curves.stride * curves.recording.every
    return curves.stride == 1 ? nil : strings.format(.curvesReduced, ["stride": String(stride)])
  }

  /// The decision boundary at every checkpoint, as small multiples.
  private mutating func boundaryOverTimeFigure(_ index: Int) throws(LabReportError) -> FigureView {
    let spec = experiment.cases[index]
    let data = results.caseData[index]
    let options = spec.settings.options
    let bounds = data.plotBounds
    let step = Self.coarseGridStep(bounds)
    let passes = ForwardPasses(points: data.train, shape: spec.network.shape, options: options)
    let panels = results.cases[index].checkpoints.map { checkpoint in
      let classifier = Classifier(parameters: checkpoint.parameters, options: options, training: data.train)
      let grid = ProbabilityGrid(x: bounds.x1, y: bounds.x2, step: step) {
        let p = classifier.probability($0, $1)
        return p.isNaN ? 0.5 : p
      }
      let loss = passes.run(checkpoint.parameters)
      let title = strings.format(
        .thumbnailTitle,
        ["iteration": String(checkpoint.iteration), "loss": loss.isFinite ? fixed(loss, 4) : "–"])
      return Panel.boundaryThumbnail(grid, title: title)
    }
    let caption = strings[.boundaryOverTimeCaption]
    return try chart(
      Figure(
        title: "\(spec.name): \(strings[.boundaryOverTimeTitle])", description: caption, panels: panels,
        panelWidth: 180, panelHeight: 160, columns: 5),
      file: "case-\(index + 1)-boundary-over-time", caption: caption)
  }

  /// Every hidden unit's output over the input square at `parameters`, layer by layer, on
  /// the thumbnails' coarse grid, coloured for `options`' activation.
  func unitMaps(_ parameters: Parameters, data: Dataset, options: NetworkOptions) -> [[UnitMap]] {
    let shape = parameters.shape
    let classifier = Classifier(parameters: parameters, options: options, training: data.train)
    let bounds = data.plotBounds
    let step = Self.coarseGridStep(bounds)
    return (0..<shape.hidden.count).map { layer in
      (0..<shape.hidden[layer]).map { unit in
        let grid = ValueGrid(x: bounds.x1, y: bounds.x2, step: step) {
          let z = classifier.unitOutput($0, $1, layer: layer, unit: unit)
          return z.isFinite ? z : 0
        }
        return UnitMap(grid: grid, range: Self.unitRange(grid.values, options.activation), scheme: Self.scheme(options.activation))
      }
    }
  }

  /// The span a unit's colours cover: the activation's own where it is bounded, else the
  /// values'.
  static func unitRange(_ values: [Double], _ activation: Activation) -> ClosedRange<Double> {
    switch activation {
    case .tanh: return -1...1
    case .sigmoid: return 0...1
    case .relu: return 0...max(values.max() ?? 0, 0)
    case .linear:
      let reach = values.map(abs).max() ?? 0
      return -reach...reach
    }
  }

  static func scheme(_ activation: Activation) -> UnitMap.Scheme {
    activation == .tanh || activation == .linear ? .diverging : .sequential
  }

  /// The unit maps of case `index`'s trained network, one small-multiples figure per
  /// hidden layer, as files only (the diagram shows them inline); returns their links.
  mutating func unitMapFiles(_ index: Int) throws(LabReportError) -> [FileLink] {
    let spec = experiment.cases[index]
    let shape = spec.network.shape
    let maps = unitMaps(results.cases[index].parameters, data: results.caseData[index], options: spec.settings.options)
    var links: [FileLink] = []
    for (layer, layerMaps) in maps.enumerated() {
      let panels = layerMaps.enumerated().map { unit, map in
        Panel.unitMap(
          map,
          labels: ChartLabels(
            title: NetworkDiagram.unitName("z", layer: layer, unit: unit, shape: shape), xLabel: "", yLabel: ""))
      }
      let file = "case-\(index + 1)-unit-maps" + (maps.count == 1 ? "" : "-layer-\(layer + 1)")
      let caption = strings.format(.unitMapsCaption, ["layer": String(layer + 1), "case": spec.name])
      _ = try chart(
        Figure(
          title: "\(spec.name): \(layerName(layer, shape: shape))", description: caption, panels: panels,
          panelWidth: 120, panelHeight: 120, columns: min(panels.count, 8)),
        file: file, caption: caption)
      links.append(
        FileLink(
          label: maps.count == 1 ? strings[.unitMapsLink] : "\(strings[.unitMapsLink]) \(layer + 1)",
          href: "figures/\(file).svg"))
    }
    return links
  }

  /// Each hidden unit's activations at every checkpoint of case `index`, one figure per
  /// layer: a count map per unit.
  mutating func activationsOverTime(_ index: Int) throws(LabReportError) -> [FigureView] {
    let spec = experiment.cases[index]
    let shape = spec.network.shape
    let result = results.cases[index]
    let histories: [UnitHistory]
    do {
      histories = try UnitHistory.all(
        result.checkpoints, points: results.caseData[index].train, options: spec.settings.options)
    } catch {
      throw .rendering("case-\(index + 1)-activations-over-time: \(error)")
    }
    let columns = result.checkpoints.map { String($0.iteration) }
    var figures: [FigureView] = []
    for layer in 0..<shape.hidden.count {
      let panels = histories.filter { $0.layer == layer }.map { history in
        let unit = NetworkDiagram.unitName("z", layer: layer, unit: history.unit, shape: shape)
        return Panel.countMap(
          columns: columns, rowEdges: history.edges, counts: history.counts,
          labels: ChartLabels(title: unit, xLabel: strings[.iteration], yLabel: strings[.value]),
          colorBarLabel: strings[.points]
        ) { column in
          let bins = history.counts[column].indices.filter { history.counts[column][$0] > 0 }.map { row in
            strings.format(
              .activationBin,
              [
                "low": fixed(history.edges[row], 2), "high": fixed(history.edges[row + 1], 2),
                "count": String(history.counts[column][row]),
              ])
          }
          return strings.format(.activationColumnTitle, ["unit": unit, "iteration": columns[column]])
            + "\n" + bins.joined(separator: "\n")
        }
      }
      let suffix = shape.hidden.count == 1 ? "" : "-layer-\(layer + 1)"
      let caption = strings.format(.activationsCaption, ["case": spec.name])
      figures.append(
        try chart(
          Figure(
            title: "\(spec.name): \(strings[.activationsTitle])", description: caption, panels: panels,
            panelWidth: panels.count > 3 ? 300 : 360, panelHeight: 260, columns: 3),
          file: "case-\(index + 1)-activations-over-time\(suffix)", caption: caption))
    }
    return figures
  }

  /// "layer 1", …, "output layer".
  func layerName(_ layer: Int, shape: NetworkShape) -> String {
    layer == shape.outputLayer ? strings[.outputLayer] : strings.format(.layerName, ["layer": String(layer + 1)])
  }
}
