import NetworkDiagram
import SafeText
import TinyNet

extension ReportAssembler {
  /// The most parameters a gradient check shows open; a longer table is folded.
  static let openGradientCheckRows = 24
  /// The most training points a gradient check evaluates: its numeric side runs the network
  /// twice per parameter, which on a million points would take longer than training. A
  /// larger set is checked on this many of its points, evenly spaced through it.
  static let gradientCheckPointLimit = 10_000

  /// A case's diagnostics: its dead units (with ReLU), its confusion matrices on the
  /// training and test sets, and the gradient check at its initial parameters.
  func diagnostics(_ index: Int) -> DiagnosticsView {
    let spec = experiment.cases[index]
    let result = results.cases[index]
    let data = results.caseData[index]
    let options = spec.settings.options
    let shape = spec.network.shape
    // One set at a time, and only what is shown: a forward trace of each of two sets of a
    // million points would hold every value of every unit of both.
    var dead: [(layer: Int, unit: Int)] = []
    let predicted = [data.train, data.test].enumerated().map { position, points in
      let passes = ForwardPasses(points: points, shape: shape, options: options)
      passes.run(result.parameters)
      if position == 0 { dead = passes.deadUnits }
      return passes.predictedClasses
    }
    var deadLine: String?
    if options.activation == .relu, !shape.hidden.isEmpty {
      deadLine = dead.isEmpty
        ? strings[.deadUnitsNone]
        : strings.format(
          .deadUnits,
          ["units": dead.map { NetworkDiagram.unitName("z", layer: $0.layer, unit: $0.unit, shape: shape) }
            .joined(separator: ", ")])
    }
    let confusion = zip([data.train, data.test], predicted).enumerated().map { position, pair in
      confusionTable(
        ConfusionMatrix(labels: pair.0.y, predicted: pair.1),
        set: strings[position == 0 ? .trainingSet : .testSet])
    }
    return DiagnosticsView(
      deadUnits: deadLine, confusion: confusion, gradientCheck: gradientCheckTable(index))
  }

  private func confusionTable(_ matrix: ConfusionMatrix, set: String) -> ConfusionView {
    let correct = matrix.counts[0][0] + matrix.counts[1][1]
    return ConfusionView(
      caption: strings.format(
        .confusionCaption, ["set": set, "correct": String(correct), "total": String(matrix.total)]),
      header: [0, 1].map { strings.format(.predictedClass, ["class": String($0)]) },
      rows: [0, 1].map { actual in
        ConfusionRow(
          actual: strings.format(.actualClass, ["class": String(actual)]),
          cells: [0, 1].map { ConfusionCell(count: String(matrix.counts[actual][$0]), correct: $0 == actual) })
      })
  }

  /// Numeric against analytic gradient of the whole training set's objective (or of an
  /// even sample's, see `gradientCheckPointLimit`) at the case's initial parameters, each
  /// value in full precision.
  private func gradientCheckTable(_ index: Int) -> GradientCheckView {
    let spec = experiment.cases[index]
    let settings = spec.settings
    let train = results.caseData[index].train
    let checked = train.subset(train.evenlySpacedIndices(limit: Self.gradientCheckPointLimit))
    let check = GradientCheck(
      parameters: spec.initialParameters, points: checked, options: settings.options,
      regularization: settings.regularization)
    let errors = check.relativeErrors
    let flagged = Set(check.flagged)
    let names = spec.network.shape.parameterNames
    let rows = names.indices.map { k in
      GradientCheckRow(
        name: names[k], numeric: String(check.numeric.values[k]), analytic: String(check.analytic.values[k]),
        relativeError: SafeText.scientific(errors[k], digits: 2) ?? "–", flagged: flagged.contains(k))
    }
    var caption = strings.format(
      checked.count < train.count ? .gradientCheckCaptionSample : .gradientCheckCaption,
      [
        "flagged": String(flagged.count), "count": String(names.count), "shown": SafeText.grouped(checked.count),
        "total": SafeText.grouped(train.count),
      ])
    if !flagged.isEmpty && settings.activation == .relu { caption += " " + strings[.gradientCheckKink] }
    return GradientCheckView(caption: caption, folded: rows.count > Self.openGradientCheckRows, rows: rows)
  }
}
