import Foundation
import NetworkDiagram
import SVGCharts
import SafeText
import TinyNet

/// Turns a snapshot into the report's files: `index.html`, `figures/*.svg`,
/// `graphs/*.svg|dot` and `snapshot.json`.
struct ReportAssembler {
  let snapshot: Snapshot
  let strings: ReportStrings
  let templates: TemplateSet
  private let results: LabResults
  private var files: [String: Data] = [:]

  init(snapshot: Snapshot, strings: ReportStrings, templates: TemplateSet) {
    self.snapshot = snapshot
    self.strings = strings
    self.templates = templates
    self.results = snapshot.results
  }

  /// Every file of the report, keyed by its path inside the report folder.
  mutating func assemble() throws(LabReportError) -> [String: Data] {
    let experiment = snapshot.experiment
    let seed = String(experiment.data.seed)
    let dataFigure = try dataFigure()
    let initialNetwork = try networkFigure(
      experiment.initialNetwork, options: NetworkOptions(), file: "initial-network",
      title: strings[.initialNetworkTitle], caption: strings[.initialNetworkCaption])
    let initialBoundary = try boundaryFigure(
      experiment.initialNetwork, options: NetworkOptions(), file: "initial-decision-boundary")
    let updateNetwork = try updateNetworkFigure()
    let updateBoundary = try updateBoundaryFigure()
    var cases: [CaseView] = []
    for index in experiment.cases.indices { cases.append(try caseView(index)) }
    let histograms = try histogramSection()
    let page = ReportPage(
      lang: snapshot.language.rawValue,
      version: snapshot.nnlabVersion,
      t: strings.table,
      title: experiment.title,
      notes: experiment.notes.isEmpty ? [] : [experiment.notes],
      generatedBy: strings.format(
        .generatedBy, ["version": snapshot.nnlabVersion, "seed": seed, "n": String(experiment.data.nObs)]),
      dataText: strings.format(.dataText, ["seed": seed]),
      dataFigure: dataFigure,
      initialText: strings.format(.initialText, ["activation": Activation.relu.rawValue]),
      initialBiases: biases(experiment.initialNetwork),
      initialNetwork: initialNetwork,
      initialBoundary: initialBoundary,
      updateText: updateText(),
      updateNetwork: updateNetwork,
      updateBoundary: updateBoundary,
      updateRows: updateRows(),
      casesText: strings.format(.casesText, ["seed": seed]),
      cases: cases,
      histograms: histograms,
      summaryRows: experiment.cases.indices.map(summaryRow),
      renderCommand: "nnlab render snapshot.json --out DIR")
    files["index.html"] = Data(try templates.render(page).utf8)
    files["snapshot.json"] = snapshot.json()
    return files
  }

  // MARK: Sections

  private mutating func dataFigure() throws(LabReportError) -> FigureView {
    let data = results.data
    let points =
      scatterPoints(data.train, class0: .blue, class1: .yellow)
      + scatterPoints(data.test, class0: .green, class1: .purple)
    let legend = [
      LegendEntry(label: strings[.legendTrain0], color: .blue),
      LegendEntry(label: strings[.legendTrain1], color: .yellow),
      LegendEntry(label: strings[.legendTest0], color: .green),
      LegendEntry(label: strings[.legendTest1], color: .purple),
    ]
    let panel = Panel.scatter(points, labels: axes(title: strings[.dataTitle]), legend: legend)
    return try chart(
      Figure(
        title: strings[.dataTitle], description: strings[.dataCaption], panels: [panel], panelWidth: 540,
        panelHeight: 380),
      file: "data-set", caption: strings[.dataCaption])
  }

  private func updateText() -> String {
    let step = snapshot.step
    return strings.format(
      .updateText,
      [
        "seed": String(snapshot.experiment.data.seed), "index": String(step.index),
        "x1": fixed(step.x[0], 4), "x2": fixed(step.x[1], 4), "y": String(step.y),
        "method": strings[snapshot.experiment.step.gradient == .numeric ? .methodNumeric : .methodAnalytic],
        "learning_rate": String(snapshot.experiment.step.learningRate),
      ])
  }

  private mutating func updateNetworkFigure() throws(LabReportError) -> FigureView {
    let step = snapshot.step
    let spec = snapshot.experiment.step
    let point = drawnPoint
    let options = NetworkOptions(activation: spec.activation)
    let trace = ForwardTrace(points: point, parameters: step.before, options: options)
    var diagram = NetworkDiagram.update(
      step: step, learningRate: spec.learningRate,
      sample: DiagramSample(trace: trace, points: point, index: 0), options: options,
      title: strings[.updateNetworkTitle])
    diagram.subtitle = [
      strings.format(
        .updateSubtitle,
        ["index": String(step.index), "y": String(step.y), "learning_rate": String(spec.learningRate)])
    ]
    return try diagramFigure(diagram, file: "update-network", caption: strings[.updateNetworkCaption])
  }

  private mutating func updateBoundaryFigure() throws(LabReportError) -> FigureView {
    let step = snapshot.step
    let options = NetworkOptions(activation: snapshot.experiment.step.activation)
    let point = drawnPoint
    let highlighted = [ScatterPoint(x: point.x1[0], y: point.x2[0], color: point.y[0] == 1 ? .yellow : .blue)]
    let panels = [(step.before, strings[.beforeUpdate]), (step.after, strings[.afterUpdate])].map {
      boundaryPanel($0.0, options: options, title: $0.1, highlighted: highlighted)
    }
    return try chart(
      Figure(title: strings[.boundaryTitle], description: strings[.updateBoundaryCaption], panels: panels),
      file: "update-decision-boundary", caption: strings[.updateBoundaryCaption])
  }

  private func updateRows() -> [ParameterRow] {
    let step = snapshot.step
    return Parameters.names.indices.map {
      ParameterRow(
        name: Parameters.names[$0], before: fixed(step.before.values[$0], 4),
        gradient: fixed(step.gradient.values[$0], 6), after: fixed(step.after.values[$0], 4))
    }
  }

  private mutating func caseView(_ index: Int) throws(LabReportError) -> CaseView {
    let spec = snapshot.experiment.cases[index]
    let result = results.cases[index]
    let file = "case-\(index + 1)"
    let options = spec.settings.options
    let loss = Panel.lossCurve(
      train: result.lossTrain, test: result.lossTest,
      labels: ChartLabels(title: strings[.lossTitle], xLabel: strings[.iteration], yLabel: strings[.lossAxis]),
      trainName: strings[.seriesTrain], testName: strings[.seriesTest])
    let boundary = boundaryPanel(result.parameters, options: options, title: strings[.boundaryTitle], highlighted: [])
    let note = spec.settings.batchNorm ? strings[.batchNormBoundaryNote] : nil
    _ = try chart(
      Figure(title: "\(spec.name): \(strings[.lossTitle])", description: strings[.caseFigureCaption], panels: [loss]),
      file: "\(file)-loss-curve", caption: "")
    _ = try chart(
      Figure(title: "\(spec.name): \(strings[.boundaryTitle])", description: strings[.caseFigureCaption], panels: [boundary]),
      file: "\(file)-decision-boundary", caption: "")
    var figure = try chart(
      Figure(title: spec.name, description: strings[.caseFigureCaption], panels: [loss, boundary]),
      file: "\(file)-loss-and-boundary", caption: strings[.caseFigureCaption], note: note)
    figure.links += [
      FileLink(label: strings[.lossTitle], href: "figures/\(file)-loss-curve.svg"),
      FileLink(label: strings[.boundaryTitle], href: "figures/\(file)-decision-boundary.svg"),
    ]
    let network = try networkFigure(
      result.parameters, options: options, file: "\(file)-network", title: spec.name,
      caption: strings[.caseNetworkCaption])
    return CaseView(
      anchor: file, name: spec.name, settingsLine: settingsLine(spec.settings, iterations: result.iterations),
      diverged: result.divergedAt.map {
        strings.format(.diverged, ["iteration": String($0), "last": String($0 - 1)])
      },
      finalLine: strings.format(
        .finalLine,
        [
          "loss_train": result.final.lossTrain.map { fixed($0, 4) } ?? "–",
          "loss_test": result.final.lossTest.map { fixed($0, 4) } ?? "–",
          "accuracy_train": percent(result.final.accuracyTrain),
          "accuracy_test": percent(result.final.accuracyTest),
        ]),
      figure: figure, network: network)
  }

  private mutating func histogramSection() throws(LabReportError) -> HistogramSection? {
    let experiment = snapshot.experiment
    guard !experiment.histograms.isEmpty else { return nil }
    let colors = [Color.skyblue, Color.lightgreen, Color.salmon]
    var figures: [FigureView] = []
    for name in experiment.histograms {
      guard let index = experiment.cases.firstIndex(where: { $0.name == name }) else { continue }
      let spec = experiment.cases[index]
      let trace = ForwardTrace(
        points: results.data.train, parameters: results.cases[index].parameters, options: spec.settings.options)
      let panels = (0..<3).map { unit in
        Panel.histogram(
          trace.z[unit], bins: 20, color: colors[unit],
          labels: ChartLabels(
            title: strings.format(.histogramTitle, ["unit": String(unit + 1)]),
            xLabel: strings[.value], yLabel: strings[.frequency]))
      }
      let caption = strings.format(.histogramsCaption, ["case": spec.name])
      figures.append(
        try chart(
          Figure(title: spec.name, description: caption, panels: panels),
          file: "case-\(index + 1)-histograms", caption: caption))
    }
    return HistogramSection(figures: figures, commentary: commentary())
  }

  /// The batch-normalisation commentary, its verdict taken from this run's numbers.
  private func commentary() -> [String] {
    let experiment = snapshot.experiment
    let shown = experiment.histograms.compactMap { name in experiment.cases.firstIndex { $0.name == name } }
    var paragraphs = [strings[.commentaryIntro]]
    if let without = shown.first(where: { !experiment.cases[$0].settings.batchNorm }),
      let with = shown.first(where: { experiment.cases[$0].settings.batchNorm }),
      let lossWithout = results.cases[without].final.lossTrain,
      let lossWith = results.cases[with].final.lossTrain
    {
      let values = ["with": fixed(lossWith, 4), "without": fixed(lossWithout, 4)]
      var verdict = strings.format(lossWith > lossWithout ? .commentaryWorse : .commentaryBetter, values)
      if experiment.cases[with].settings.activation == .relu { verdict += " " + strings[.commentaryRelu] }
      paragraphs.append(verdict)
    }
    paragraphs.append(strings[.commentaryReading])
    return paragraphs
  }

  private func summaryRow(_ index: Int) -> SummaryRow {
    let settings = snapshot.experiment.cases[index].settings
    let result = results.cases[index]
    return SummaryRow(
      anchor: "case-\(index + 1)", name: snapshot.experiment.cases[index].name,
      activation: settings.activation.rawValue, learningRate: String(settings.learningRate),
      batchSize: String(settings.effectiveBatchSize(observations: snapshot.experiment.data.nObs)),
      epochs: String(settings.epochs), batchNorm: strings[settings.batchNorm ? .yes : .no],
      iterations: result.divergedAt.map { strings.format(.divergedShort, ["iteration": String($0)]) }
        ?? String(result.iterations),
      lossTrain: result.final.lossTrain.map { fixed($0, 4) } ?? "–",
      lossTest: result.final.lossTest.map { fixed($0, 4) } ?? "–",
      accuracyTrain: percent(result.final.accuracyTrain), accuracyTest: percent(result.final.accuracyTest))
  }

  // MARK: Figures

  private var drawnPoint: LabeledPoints {
    let step = snapshot.step
    return LabeledPoints(x1: [step.x[0]], x2: [step.x[1]], y: [step.y])
  }

  /// The notebook's colours: one for each class.
  private func scatterPoints(_ points: LabeledPoints, class0: Color, class1: Color) -> [ScatterPoint] {
    (0..<points.count).map {
      ScatterPoint(x: points.x1[$0], y: points.x2[$0], color: points.y[$0] == 1 ? class1 : class0)
    }
  }

  private func axes(title: String) -> ChartLabels {
    ChartLabels(title: title, xLabel: strings[.feature1], yLabel: strings[.feature2])
  }

  private func boundaryPanel(
    _ parameters: Parameters, options: NetworkOptions, title: String, highlighted: [ScatterPoint]
  ) -> Panel {
    let data = results.data
    let classifier = Classifier(parameters: parameters, options: options, training: data.train)
    let bounds = data.plotBounds
    let grid = ProbabilityGrid(x: bounds.x1, y: bounds.x2, step: 0.02, probability: classifier.probability)
    return Panel.decisionBoundary(
      grid, points: scatterPoints(data.train, class0: .blue, class1: .yellow), highlighted: highlighted, labels: axes(title: title),
      colorBarLabel: strings[.probability])
  }

  private mutating func boundaryFigure(_ parameters: Parameters, options: NetworkOptions, file: String)
    throws(LabReportError) -> FigureView
  {
    let panel = boundaryPanel(parameters, options: options, title: strings[.boundaryTitle], highlighted: [])
    return try chart(
      Figure(title: strings[.boundaryTitle], description: strings[.initialBoundaryCaption], panels: [panel]),
      file: file, caption: strings[.initialBoundaryCaption])
  }

  private mutating func networkFigure(
    _ parameters: Parameters, options: NetworkOptions, file: String, title: String, caption: String
  ) throws(LabReportError) -> FigureView {
    let data = results.data.train
    let trace = ForwardTrace(points: data, parameters: parameters, options: options)
    var diagram = NetworkDiagram.network(
      parameters: parameters, sample: DiagramSample(trace: trace, points: data, index: 0), options: options,
      title: title)
    let activation = options.activation.rawValue + (options.batchNorm ? " + BN" : "")
    diagram.subtitle = [
      strings.format(.networkSubtitle, ["index": "0", "y": String(data.y[0]), "activation": activation])
    ]
    return try diagramFigure(diagram, file: file, caption: caption)
  }

  /// Writes a chart's standalone SVG to `figures/` and returns it for inlining.
  private mutating func chart(_ figure: Figure, file: String, caption: String, note: String? = nil)
    throws(LabReportError) -> FigureView
  {
    do {
      let document = try figure.document(idPrefix: "\(file)-")
      files["figures/\(file).svg"] = Data(document.standalone.utf8)
      return FigureView(
        anchor: "figure-\(file)", svg: document.element, caption: caption, note: note,
        links: [FileLink(label: strings[.svgFile], href: "figures/\(file).svg")])
    } catch {
      throw .rendering("\(file): \(error)")
    }
  }

  /// Lays out a diagram, writes its SVG and DOT to `graphs/` and returns it for inlining.
  private mutating func diagramFigure(_ diagram: NetworkDiagram, file: String, caption: String)
    throws(LabReportError) -> FigureView
  {
    do {
      let rendered = try GraphvizRenderer.shared.render(diagram, idPrefix: "\(file)-")
      files["graphs/\(file).svg"] = Data(rendered.svg.utf8)
      files["graphs/\(file).dot"] = Data(rendered.dot.utf8)
      return FigureView(
        anchor: "figure-\(file)", svg: rendered.inlineSVG, caption: caption, note: strings[.diagramLegend],
        links: [
          FileLink(label: strings[.svgFile], href: "graphs/\(file).svg"),
          FileLink(label: strings[.dotFile], href: "graphs/\(file).dot"),
        ])
    } catch {
      throw .rendering("\(file): \(error)")
    }
  }

  // MARK: Text

  private func settingsLine(_ settings: TrainingSettings, iterations: Int) -> String {
    strings.format(
      .settingsLine,
      [
        "iterations": String(iterations), "activation": settings.activation.rawValue,
        "learning_rate": String(settings.learningRate),
        "batch_size": String(settings.effectiveBatchSize(observations: snapshot.experiment.data.nObs)),
        "epochs": String(settings.epochs), "batch_norm": strings[settings.batchNorm ? .on : .off],
        "method": strings[settings.gradient == .numeric ? .numeric : .analytic],
      ])
  }

  private func biases(_ parameters: Parameters) -> String {
    strings[.biases] + ": "
      + ["b11", "b12", "b13", "b21"].map { "\($0) = \(fixed(parameters[$0] ?? 0, 3))" }.joined(separator: " / ")
  }
}

/// `value` with `digits` decimals (`SafeText.fixed`, as C's `printf` rounds), or Swift's
/// own text (`nan`, `inf`, `1e+16`) for what a fixed-point number cannot show.
func fixed(_ value: Double, _ digits: Int) -> String {
  SafeText.fixed(value, decimals: digits) ?? "\(value)"
}

/// A share as a whole percentage.
func percent(_ share: Double) -> String { fixed(share * 100, 0) + "%" }
