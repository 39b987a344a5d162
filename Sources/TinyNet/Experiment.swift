/// A lab: the data, the parameters to start from, the single update to show, and the
/// training cases to run and compare. The seed notebook is `Experiment.seedLab`.
public struct Experiment: Sendable, Equatable {
  /// A short name, also the default output folder `output/<name>`: lowercase letters,
  /// digits, `-`, `_` and `.`, starting with a letter or digit, at most 64 characters.
  public var name: String
  /// The report's title.
  public var title: String
  /// Free text shown under the title; may be empty.
  public var notes: String
  public var data: DataSpec
  /// The parameters of the first diagram and boundary (the notebook's cell 10).
  public var initialNetwork: Parameters
  /// Where the single update and every case start (the notebook's cell 13).
  public var initialParameters: Parameters
  public var step: StepSpec
  public var cases: [CaseSpec]
  /// Names of the cases whose hidden outputs are shown as histograms, side by side.
  public var histograms: [String]

  public init(
    name: String, title: String, notes: String = "", data: DataSpec, initialNetwork: Parameters,
    initialParameters: Parameters, step: StepSpec, cases: [CaseSpec], histograms: [String]
  ) {
    self.name = name
    self.title = title
    self.notes = notes
    self.data = data
    self.initialNetwork = initialNetwork
    self.initialParameters = initialParameters
    self.step = step
    self.cases = cases
    self.histograms = histograms
  }

  /// The data set of this experiment.
  public var dataset: Dataset { Dataset(seed: data.seed, count: data.nObs) }
}

/// The notebook's data set: `np.random.seed(seed)` and `n_obs` points of each kind.
public struct DataSpec: Sendable, Equatable {
  public var seed: UInt32
  public var nObs: Int

  public init(seed: UInt32, nObs: Int) {
    self.seed = seed
    self.nObs = nObs
  }
}

/// The single SGD update of the notebook's step-by-step cell.
public struct StepSpec: Sendable, Equatable {
  public var learningRate: Double
  public var activation: Activation
  public var gradient: GradientMethod

  public init(learningRate: Double, activation: Activation = .relu, gradient: GradientMethod = .numeric) {
    self.learningRate = learningRate
    self.activation = activation
    self.gradient = gradient
  }
}

/// One named training case: an `execute_ann` call.
public struct CaseSpec: Sendable, Equatable {
  public var name: String
  public var settings: TrainingSettings

  public init(name: String, settings: TrainingSettings) {
    self.name = name
    self.settings = settings
  }
}

extension Experiment {
  /// The seed notebook's lab: data seed 317, the first diagram with `w31=0.8, w32=0.5`, the
  /// single update at learning rate 0.2, the four `execute_ann` cases, and the batch
  /// normalisation comparison of cases 3 and 4.
  public static let seedLab = Experiment(
    name: "seed-lab",
    title: "How a tiny neural network learns",
    notes: "",
    data: DataSpec(seed: 317, nObs: 100),
    initialNetwork: .notebookFirstDiagram,
    initialParameters: .notebookInitial,
    step: StepSpec(learningRate: 0.2),
    cases: [
      CaseSpec(name: "Case 1: SGD, learning rate 0.01", settings: TrainingSettings(epochs: 10)),
      CaseSpec(name: "Case 2: SGD, learning rate 0.3", settings: TrainingSettings(epochs: 10, learningRate: 0.3)),
      CaseSpec(
        name: "Case 3: mini-batch of 20",
        settings: TrainingSettings(batchSize: 20, epochs: 200, learningRate: 0.1)),
      CaseSpec(
        name: "Case 4: mini-batch of 20 with batch normalisation",
        settings: TrainingSettings(batchSize: 20, epochs: 200, learningRate: 0.1, batchNorm: true)),
    ],
    histograms: [
      "Case 3: mini-batch of 20", "Case 4: mini-batch of 20 with batch normalisation",
    ])
}
