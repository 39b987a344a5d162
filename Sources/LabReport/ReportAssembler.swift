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
  let results: LabResults
  var files: [String: Data] = [:]
  /// Every figure and diagram written to `files`, in the report's order.
  var catalogue: [CataloguedFigure] = []
  /// Whether figures are written as files of their own too, not only inline: not on the
  /// pages of a sweep's cases, which would otherwise write thousands.
  var writesFigureFiles = true

  init(snapshot: Snapshot, strings: ReportStrings, templates: TemplateSet) {
    self.snapshot = snapshot
    self.strings = strings
    self.templates = templates
    self.results = snapshot.results
  }

  var experiment: Experiment { snapshot.experiment }

  /// The report's page and its figures, keyed by their paths inside the report folder
  /// (`snapshot.json` and a sweep's case pages are drawn by `assembleAll`).
  mutating func assemble() throws(LabReportError) -> [String: Data] {
    var dataSets: [DataSetView] = []
    // A sweep's cases may draw hundreds of data sets; its page shows the experiment's, and
    // each case's page the case's own.
    let shownSpecs = experiment.sweep == nil ? experiment.dataSpecs : [experiment.data]
    for (index, spec) in shownSpecs.enumerated() {
      let file = index == 0 ? "data-set" : "data-set-\(index + 1)"
      let points = dataset(spec)
      dataSets.append(DataSetView(text: dataText(spec, points), figure: try dataFigure(points, file: file)))
    }
    let dataPerCase = shownSpecs.count > 1
    let initialOptions = NetworkOptions(activation: experiment.step.activation)
    let initialNetwork = try networkFigure(
      experiment.initialNetwork, data: results.data, options: initialOptions, file: "initial-network",
      title: strings[.initialNetworkTitle], caption: strings[.initialNetworkCaption])
    let initialBoundary = try boundaryFigure(
      experiment.initialNetwork, data: results.data, options: initialOptions, file: "initial-decision-boundary")
    let updateNetwork = try updateNetworkFigure()
    let updateBoundary = try updateBoundaryFigure()
    var cases: [CaseView] = []
    var sweepSection: SweepSection? = nil
    if let sweep = experiment.sweep {
      sweepSection = try self.sweepSection(sweep)
    } else {
      for index in experiment.cases.indices { cases.append(try caseView(index)) }
    }
    let histograms = try histogramSection()
    let page = ReportPage(
      lang: snapshot.language.rawValue,
      version: snapshot.nnlabVersion,
      t: strings.table,
      title: experiment.title,
      notes: experiment.notes.isEmpty ? [] : [experiment.notes],
      generatedBy: strings.format(
        .generatedBy,
        [
          "version": snapshot.nnlabVersion, "seed": String(experiment.data.seed),
          "n": String(results.data.train.count), "n_test": String(results.data.test.count),
        ]),
      dataHeading: strings[dataPerCase ? .sectionDataSets : .sectionData],
      dataSets: dataSets,
      initialText: initialText(),
      initialBiases: NetworkDiagram.labelsParameters(of: experiment.network.shape) ? biases(experiment.initialNetwork) : nil,
      initialNetwork: initialNetwork,
      initialParameters: parameterTables(experiment.initialNetwork),
      initialBoundary: initialBoundary,
      updateText: updateText(),
      updateDiverged: snapshot.step.diverged ? strings[.updateDiverged] : nil,
      updateNetwork: updateNetwork,
      updateBoundary: updateBoundary,
      updateRows: updateRows(),
      casesText: experiment.cases.allSatisfy({ $0.data == experiment.data && $0.initialParameters == experiment.initialParameters })
        ? strings.format(.casesText, ["seed": String(experiment.data.seed)]) : strings[.casesTextVaried],
      cases: cases,
      histograms: histograms,
      summaryText: dataPerCase
        ? strings[.summaryDataPerCase] : strings.format(.summaryData, ["data": dataDescription(experiment.data, results.data)]),
      dataPerCase: dataPerCase,
      summaryRows: experiment.sweep == nil ? experiment.cases.indices.map { summaryRow($0, dataPerCase: dataPerCase) } : [],
      sweep: sweepSection,
      renderCommand: "nnlab render snapshot.json --out DIR")
    files["index.html"] = Data(try templates.render(page, template: "report").utf8)
    return files
  }

  // MARK: Sections

  /// The data set drawn for `spec`: the experiment's or a case's.
  private func dataset(_ spec: DataSpec) -> Dataset {
    spec == experiment.data ? results.data : results.caseData[experiment.cases.firstIndex { $0.data == spec } ?? 0]
  }

  private mutating func dataFigure(_ data: Dataset, file: String) throws(LabReportError) -> FigureView {
    let strings = self.strings
    func title(_ set: String, _ points: LabeledPoints) -> (Int) -> String {
      { strings.format(.pointTitleData, Self.pointValues(points, $0).merging(["set": set]) { $1 }) }
    }
    let points =
      scatterPoints(data.train, class0: .blue, class1: .yellow, title: title(strings[.trainingSet], data.train))
      + scatterPoints(data.test, class0: .green, class1: .purple, title: title(strings[.testSet], data.test))
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
      file: file, caption: strings[.dataCaption],
      note: joinedNote(sampleNote(data.train), sampleNote(data.test, test: true)))
  }

  private mutating func updateNetworkFigure() throws(LabReportError) -> FigureView {
    let step = snapshot.step
    let spec = experiment.step
    let point = step.point
    let options = NetworkOptions(activation: spec.activation)
    let trace = ForwardTrace(points: point, parameters: step.before, options: options)
    var diagram = NetworkDiagram.update(
      step: step, learningRate: spec.learningRate,
      sample: DiagramSample(trace: trace, points: point, index: 0), options: options,
      title: strings[.updateNetworkTitle], hoverValues: true)
    diagram.subtitle = [
      strings.format(
        .updateSubtitle,
        ["index": String(step.index), "y": String(step.y), "learning_rate": String(spec.learningRate)])
    ]
    return try diagramFigure(diagram, file: "update-network", caption: strings[.updateNetworkCaption])
  }

  private mutating func updateBoundaryFigure() throws(LabReportError) -> FigureView {
    let step = snapshot.step
    let options = NetworkOptions(activation: experiment.step.activation)
    let point = step.point
    let highlighted = [ScatterPoint(x: point.x1[0], y: point.x2[0], color: point.y[0] == 1 ? .yellow : .blue)]
    var stages = [(step.before, strings[.beforeUpdate])]
    if let after = step.after { stages.append((after, strings[.afterUpdate])) }
    var overflowing = 0
    let panels = stages.map {
      boundaryPanel(
        $0.0, data: results.data, options: options, title: $0.1, highlighted: highlighted,
        overflowing: &overflowing)
    }
    return try chart(
      Figure(title: strings[.boundaryTitle], description: strings[.updateBoundaryCaption], panels: panels),
      file: "update-decision-boundary", caption: strings[.updateBoundaryCaption],
      note: joinedNote(overflowNote(overflowing), sampleNote(results.data.train)))
  }

  private func updateRows() -> [ParameterRow] {
    let step = snapshot.step
    return step.before.named.indices.map { k in
      ParameterRow(
        name: step.before.shape.parameterNames[k], before: fixed(step.before.values[k], 4),
        gradient: step.gradient.map { fixed($0.values[k], 6) } ?? "–",
        after: step.after.map { fixed($0.values[k], 4) } ?? "–")
    }
  }

  /// Case `index`'s section: settings, outcome, figures, dynamics and diagnostics.
  mutating func caseView(_ index: Int) throws(LabReportError) -> CaseView {
    let spec = experiment.cases[index]
    let result = results.cases[index]
    let data = results.caseData[index]
    let file = "case-\(index + 1)"
    let options = spec.settings.options
    let history = result.history
    let loss = Panel.lossCurve(
      trainPoints: history.points(history.train), testPoints: history.points(history.test),
      labels: ChartLabels(title: strings[.lossTitle], xLabel: strings[.iteration], yLabel: strings[.lossAxis]),
      trainName: strings[.seriesTrain], testName: strings[.seriesTest])
    var overflowing = 0
    let boundary = boundaryPanel(
      result.parameters, data: data, options: options, title: strings[.boundaryTitle], highlighted: [],
      overflowing: &overflowing)
    let note = joinedNote(
      recordingNote(history.recording), spec.settings.batchNorm ? strings[.batchNormBoundaryNote] : nil,
      overflowNote(overflowing), sampleNote(data.train))
    if writesFigureFiles {
      _ = try chart(
        Figure(title: "\(spec.name): \(strings[.lossTitle])", description: strings[.caseFigureCaption], panels: [loss]),
        file: "\(file)-loss-curve", caption: "")
      _ = try chart(
        Figure(title: "\(spec.name): \(strings[.boundaryTitle])", description: strings[.caseFigureCaption], panels: [boundary]),
        file: "\(file)-decision-boundary", caption: "")
    }
    var figure = try chart(
      Figure(title: spec.name, description: strings[.caseFigureCaption], panels: [loss, boundary]),
      file: "\(file)-loss-and-boundary", caption: strings[.caseFigureCaption], note: note)
    if writesFigureFiles {
      figure.links += [
        FileLink(label: strings[.lossTitle], href: "figures/\(file)-loss-curve.svg"),
        FileLink(label: strings[.boundaryTitle], href: "figures/\(file)-decision-boundary.svg"),
      ]
    }
    var network = try networkFigure(
      result.parameters, data: data, options: options, file: "\(file)-network", title: spec.name,
      caption: strings[.caseNetworkCaption], unitMaps: true)
    if writesFigureFiles { network.links += try unitMapFiles(index) }
    return CaseView(
      anchor: file, name: spec.name,
      dataLine: spec.data == experiment.data
        ? nil : strings.format(.summaryData, ["data": dataDescription(spec.data, data)]),
      settingsLine: settingsLine(spec, iterations: result.iterations, observations: data.train.count),
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
      figure: figure, network: network, parameters: parameterTables(result.parameters),
      dynamics: try dynamicsView(index), diagnostics: diagnostics(index))
  }

  /// Histograms of every hidden unit of the cases the experiment names, one figure per
  /// case and hidden layer, four panels to a row.
  private mutating func histogramSection() throws(LabReportError) -> HistogramSection? {
    guard !experiment.histograms.isEmpty else { return nil }
    var figures: [FigureView] = []
    var notes: [String] = []
    for name in experiment.histograms {
      guard let index = experiment.cases.firstIndex(where: { $0.name == name }) else { continue }
      let spec = experiment.cases[index]
      guard !spec.network.shape.hidden.isEmpty else {
        notes.append(strings.format(.histogramsNone, ["case": spec.name]))
        continue
      }
      var overflowing = 0
      figures += try histogramFigures(index, overflowing: &overflowing)
      if overflowing > 0 {
        notes.append(strings.format(.histogramsOverflow, ["count": String(overflowing), "case": spec.name]))
      }
      figures += try activationsOverTime(index)
    }
    let comparison = batchNormComparison()
    return HistogramSection(
      heading: strings[comparison == nil ? .sectionHiddenUnits : .sectionHistograms], figures: figures,
      notes: notes, commentary: comparison ?? [strings[.hiddenUnitsText]])
  }

  /// The batch-normalisation commentary, when the histograms compare a case with batch
  /// normalisation and one without; its verdict is taken from this run's numbers, and its
  /// explanation names the reasons only where they are true of the run.
  private func batchNormComparison() -> [String]? {
    let shown = experiment.histograms.compactMap { name in experiment.cases.firstIndex { $0.name == name } }
    guard let without = shown.first(where: { !experiment.cases[$0].settings.batchNorm }),
      let with = shown.first(where: { experiment.cases[$0].settings.batchNorm })
    else { return nil }
    var paragraphs = [strings[.commentaryIntro]]
    if let lossWithout = results.cases[without].final.lossTrain, let lossWith = results.cases[with].final.lossTrain {
      let values = ["with": fixed(lossWith, 4), "without": fixed(lossWithout, 4)]
      var verdict = strings.format(lossWith > lossWithout ? .commentaryWorse : .commentaryBetter, values)
      let spec = experiment.cases[with]
      let observations = results.caseData[with].train.count
      if lossWith > lossWithout, spec.network.shape == .notebook, spec.data.kind == .parabola,
        observations <= 200, spec.settings.effectiveBatchSize(observations: observations) <= 32
      {
        verdict += " " + strings[.commentaryWorseSeed]
      }
      if spec.settings.activation == .relu { verdict += " " + strings[.commentaryRelu] }
      paragraphs.append(verdict)
    }
    paragraphs.append(strings[.commentaryReading])
    return paragraphs
  }

  private func summaryRow(_ index: Int, dataPerCase: Bool) -> SummaryRow {
    let spec = experiment.cases[index]
    let settings = spec.settings
    let result = results.cases[index]
    let data = results.caseData[index]
    return SummaryRow(
      anchor: "case-\(index + 1)", name: spec.name, data: dataPerCase ? dataShort(spec.data) : nil,
      network: spec.network.shape.description + " · " + spec.network.shape.features.map(\.symbol).joined(separator: ", "),
      activation: activationText(settings.options, shape: spec.network.shape),
      regularization: regularizationShort(settings.regularization),
      learningRate: String(settings.learningRate),
      batchSize: String(settings.effectiveBatchSize(observations: data.train.count)),
      epochs: String(settings.epochs), batchNorm: strings[settings.batchNorm ? .yes : .no],
      iterations: result.divergedAt.map { strings.format(.divergedShort, ["iteration": String($0)]) }
        ?? String(result.iterations),
      lossTrain: result.final.lossTrain.map { fixed($0, 4) } ?? "–",
      lossTest: result.final.lossTest.map { fixed($0, 4) } ?? "–",
      accuracyTrain: percent(result.final.accuracyTrain), accuracyTest: percent(result.final.accuracyTest))
  }
}
