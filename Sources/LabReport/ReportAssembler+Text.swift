import SafeText
import TinyNet

extension ReportAssembler {
  /// What the data set of `data`, drawn as `points`, is and how it was drawn.
  func dataText(_ data: DataSpec, _ points: Dataset) -> String {
    let (key, noise): (ReportStrings.Key, ReportStrings.Key?) =
      switch data.kind {
      case .parabola: (.dataTextParabola, nil)
      case .circle: (.dataTextCircle, .dataNoiseCircle)
      case .xor: (.dataTextXor, .dataNoiseXor)
      case .gauss: (.dataTextGauss, .dataNoiseGauss)
      case .spiral: (.dataTextSpiral, .dataNoiseSpiral)
      case .csv: (data.table?.hasSubsets == true ? .dataTextCSVSets : .dataTextCSV, nil)
      }
    let values = [
      "seed": String(data.seed), "noise": String(data.noise), "file": data.table?.source ?? "",
      "n": String(points.train.count), "n_test": String(points.test.count), "fraction": String(data.testFraction),
    ]
    let sentences = [strings.format(key, values)] + (data.noise > 0 ? noise.map { [strings.format($0, values)] } ?? [] : [])
    return sentences.joined(separator: " ")
  }

  /// The data set in a few words, for the summary.
  func dataDescription(_ data: DataSpec, _ points: Dataset) -> String {
    let values = [
      "set": data.kind.rawValue, "seed": String(data.seed), "file": SafeText.quoted(data.table?.source ?? ""),
      "noise": data.noise == 0 ? "" : strings.format(.dataDescriptionNoise, ["noise": String(data.noise)]),
      "n": String(points.train.count), "n_test": String(points.test.count),
    ]
    return strings.format(data.kind == .csv ? .dataDescriptionCSV : .dataDescription, values)
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

  func settingsLine(_ spec: CaseSpec, iterations: Int, observations: Int) -> String {
    let settings = spec.settings
    return strings.format(
      .settingsLine,
      [
        "iterations": String(iterations), "network": spec.network.shape.description,
        "features": spec.network.shape.features.map(\.symbol).joined(separator: ", "),
        "activation": activationText(settings.options, shape: spec.network.shape),
        "learning_rate": String(settings.learningRate),
        "batch_size": String(settings.effectiveBatchSize(observations: observations)),
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

  /// The hidden layers' activation (with ` + BN` under batch normalisation), or a word for
  /// none when the network has no hidden layer.
  func activationText(_ options: NetworkOptions, shape: NetworkShape) -> String {
    shape.hidden.isEmpty
      ? strings[.noHiddenActivation] : options.activation.rawValue + (options.batchNorm ? " + BN" : "")
  }

  /// The data set in a few characters, for the summary table: `xor 317`, `circle 317 (0.1)`,
  /// or the file's name.
  func dataShort(_ data: DataSpec) -> String {
    guard data.kind != .csv else { return SafeText.printable(data.table?.source ?? "", limit: 24, truncation: .middle) }
    return "\(data.kind.rawValue) \(data.seed)" + (data.noise == 0 ? "" : " (\(data.noise))")
  }

  /// The penalty in a few characters, for the summary table: `–`, `L1 0.01`, `L2 0.001`.
  func regularizationShort(_ regularization: Regularization) -> String {
    switch regularization.kind {
    case .none: "–"
    case .l1: "L1 \(regularization.rate)"
    case .l2: "L2 \(regularization.rate)"
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
