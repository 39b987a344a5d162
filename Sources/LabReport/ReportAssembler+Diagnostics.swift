import NetworkDiagram
import SafeText
import TinyNet

extension ReportAssembler {
  /// The most parameters a gradient check shows open; a longer table is folded.
  static let openGradientCheckRows = 24

  /// A case's diagnostics: its dead units (with ReLU), its confusion matrices on the
  /// training and test sets, and the gradient check at its initial parameters.
  func diagnostics(_ index: Int) -> DiagnosticsView {
    let spec = experiment.cases[index]
    let result = results.cases[index]
    let data = results.caseData[index]
    let options = spec.settings.options
    let shape = spec.network.shape
    let traces = [data.train, data.test].map {
      ForwardTrace(points: $0, parameters: result.parameters, options: options)
    }
    var deadLine: String?
    if options.activation == .relu, !shape.hidden.isEmpty {
      let dead = traces[0].deadUnits
      deadLine = dead.isEmpty
        ? strings[.deadUnitsNone]
        : strings.format(
          .deadUnits,
          ["units": dead.map { NetworkDiagram.unitName("z", layer: $0.layer, unit: $0.unit, shape: shape) }
            .joined(separator: ", ")])
    }
    let confusion = zip([data.train, data.test], traces).enumerated().map { position, pair in
      confusionTable(
        ConfusionMatrix(labels: pair.0.y, predicted: pair.1.ypred),
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

  /// Numeric against analytic gradient of the whole training set's objective at the case's
  /// initial parameters, each value in full precision.
  private func gradientCheckTable(_ index: Int) -> GradientCheckView {
    let spec = experiment.cases[index]
    let settings = spec.settings
    let check = GradientCheck(
      parameters: spec.initialParameters, points: results.caseData[index].train, options: settings.options,
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
      .gradientCheckCaption, ["flagged": String(flagged.count), "count": String(names.count)])
    if !flagged.isEmpty && settings.activation == .relu { caption += " " + strings[.gradientCheckKink] }
    return GradientCheckView(caption: caption, folded: rows.count > Self.openGradientCheckRows, rows: rows)
  }
}
