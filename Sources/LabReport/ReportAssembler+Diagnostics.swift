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
    var deadLine: String?
    if options.activation == .relu, !shape.hidden.isEmpty {
      let dead = deadUnits(index)
      deadLine = dead.isEmpty
        ? strings[.deadUnitsNone]
        : strings.format(
          .deadUnits,
          ["units": dead.map { NetworkDiagram.unitName("z", layer: $0.layer, unit: $0.unit, shape: shape) }
            .joined(separator: ", ")])
    }
    let confusion = [(data.train, strings[.trainingSet]), (data.test, strings[.testSet])].map { points, set in
      let trace = ForwardTrace(points: points, parameters: result.parameters, options: options)
      return confusionTable(ConfusionMatrix(labels: points.y, predicted: trace.ypred), set: set)
    }
    return DiagnosticsView(
      deadUnits: deadLine, confusion: confusion, gradientCheck: gradientCheckTable(index))
  }

  /// The hidden units of case `index` whose output is 0 for every training point at the
  /// end of training.
  func deadUnits(_ index: Int) -> [(layer: Int, unit: Int)] {
    let spec = experiment.cases[index]
    return ForwardTrace(
      points: results.caseData[index].train, parameters: results.cases[index].parameters,
      options: spec.settings.options
    ).deadUnits
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
