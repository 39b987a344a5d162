import Foundation

/// The numpy oracle's answer for one training configuration (non-finite values as nil).
public struct OracleTraining: Decodable, Sendable {
  public var iterations: Int
  public var lossTrain: [Double?]
  public var lossTest: [Double?]
  public var params: [String: Double?]

  enum CodingKeys: String, CodingKey {
    case iterations
    case lossTrain = "loss_train"
    case lossTest = "loss_test"
    case params
  }
}

/// One configuration as `reference/seed_reference.py` names its arguments.
public struct OracleConfiguration: Encodable, Sendable, CustomStringConvertible {
  public var seed: Int
  public var nObs: Int
  public var activation: String
  public var batchSize: Int
  public var epochs: Int
  public var learningRate: Double
  public var batchNorm: Bool

  public init(
    seed: Int = 317, nObs: Int = 100, activation: String = "relu", batchSize: Int = 1,
    epochs: Int = 1, learningRate: Double = 0.01, batchNorm: Bool = false
  ) {
    self.seed = seed
    self.nObs = nObs
    self.activation = activation
    self.batchSize = batchSize
    self.epochs = epochs
    self.learningRate = learningRate
    self.batchNorm = batchNorm
  }

  enum CodingKeys: String, CodingKey {
    case seed
    case nObs = "n_obs"
    case activation
    case batchSize = "batch_size"
    case epochs
    case learningRate = "learning_rate"
    case batchNorm = "batch_norm"
  }

  public var description: String {
    "seed \(seed) n \(nObs) \(activation) batch \(batchSize) epochs \(epochs) lr \(learningRate)\(batchNorm ? " bn" : "")"
  }
}

/// Runs the numpy oracle on every configuration in one Python process.
public func runOracle(_ configurations: [OracleConfiguration]) throws -> [OracleTraining] {
  let input = String(decoding: try JSONEncoder().encode(configurations), as: UTF8.self)
  let script = Repository.root.appendingPathComponent("reference/run_configurations.py").path
  let output = try runPython([script], stdin: input)
  guard output.status == 0 else {
    throw OracleFailure(message: "oracle exited with \(output.status): \(output.stderr)")
  }
  return try JSONDecoder().decode([OracleTraining].self, from: Data(output.stdout.utf8))
}

public struct OracleFailure: Error, CustomStringConvertible {
  public var message: String
  public var description: String { message }
}
