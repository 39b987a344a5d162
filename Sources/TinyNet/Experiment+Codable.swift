import Foundation
import SafeText

/// A value in an experiment file that cannot be used, with the path of its key.
public struct ExperimentError: Error, Equatable, CustomStringConvertible {
  /// The key's path, as `cases[2].learning_rate`; empty for the whole document.
  public var path: String
  public var message: String

  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

extension Experiment {
  /// The most training cases in one experiment.
  public static let maximumCases = 12

  /// Reads the table a `data.csv` key names (a path relative to the experiment file).
  public typealias TableLoader = @Sendable (_ path: String) throws -> PointTable

  /// Reads an experiment from JSON, refusing unknown keys and bad values with the key's path.
  ///
  /// `loadTable` reads the CSV file that `data.csv` names; without it, points must be given
  /// in `data.points` (as a snapshot holds them).
  public init(json data: Data, loadTable: TableLoader? = nil) throws(ExperimentError) {
    let decoder = JSONDecoder()
    if let loadTable { decoder.userInfo[TableLoaderBox.key] = TableLoaderBox(load: loadTable) }
    do {
      self = try decoder.decode(Experiment.self, from: data)
    } catch let error as DecodingError {
      throw ExperimentError(decoding: error)
    } catch {
      throw ExperimentError(path: "", message: "not valid JSON")
    }
  }

  /// The experiment as pretty-printed JSON with sorted keys.
  public func json() -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding plain values and finite numbers cannot fail.
    return (try? encoder.encode(self)) ?? Data()
  }
}

extension ExperimentError {
  /// The error for a decoding failure, with the path of the key that failed.
  public init(decoding error: DecodingError) {
    func path(_ codingPath: [any CodingKey]) -> String {
      codingPath.reduce(into: "") { text, key in
        if let index = key.intValue {
          text += "[\(index)]"
        } else {
          text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
        }
      }
    }
    switch error {
    case .typeMismatch(let type, let context):
      self.init(path: path(context.codingPath), message: "expected \(Self.describe(type))")
    case .valueNotFound(let type, let context):
      self.init(path: path(context.codingPath), message: "expected \(Self.describe(type)), found null")
    case .keyNotFound(let key, let context):
      self.init(path: path(context.codingPath + [key]), message: "is missing")
    case .dataCorrupted(let context):
      if context.codingPath.isEmpty, let underlying = context.underlyingError {
        let detail = (underlying as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        self.init(path: "", message: "not valid JSON" + (detail.map { " (\($0))" } ?? ""))
      } else {
        self.init(path: path(context.codingPath), message: context.debugDescription)
      }
    @unknown default:
      self.init(path: "", message: "cannot be read")
    }
  }

  private static func describe(_ type: Any.Type) -> String {
    switch type {
    case is Int.Type, is UInt32.Type: "an integer"
    case is Double.Type: "a number"
    case is Bool.Type: "true or false"
    case is String.Type: "a string"
    case is [Any].Type: "a list"
    default:
      String(describing: type).hasPrefix("Array") ? "a list" : "an object"
    }
  }
}

/// A JSON object key of any name, or a list index: the key of nnlab's strict file readers.
public struct JSONKey: CodingKey, ExpressibleByStringLiteral {
  public var stringValue: String
  public var intValue: Int?
  public init(stringValue: String) { self.stringValue = stringValue }
  public init(stringLiteral value: String) { self.stringValue = value }
  public init(intValue: Int) {
    self.stringValue = String(intValue)
    self.intValue = intValue
  }
}

extension KeyedDecodingContainer where Key == JSONKey {
  /// Throws for the first key (in sorted order) that is not in `allowed`.
  public func rejectUnknownKeys(_ allowed: [String]) throws {
    if let unknown = allKeys.map(\.stringValue).sorted().first(where: { !allowed.contains($0) }) {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: codingPath,
          debugDescription: "unknown key \(SafeText.quoted(unknown)) (allowed: \(allowed.joined(separator: ", ")))"))
    }
  }

  /// Throws for `key` when it is present: it does not apply where it was given.
  public func rejectKey(_ key: JSONKey, _ reason: String) throws {
    if contains(key) { throw refuse(key, reason) }
  }

  /// A string for `key` of 1 to `limit` Unicode scalars, not only white space.
  public func decodeText(_ key: JSONKey, limit: Int, allowEmpty: Bool = false, default fallback: String? = nil) throws
    -> String
  {
    let text = try fallback.map { try decode(key, default: $0) } ?? decode(String.self, forKey: key)
    let blank = text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    guard (allowEmpty || !blank), text.unicodeScalars.count <= limit else {
      throw refuse(key, allowEmpty ? "must be at most \(limit) characters" : "must be 1 to \(limit) characters, not only spaces")
    }
    return text
  }

  /// Throws a "bad value" error for `key` with `message`.
  public func refuse(_ key: JSONKey, _ message: String) -> DecodingError {
    DecodingError.dataCorrupted(.init(codingPath: codingPath + [key], debugDescription: message))
  }

  /// The value for `key`, or `fallback` when the key is absent.
  public func decode<T: Decodable>(_ key: JSONKey, default fallback: T) throws -> T {
    try decodeIfPresent(T.self, forKey: key) ?? fallback
  }

  /// A list of iterations for `key`, or nil when the key is absent: at most
  /// `Checkpoint.maximumRequested` increasing whole numbers from 0.
  func decodeCheckpoints(_ key: JSONKey) throws -> [Int]? {
    guard contains(key) else { return nil }
    let numbers = try decode([Double].self, forKey: key)
    let limit = Double(TrainingSettings.maximumIterations)
    guard numbers.allSatisfy({ $0.rounded() == $0 && (0...limit).contains($0) }) else {
      throw refuse(key, "must list whole numbers of iterations from 0 to \(TrainingSettings.maximumIterations)")
    }
    let iterations = numbers.map { Int($0) }
    guard !iterations.isEmpty, iterations.count <= Checkpoint.maximumRequested,
      zip(iterations, iterations.dropFirst()).allSatisfy({ $0 < $1 })
    else {
      throw refuse(key, "must list 1 to \(Checkpoint.maximumRequested) iterations in increasing order")
    }
    return iterations
  }

  /// A whole number for `key`, or `fallback` when the key is absent.
  ///
  /// Read as a number first: Foundation's decoder reports `2.5` for an integer as invalid
  /// JSON without naming the key.
  public func decodeInteger(_ key: JSONKey, default fallback: Int? = nil) throws -> Int {
    let found: Double?
    do {
      found = try decodeIfPresent(Double.self, forKey: key)
    } catch DecodingError.typeMismatch {
      throw refuse(key, "expected an integer")
    }
    guard let number = found else {
      if let fallback { return fallback }
      return try decode(Int.self, forKey: key)
    }
    guard number.rounded() == number else { throw refuse(key, "expected an integer, got \(number)") }
    guard abs(number) < 9.0e15 else {
      throw refuse(key, "expected an integer of magnitude below 9e15, got \(String(format: "%.0f", number))")
    }
    return Int(number)
  }

  /// One of the named choices of `T` for `key`, or `fallback` when the key is absent.
  public func decodeChoice<T: RawRepresentable & CaseIterable>(_ key: JSONKey, default fallback: T) throws
    -> T where T.RawValue == String
  {
    guard let text = try decodeIfPresent(String.self, forKey: key) else { return fallback }
    guard let value = T(rawValue: text) else {
      let allowed = T.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
      throw refuse(key, "must be one of \(allowed), got \(SafeText.quoted(text))")
    }
    return value
  }
}

extension Experiment: Codable {
  private static let keys = [
    "name", "title", "notes", "data", "network", "initial_network", "initial_parameters", "step",
    "cases", "histograms", "checkpoints", "sweep",
  ]

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: JSONKey.self)
    try container.rejectUnknownKeys(Self.keys)
    name = try container.decode(String.self, forKey: "name")
    guard Self.isValidName(name) else {
      throw container.refuse(
        "name",
        "must be 1 to 64 lowercase letters, digits, '-', '_' or '.', starting with a letter or digit (it names the output folder)")
    }
    title = try container.decodeText("title", limit: 200)
    notes = try container.decodeText("notes", limit: 5000, allowEmpty: true, default: "")
    data = try container.decodeData("data", default: DataSpec())
    let defaultNetwork = NetworkSpec(initSeed: data.seed)
    network = try container.decodeNetwork("network", defaults: defaultNetwork)
    initialParameters = try container.decodeParameters(
      "initial_parameters", shape: network.shape, default: network.initialParameters)
    initialNetwork = try container.decodeParameters(
      "initial_network", shape: network.shape, default: initialParameters)
    step = try container.decode("step", default: StepSpec(learningRate: 0.2))
    if container.contains("sweep") {
      try container.rejectKey("cases", "cannot be listed with a sweep: the sweep's combinations are the cases")
      try container.rejectKey("histograms", "cannot be named with a sweep: each case has its own page")
      let base = CaseSpec(
        name: "", settings: TrainingSettings(), data: data, network: network, initialParameters: initialParameters)
      let sweep = try container.decodeSweep("sweep")
      cases = try container.decodeSweepCases(
        "sweep", sweep: sweep, base: base, network: network, parameters: initialParameters)
      self.sweep = sweep
      histograms = []
    } else {
      cases = []
      var list = try container.nestedUnkeyedContainer(forKey: "cases")
      var names = Set<String>()
      while !list.isAtEnd {
        let entry = try list.nestedContainer(keyedBy: JSONKey.self)
        let spec = try entry.decodeCase(data: data, network: network, initialParameters: initialParameters)
        guard names.insert(spec.name).inserted else { throw entry.refuse("name", "repeats an earlier case's name") }
        cases.append(spec)
      }
      guard (1...Self.maximumCases).contains(cases.count) else {
        throw container.refuse("cases", "must list 1 to \(Self.maximumCases) cases (or a sweep, of up to \(Sweep.maximumCases))")
      }
      histograms = try container.decode("histograms", default: [])
      for name in histograms where !names.contains(name) {
        throw container.refuse("histograms", "\(SafeText.quoted(name)) is not the name of a case")
      }
      guard Set(histograms).count == histograms.count, histograms.count <= 4 else {
        throw container.refuse("histograms", "must name at most 4 different cases")
      }
      sweep = nil
    }
    checkpoints = try container.decodeCheckpoints("checkpoints")
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: JSONKey.self)
    try container.encode(name, forKey: "name")
    try container.encode(title, forKey: "title")
    try container.encode(notes, forKey: "notes")
    try container.encode(data, forKey: "data")
    try container.encodeNetwork(network, under: "network")
    try container.encode(initialNetwork, forKey: "initial_network")
    try container.encode(initialParameters, forKey: "initial_parameters")
    try container.encode(step, forKey: "step")
    try container.encodeIfPresent(checkpoints, forKey: "checkpoints")
    if let sweep {
      try container.encode(sweep, forKey: "sweep")
      return
    }
    var list = container.nestedUnkeyedContainer(forKey: "cases")
    for spec in cases {
      var entry = list.nestedContainer(keyedBy: JSONKey.self)
      try entry.encode(spec.name, forKey: "name")
      let settings = spec.settings
      try entry.encode(settings.activation, forKey: "activation")
      try entry.encode(settings.batchSize, forKey: "batch_size")
      try entry.encode(settings.epochs, forKey: "epochs")
      try entry.encode(settings.learningRate, forKey: "learning_rate")
      try entry.encode(settings.batchNorm, forKey: "batch_norm")
      try entry.encode(settings.gradient, forKey: "gradient")
      try entry.encode(settings.regularization.kind, forKey: "regularization")
      try entry.encode(settings.regularization.rate, forKey: "regularization_rate")
      try entry.encodeIfPresent(settings.recordEvery, forKey: "record_every")
      if spec.network != network { try entry.encodeNetworkKeys(spec.network) }
      if spec.data != data { try entry.encode(spec.data, forKey: "data") }
    }
    try container.encode(histograms, forKey: "histograms")
  }

  /// Whether `name` is safe as a folder name: `[a-z0-9][a-z0-9._-]{0,63}`.
  public static func isValidName(_ name: String) -> Bool {
    let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_.".unicodeScalars)
    guard let first = name.unicodeScalars.first, ("0"..."9").contains(first) || ("a"..."z").contains(first)
    else { return false }
    return name.unicodeScalars.count <= 64 && name.unicodeScalars.allSatisfy { allowed.contains($0) }
  }
}

/// The table loader handed to decoding through `userInfo`.
struct TableLoaderBox: @unchecked Sendable {
  static let key = CodingUserInfoKey(rawValue: "nnlab.tableLoader")!
  let load: Experiment.TableLoader
}

extension KeyedDecodingContainer where Key == JSONKey {
  /// The keys of a network: in the experiment's `network` object and in every case.
  static var networkKeys: [String] { ["hidden", "features", "init", "init_seed"] }

  /// The `network` object at `key`, each absent key taken from `defaults`.
  func decodeNetwork(_ key: JSONKey, defaults: NetworkSpec) throws -> NetworkSpec {
    guard contains(key) else { return defaults }
    let object = try nestedContainer(keyedBy: JSONKey.self, forKey: key)
    try object.rejectUnknownKeys(Self.networkKeys)
    return try object.decodeNetworkKeys(defaults: defaults)
  }

  /// The network keys of this object, each absent key taken from `defaults`.
  func decodeNetworkKeys(defaults: NetworkSpec) throws -> NetworkSpec {
    let hidden = try decode("hidden", default: defaults.shape.hidden)
    let features = try decodeIfPresent([String].self, forKey: "features").map { names in
      try names.map { name in
        guard let feature = Feature(rawValue: name) else {
          let allowed = Feature.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
          throw refuse("features", "must list features from \(allowed), got \(SafeText.quoted(name))")
        }
        return feature
      }
    } ?? defaults.shape.features
    let shape: NetworkShape
    do {
      shape = try NetworkShape(features: features, hidden: hidden)
    } catch {
      throw refuse(error.isAboutFeatures ? "features" : "hidden", error.description)
    }
    let seed = try decodeInteger("init_seed", default: Int(defaults.initSeed))
    guard let initSeed = UInt32(exactly: seed) else {
      throw refuse("init_seed", "must be 0 to 4294967295, got \(seed)")
    }
    return NetworkSpec(
      shape: shape, initialization: try decodeChoice("init", default: defaults.initialization),
      initSeed: initSeed)
  }

  /// Parameters of `shape` named in the object at `key`, or `fallback` when it is absent.
  func decodeParameters(_ key: JSONKey, shape: NetworkShape, default fallback: Parameters) throws -> Parameters {
    guard let named = try decodeIfPresent([String: Double].self, forKey: key) else { return fallback }
    do {
      return try Parameters(shape: shape, named: named)
    } catch {
      throw refuse(key, error.description)
    }
  }

  /// The data object at `key`, or `fallback` when it is absent.
  func decodeData(_ key: JSONKey, default fallback: DataSpec) throws -> DataSpec {
    try decodeIfPresent(DataSpec.self, forKey: key) ?? fallback
  }

  /// One case, its absent keys taken from the notebook's defaults and the experiment's
  /// `data` and `network`. A case that keeps the experiment's network starts from its
  /// `initialParameters`, any other from its own network's initialisation.
  func decodeCase(data experimentData: DataSpec, network experimentNetwork: NetworkSpec, initialParameters: Parameters)
    throws -> CaseSpec
  {
    try rejectUnknownKeys(
      ["name", "activation", "batch_size", "epochs", "learning_rate", "batch_norm", "gradient",
       "regularization", "regularization_rate", "record_every", "data"] + Self.networkKeys)
    let name = try decodeText("name", limit: 100)
    let data = try decodeData("data", default: experimentData)
    let defaults = TrainingSettings()
    let settings = TrainingSettings(
      activation: try decodeChoice("activation", default: defaults.activation),
      batchSize: try decodeInteger("batch_size", default: defaults.batchSize),
      epochs: try decodeInteger("epochs", default: defaults.epochs),
      learningRate: try decode("learning_rate", default: defaults.learningRate),
      batchNorm: try decode("batch_norm", default: defaults.batchNorm),
      gradient: try decodeChoice("gradient", default: defaults.gradient),
      regularization: Regularization(
        try decodeChoice("regularization", default: Regularization.Kind.none),
        rate: try decode("regularization_rate", default: 0)),
      recordEvery: contains("record_every") ? try decodeInteger("record_every") : nil)
    do {
      try settings.validate(observations: data.trainingPointCount)
    } catch {
      throw refuse(JSONKey(stringValue: error.jsonKey), error.description)
    }
    let network = try decodeNetworkKeys(defaults: experimentNetwork)
    return CaseSpec(
      name: name, settings: settings, data: data, network: network,
      initialParameters: network == experimentNetwork ? initialParameters : network.initialParameters)
  }
}

extension KeyedEncodingContainer where Key == JSONKey {
  /// Writes `network` as an object at `key`.
  mutating func encodeNetwork(_ network: NetworkSpec, under key: JSONKey) throws {
    var object = nestedContainer(keyedBy: JSONKey.self, forKey: key)
    try object.encodeNetworkKeys(network)
  }

  /// Writes `network`'s keys into this object.
  mutating func encodeNetworkKeys(_ network: NetworkSpec) throws {
    try encode(network.shape.hidden, forKey: "hidden")
    try encode(network.shape.features, forKey: "features")
    try encode(network.initialization, forKey: "init")
    try encode(network.initSeed, forKey: "init_seed")
  }
}

extension ShapeError {
  /// Whether the error is about the features rather than the hidden layers.
  var isAboutFeatures: Bool {
    switch self {
    case .noFeatures, .repeatedFeature: true
    case .tooManyLayers, .widthOutOfRange: false
    }
  }
}

extension DataSpec: Codable {
  private static let generatedKeys = ["set", "seed", "n_obs", "n_test", "noise"]
  private static let tableKeys = ["set", "seed", "csv", "test_fraction", "points"]

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: JSONKey.self)
    let fromTable = container.contains("csv") || container.contains("points")
    let kind = try container.decodeChoice("set", default: fromTable ? DataKind.csv : .parabola)
    try container.rejectUnknownKeys(Array(Set(Self.generatedKeys + Self.tableKeys)).sorted())
    let seed = try container.decodeInteger("seed", default: 317)
    guard let seed32 = UInt32(exactly: seed) else {
      throw container.refuse("seed", "must be 0 to 4294967295, got \(seed)")
    }
    if kind == .csv {
      for key in ["n_obs", "n_test", "noise"] {
        try container.rejectKey(JSONKey(stringValue: key), "does not apply to points from a file")
      }
      let table = try container.decodeTable(userInfo: decoder.userInfo)
      self.init(seed: seed32, table: table, testFraction: try container.decode("test_fraction", default: 0.5))
    } else {
      for key in ["csv", "points", "test_fraction"] {
        try container.rejectKey(JSONKey(stringValue: key), "applies only to the data set 'csv'")
      }
      let trainCount = try container.decodeInteger("n_obs", default: 100)
      self.init(
        kind: kind, seed: seed32, trainCount: trainCount,
        testCount: try container.decodeInteger("n_test", default: trainCount),
        noise: try container.decode("noise", default: 0))
    }
    do {
      try validate()
    } catch {
      throw container.refuse(JSONKey(stringValue: error.jsonKey), error.description)
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: JSONKey.self)
    try container.encode(kind, forKey: "set")
    try container.encode(seed, forKey: "seed")
    if let table {
      try container.encode(table.source, forKey: "csv")
      if !table.hasSubsets { try container.encode(testFraction, forKey: "test_fraction") }
      if let rows = encoder.userInfo[PointTable.JSONRows.key] as? PointTable.JSONRows {
        return try container.encode(rows.placeholder(for: table), forKey: "points")
      }
      var rows = container.nestedUnkeyedContainer(forKey: "points")
      for row in table.rows {
        var entry = rows.nestedUnkeyedContainer()
        try entry.encode(row.x1)
        try entry.encode(row.x2)
        try entry.encode(row.label)
        if let subset = row.subset { try entry.encode(subset) }
      }
    } else {
      try container.encode(trainCount, forKey: "n_obs")
      try container.encode(testCount, forKey: "n_test")
      try container.encode(noise, forKey: "noise")
    }
  }
}

extension KeyedDecodingContainer where Key == JSONKey {
  /// The rows given in `points`, or else read from the file `csv` names.
  func decodeTable(userInfo: [CodingUserInfoKey: Any]) throws -> PointTable {
    let source = try decodeIfPresent(String.self, forKey: "csv")
    if contains("points") {
      var list = try nestedUnkeyedContainer(forKey: "points")
      var rows: [PointTable.Row] = []
      while !list.isAtEnd {
        guard rows.count < PointTable.maximumRows else {
          throw refuse("points", "holds more than \(PointTable.maximumRows) rows")
        }
        var entry = try list.nestedUnkeyedContainer()
        let row = PointTable.Row(
          x1: try entry.decode(Double.self), x2: try entry.decode(Double.self),
          label: try entry.decode(Int.self),
          subset: entry.isAtEnd ? nil : try entry.decode(PointTable.Subset.self))
        let consistent = rows.first.map { ($0.subset == nil) == (row.subset == nil) } ?? true
        guard entry.isAtEnd, row.isValid, consistent else {
          throw refuse(
            "points",
            "row \(rows.count + 1) must be [x1, x2, label] or [x1, x2, label, set] like every other row, with finite coordinates of magnitude at most \(PointTable.maximumCoordinateText), label 0 or 1 and set 'train' or 'test'")
        }
        rows.append(row)
      }
      return PointTable(source: source ?? "points", rows: rows)
    }
    guard let source else { throw refuse("csv", "names no file") }
    guard let box = userInfo[TableLoaderBox.key] as? TableLoaderBox else {
      throw refuse("csv", "the points of \(SafeText.quoted(source)) are not in this file")
    }
    do {
      return try box.load(source)
    } catch {
      throw refuse("csv", String(describing: error))
    }
  }
}

extension StepSpec: Codable {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: JSONKey.self)
    try container.rejectUnknownKeys(["learning_rate", "activation", "gradient"])
    learningRate = try container.decode(Double.self, forKey: "learning_rate")
    guard learningRate.isFinite, learningRate > 0 else {
      throw container.refuse("learning_rate", "must be a finite number greater than 0, got \(learningRate)")
    }
    activation = try container.decodeChoice("activation", default: .relu)
    gradient = try container.decodeChoice("gradient", default: .numeric)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: JSONKey.self)
    try container.encode(learningRate, forKey: "learning_rate")
    try container.encode(activation, forKey: "activation")
    try container.encode(gradient, forKey: "gradient")
  }
}
