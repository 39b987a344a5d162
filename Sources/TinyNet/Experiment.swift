/// A lab: the data, the network and the parameters it starts from, the single update to
/// show, and the training cases to run and compare. The seed notebook is
/// `Experiment.seedLab`.
public struct Experiment: Sendable, Equatable {
  /// A short name, also the default output folder `output/<name>`: lowercase letters,
  /// digits, `-`, `_` and `.`, starting with a letter or digit, at most 64 characters.
  public var name: String
  /// The report's title.
  public var title: String
  /// Free text shown under the title; may be empty.
  public var notes: String
  /// The data of the sections before training, and every case's unless it says otherwise.
  public var data: DataSpec
  /// The network of the sections before training, and every case's unless it says otherwise.
  public var network: NetworkSpec
  /// The parameters of the first diagram and boundary (the notebook's cell 10).
  public var initialNetwork: Parameters
  /// Where the single update and every case of `network`'s shape start (the notebook's
  /// cell 13).
  public var initialParameters: Parameters
  public var step: StepSpec
  /// The training cases: the file's own list, or every combination of `sweep`.
  public var cases: [CaseSpec]
  /// The grid of settings the cases were expanded from, or nil when the file lists them.
  public var sweep: Sweep?
  /// Names of the cases whose hidden outputs are shown as histograms, side by side.
  public var histograms: [String]
  /// The iterations whose parameters every case keeps (see
  /// `Checkpoint.iterations(requested:total:)`); nil for the default plan.
  public var checkpoints: [Int]?

  public init(
    name: String, title: String, notes: String = "", data: DataSpec, network: NetworkSpec,
    initialNetwork: Parameters, initialParameters: Parameters, step: StepSpec, cases: [CaseSpec],
    histograms: [String], checkpoints: [Int]? = nil, sweep: Sweep? = nil
  ) {
    self.name = name
    self.title = title
    self.notes = notes
    self.data = data
    self.network = network
    self.initialNetwork = initialNetwork
    self.initialParameters = initialParameters
    self.step = step
    self.cases = cases
    self.histograms = histograms
    self.checkpoints = checkpoints
    self.sweep = sweep
  }

  /// The data set of this experiment.
  public var dataset: Dataset { data.dataset }

  /// The different data specifications of the experiment and its cases, the experiment's
  /// first, each once, in the order cases name them.
  public var dataSpecs: [DataSpec] {
    cases.reduce(into: [data]) { specs, spec in
      if !specs.contains(spec.data) { specs.append(spec.data) }
    }
  }
}

/// A network's shape and how its starting parameters are chosen.
public struct NetworkSpec: Sendable, Hashable {
  public var shape: NetworkShape
  public var initialization: Initialization
  /// The seed of the stream that draws random initial weights.
  public var initSeed: UInt32

  public init(shape: NetworkShape = .notebook, initialization: Initialization = .notebook, initSeed: UInt32) {
    self.shape = shape
    self.initialization = initialization
    self.initSeed = initSeed
  }

  /// The parameters this initialisation gives (see `Parameters.initial`).
  public var initialParameters: Parameters {
    .initial(shape: shape, method: initialization, seed: initSeed)
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

/// One named training case: an `execute_ann` call on a network and a data set.
public struct CaseSpec: Sendable, Equatable {
  public var name: String
  public var settings: TrainingSettings
  /// The points it learns from: the experiment's unless the case names its own.
  public var data: DataSpec
  public var network: NetworkSpec
  /// Where this case starts: the experiment's initial parameters when the case keeps the
  /// experiment's network, else its own network's initialisation.
  public var initialParameters: Parameters

  public init(
    name: String, settings: TrainingSettings, data: DataSpec, network: NetworkSpec, initialParameters: Parameters
  ) {
    self.name = name
    self.settings = settings
    self.data = data
    self.network = network
    self.initialParameters = initialParameters
  }
}

extension Experiment {
  /// The seed notebook's lab: data seed 317, the first diagram with `w31=0.8, w32=0.5`, the
  /// single update at learning rate 0.2, the four `execute_ann` cases, and the batch
  /// normalisation comparison of cases 3 and 4.
  public static let seedLab: Experiment = {
    let network = NetworkSpec(initSeed: 317)
    let data = DataSpec(seed: 317, trainCount: 100)
    func spec(_ name: String, _ settings: TrainingSettings) -> CaseSpec {
      CaseSpec(name: name, settings: settings, data: data, network: network, initialParameters: .notebookInitial)
    }
    return Experiment(
      name: "seed-lab",
      title: "How a tiny neural network learns",
      notes: "",
      data: data,
      network: network,
      initialNetwork: .notebookFirstDiagram,
      initialParameters: .notebookInitial,
      step: StepSpec(learningRate: 0.2),
      cases: [
        spec("Case 1: SGD, learning rate 0.01", TrainingSettings(epochs: 10)),
        spec("Case 2: SGD, learning rate 0.3", TrainingSettings(epochs: 10, learningRate: 0.3)),
        spec("Case 3: mini-batch of 20", TrainingSettings(batchSize: 20, epochs: 200, learningRate: 0.1)),
        spec(
          "Case 4: mini-batch of 20 with batch normalisation",
          TrainingSettings(batchSize: 20, epochs: 200, learningRate: 0.1, batchNorm: true)),
      ],
      histograms: ["Case 3: mini-batch of 20", "Case 4: mini-batch of 20 with batch normalisation"])
  }()
}
