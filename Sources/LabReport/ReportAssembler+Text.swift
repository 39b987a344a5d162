import SafeText
import TinyNet

extension ReportAssembler {
  /// What the data set is and how it was drawn.
  func dataText() -> String {
    let data = experiment.data
    let key: ReportStrings.Key =
      switch data.kind {
      case .parabola: .dataTextParabola
      case .circle: .dataTextCircle
      case .xor: .dataTextXor
      case .gauss: .dataTextGauss
      case .spiral: .dataTextSpiral
      case .csv: data.table?.hasSubsets == true ? .dataTextCSVSets : .dataTextCSV
      }
    return strings.format(
      key,
      [
        "seed": String(data.seed), "noise": String(data.noise), "file": data.table?.source ?? "",
        "n": String(results.data.train.count), "n_test": String(results.data.test.count),
        "fraction": String(data.testFraction),
      ])
  }

  /// The data set in a few words, for the summary.
  func dataDescription() -> String {
    let data = experiment.data
    let name = strings[.dataName] + " " + data.kind.rawValue
    let source = data.kind == .csv ? SafeText.quoted(data.table?.source ?? "") : "seed \(data.seed)"
    let noise = data.noise == 0 ? "" : ", noise \(data.noise)"
    return "\(name) (\(source)\(noise)), \(results.data.train.count) + \(results.data.test.count)"
  }

  /// The network before training: its shape, where its parameters come from.
  func initialText() -> String {
    let network = experiment.network
    let shape = network.shape
    let activation = experiment.step.activation.rawValue
    let widths = shape.hidden.map(String.init).joined(separator: ", ")
    let hidden =
      shape.hidden.isEmpty
      ? strings[.hiddenNone]
      : strings.format(
        shape.hidden.count == 1 ? .hiddenOne : .hiddenMany,
        ["count": String(shape.hidden.count), "widths": widths, "activation": activation])
    let parameters = experiment.initialNetwork
    let source: ReportStrings.Key =
      if parameters == .notebookFirstDiagram {
        .initialSourceFirstDiagram
      } else if parameters == .notebookInitial {
        .initialSourceNotebook
      } else if parameters == .random(shape: shape, seed: network.initSeed) {
        .initialSourceRandom
      } else {
        .initialSourceGiven
      }
    return strings.format(
      .initialText,
      [
        "shape": shape.description, "inputs": shape.features.map(\.symbol).joined(separator: ", "),
        "hidden": hidden, "source": strings.format(source, ["seed": String(network.initSeed)]),
      ])
  }

  func updateText() -> String {
    let step = snapshot.step
    return strings.format(
      .updateText,
      [
        "seed": String(experiment.data.seed), "index": String(step.index),
        "x1": fixed(step.x[0], 4), "x2": fixed(step.x[1], 4), "y": String(step.y),
        "method": strings[experiment.step.gradient == .numeric ? .methodNumeric : .methodAnalytic],
        "learning_rate": String(experiment.step.learningRate),
      ])
  }

  func settingsLine(_ spec: CaseSpec, iterations: Int) -> String {
    let settings = spec.settings
    return strings.format(
      .settingsLine,
      [
        "iterations": String(iterations), "network": spec.network.shape.description,
        "features": spec.network.shape.features.map(\.symbol).joined(separator: ", "),
        "activation": settings.activation.rawValue, "learning_rate": String(settings.learningRate),
        "batch_size": String(settings.effectiveBatchSize(observations: results.data.train.count)),
        "epochs": String(settings.epochs), "batch_norm": strings[settings.batchNorm ? .on : .off],
        "regularization": regularizationText(settings.regularization),
        "method": strings[settings.gradient == .numeric ? .numeric : .analytic],
      ])
  }

  func regularizationText(_ regularization: Regularization) -> String {
    switch regularization.kind {
    case .none: strings[.regularizationNone]
    case .l1: strings.format(.regularizationL1, ["rate": String(regularization.rate)])
    case .l2: strings.format(.regularizationL2, ["rate": String(regularization.rate)])
    }
  }

  /// Every bias of `parameters`, as the notebook printed them.
  func biases(_ parameters: Parameters) -> String {
    let biases = parameters.named.enumerated().filter { !parameters.shape.roles[$0.offset].isWeight }
    return strings[.biases] + ": "
      + biases.map { "\($0.element.name) = \(fixed($0.element.value, 3))" }.joined(separator: " / ")
  }
}

/// `value` with `digits` decimals (`SafeText.fixed`, as C's `printf` rounds), or Swift's
/// own text (`nan`, `inf`, `1e+16`) for what a fixed-point number cannot show.
func fixed(_ value: Double, _ digits: Int) -> String {
  SafeText.fixed(value, decimals: digits) ?? "\(value)"
}

/// A share as a whole percentage.
func percent(_ share: Double) -> String { fixed(share * 100, 0) + "%" }
