import Foundation

/// The numpy oracle's answer for one training configuration (non-finite values as nil).
public struct OracleTraining: Decodable, Sendable {
  public var iterations: Int
  public var lossTrain: [Double?]
  public var lossTest: [Double?]
  public var params: [String: Double?]
  /// What the report draws over time, when the configuration asked for it.
  public var dynamics: OracleDynamics?
  /// How often losses were recorded, when not after every update.
  public var recordEvery: Int?

  enum CodingKeys: String, CodingKey {
    case iterations
    case lossTrain = "loss_train"
    case lossTest = "loss_test"
    case params, dynamics
    case recordEvery = "record_every"
  }
}

/// The oracle's curves, checkpoints, unit histograms, confusion matrices and gradient
/// check for one configuration (`seed_reference.train(..., dynamics=True)`).
public struct OracleDynamics: Decodable, Sendable {
  public struct Checkpoint: Decodable, Sendable {
    public var iteration: Int
    public var params: [String: Double]
  }

  public var accuracyTrain: [Double]
  public var accuracyTest: [Double]
  public var gradientNorm: [[Double]]
  public var updateRatio: [[Double]]
  public var checkpoints: [Checkpoint]
  /// Per hidden unit, layer by layer: its counts in 20 shared bins at every checkpoint.
  public var unitHistograms: [[[Int]]]
  public var confusionTrain: [[Int]]
  public var confusionTest: [[Int]]
  /// The numeric gradient of the full training set at the initial parameters, in
  /// parameter order.
  public var gradientCheckNumeric: [Double]

  enum CodingKeys: String, CodingKey {
    case accuracyTrain = "accuracy_train"
    case accuracyTest = "accuracy_test"
    case gradientNorm = "gradient_norm"
    case updateRatio = "update_ratio"
    case checkpoints
    case unitHistograms = "unit_histograms"
    case confusionTrain = "confusion_train"
    case confusionTest = "confusion_test"
    case gradientCheckNumeric = "gradient_check_numeric"
  }
}

/// One configuration as `reference/seed_reference.py` names its arguments; nil keys take
/// the oracle's defaults (the seed lab's).
public struct OracleConfiguration: Encodable, Sendable, CustomStringConvertible {
  public var seed: Int
  public var nObs: Int
  public var activation: String
  public var batchSize: Int
  public var epochs: Int
  public var learningRate: Double
  public var batchNorm: Bool
  public var data: String?
  public var noise: Double?
  public var nTest: Int?
  public var hidden: [Int]?
  public var features: [String]?
  public var regularization: String?
  public var regularizationRate: Double?
  public var initialization: String?
  public var initSeed: Int?
  /// Whether the oracle also records what the report draws over time.
  public var dynamics: Bool?
  /// The checkpoints asked for (nil: the default plan).
  public var checkpoints: [Int]?
  /// Record every k-th update (nil: the default, every update on sets of up to 10,000).
  public var recordEvery: Int?

  public init(
    seed: Int = 317, nObs: Int = 100, activation: String = "relu", batchSize: Int = 1,
    epochs: Int = 1, learningRate: Double = 0.01, batchNorm: Bool = false, data: String? = nil,
    noise: Double? = nil, nTest: Int? = nil, hidden: [Int]? = nil, features: [String]? = nil,
    regularization: String? = nil, regularizationRate: Double? = nil, initialization: String? = nil,
    initSeed: Int? = nil, dynamics: Bool? = nil, checkpoints: [Int]? = nil, recordEvery: Int? = nil
  ) {
    self.seed = seed
    self.nObs = nObs
    self.activation = activation
    self.batchSize = batchSize
    self.epochs = epochs
    self.learningRate = learningRate
    self.batchNorm = batchNorm
    self.data = data
    self.noise = noise
    self.nTest = nTest
    self.hidden = hidden
    self.features = features
    self.regularization = regularization
    self.regularizationRate = regularizationRate
    self.initialization = initialization
    self.initSeed = initSeed
    self.dynamics = dynamics
    self.checkpoints = checkpoints
    self.recordEvery = recordEvery
  }

  enum CodingKeys: String, CodingKey {
    case seed
    case nObs = "n_obs"
    case activation
    case batchSize = "batch_size"
    case epochs
    case learningRate = "learning_rate"
    case batchNorm = "batch_norm"
    case data, noise
    case nTest = "n_test"
    case hidden, features, regularization
    case regularizationRate = "regularization_rate"
    case initialization = "init"
    case initSeed = "init_seed"
    case dynamics, checkpoints
    case recordEvery = "record_every"
  }

  public var description: String {
    var text = "seed \(seed) n \(nObs) \(activation) batch \(batchSize) epochs \(epochs) lr \(learningRate)\(batchNorm ? " bn" : "")"
    if let data { text += " \(data)\(noise.map { " noise \($0)" } ?? "")" }
    if let hidden { text += " hidden \(hidden)" }
    if let features { text += " features \(features.joined(separator: ","))" }
    if let regularization { text += " \(regularization) \(regularizationRate ?? 0)" }
    if let initialization { text += " init \(initialization)\(initSeed.map { " \($0)" } ?? "")" }
    if let recordEvery { text += " record every \(recordEvery)" }
    return text
  }
}

/// Runs the numpy oracle on every configuration in one Python process.
public func runOracle(_ configurations: [OracleConfiguration]) throws -> [OracleTraining] {
  try runOracleScript("run_configurations.py", configurations)
}

/// One data set as the oracle draws it: `[x1, x2, class]` rows.
public struct OracleDataSet: Decodable, Sendable {
  public var train: [[Double]]
  public var test: [[Double]]
}

/// What `reference/run_data_sets.py` needs to draw a data set.
public struct OracleDataConfiguration: Encodable, Sendable, CustomStringConvertible {
  public var data: String
  public var seed: Int
  public var nObs: Int
  public var nTest: Int
  public var noise: Double

  public init(data: String, seed: Int, nObs: Int, nTest: Int, noise: Double) {
    self.data = data
    self.seed = seed
    self.nObs = nObs
    self.nTest = nTest
    self.noise = noise
  }

  enum CodingKeys: String, CodingKey {
    case data, seed, noise
    case nObs = "n_obs"
    case nTest = "n_test"
  }

  public var description: String { "\(data) seed \(seed) n \(nObs)/\(nTest) noise \(noise)" }
}

/// Draws every data set with the numpy oracle in one Python process.
public func runOracle(_ configurations: [OracleDataConfiguration]) throws -> [OracleDataSet] {
  try runOracleScript("run_data_sets.py", configurations)
}

private func runOracleScript<Input: Encodable, Output: Decodable>(_ script: String, _ input: [Input]) throws -> [Output] {
  let encoder = JSONEncoder()
  let text = String(decoding: try encoder.encode(input), as: UTF8.self)
  let path = Repository.root.appendingPathComponent("reference/\(script)").path
  let output = try runPython([path], stdin: text)
  guard output.status == 0 else {
    throw OracleFailure(message: "oracle exited with \(output.status): \(output.stderr)")
  }
  return try JSONDecoder().decode([Output].self, from: Data(output.stdout.utf8))
}

public struct OracleFailure: Error, CustomStringConvertible {
  public var message: String
  public var description: String { message }
}
