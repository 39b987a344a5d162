import Foundation

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
  /// The most points an experiment may use: every point is drawn in the report.
  public static let maximumObservations = 10_000
  /// The most training cases in one experiment.
  public static let maximumCases = 12

  /// Reads an experiment from JSON, refusing unknown keys and bad values with the key's path.
  public init(json data: Data) throws(ExperimentError) {
    do {
      self = try JSONDecoder().decode(Experiment.self, from: data)
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

/// A JSON object key of any name, or a list index.
struct JSONKey: CodingKey, ExpressibleByStringLiteral {
  var stringValue: String
  var intValue: Int?
  init(stringValue: String) { self.stringValue = stringValue }
  init(stringLiteral value: String) { self.stringValue = value }
  init(intValue: Int) {
    self.stringValue = String(intValue)
    self.intValue = intValue
  }
}

extension KeyedDecodingContainer where Key == JSONKey {
  /// Throws for the first key (in sorted order) that is not in `allowed`.
  func rejectUnknownKeys(_ allowed: [String]) throws {
    if let unknown = allKeys.map(\.stringValue).sorted().first(where: { !allowed.contains($0) }) {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: codingPath + [JSONKey(stringValue: unknown)],
          debugDescription: "unknown key (allowed: \(allowed.joined(separator: ", ")))"))
    }
  }

  /// Throws a "bad value" error for `key` with `message`.
  func refuse(_ key: JSONKey, _ message: String) -> DecodingError {
    DecodingError.dataCorrupted(.init(codingPath: codingPath + [key], debugDescription: message))
  }

  /// The value for `key`, or `fallback` when the key is absent.
  func decode<T: Decodable>(_ key: JSONKey, default fallback: T) throws -> T {
    try decodeIfPresent(T.self, forKey: key) ?? fallback
  }

  /// A whole number for `key`, or `fallback` when the key is absent.
  ///
  /// Read as a number first: Foundation's decoder reports `2.5` for an integer as invalid
  /// JSON without naming the key.
  func decodeInteger(_ key: JSONKey, default fallback: Int? = nil) throws -> Int {
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
    guard number.rounded() == number, abs(number) < 9.0e15 else {
      throw refuse(key, "expected an integer, got \(number)")
    }
    return Int(number)
  }

  /// One of the named choices of `T` for `key`, or `fallback` when the key is absent.
  func decodeChoice<T: RawRepresentable & CaseIterable>(_ key: JSONKey, default fallback: T) throws
    -> T where T.RawValue == String
  {
    guard let text = try decodeIfPresent(String.self, forKey: key) else { return fallback }
    guard let value = T(rawValue: text) else {
      let allowed = T.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
      throw refuse(key, "must be one of \(allowed), got '\(text)'")
    }
    return value
  }
}

extension Experiment: Codable {
  private static let keys = [
    "name", "title", "notes", "data", "initial_network", "initial_parameters", "step", "cases",
    "histograms",
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
    title = try container.decode(String.self, forKey: "title")
    guard !title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, title.count <= 200 else {
      throw container.refuse("title", "must be 1 to 200 characters")
    }
    notes = try container.decode("notes", default: "")
    guard notes.count <= 5000 else { throw container.refuse("notes", "must be at most 5000 characters") }
    data = try container.decode("data", default: Experiment.seedLab.data)
    initialNetwork = try container.decode("initial_network", default: Experiment.seedLab.initialNetwork)
    initialParameters = try container.decode(
      "initial_parameters", default: Experiment.seedLab.initialParameters)
    step = try container.decode("step", default: Experiment.seedLab.step)
    cases = try container.decode([CaseSpec].self, forKey: "cases")
    guard (1...Self.maximumCases).contains(cases.count) else {
      throw container.refuse("cases", "must list 1 to \(Self.maximumCases) cases")
    }
    var seen = Set<String>()
    for (index, trainingCase) in cases.enumerated() {
      let path = container.codingPath + [JSONKey("cases"), JSONKey(intValue: index)]
      guard seen.insert(trainingCase.name).inserted else {
        throw DecodingError.dataCorrupted(
          .init(codingPath: path + [JSONKey("name")], debugDescription: "repeats an earlier case's name"))
      }
      do {
        try trainingCase.settings.validate(observations: data.nObs)
      } catch {
        throw DecodingError.dataCorrupted(
          .init(codingPath: path + [JSONKey(stringValue: error.jsonKey)], debugDescription: error.description))
      }
    }
    histograms = try container.decode("histograms", default: [])
    for name in histograms where !cases.contains(where: { $0.name == name }) {
      throw container.refuse("histograms", "'\(name)' is not the name of a case")
    }
    guard Set(histograms).count == histograms.count, histograms.count <= 4 else {
      throw container.refuse("histograms", "must name at most 4 different cases")
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: JSONKey.self)
    try container.encode(name, forKey: "name")
    try container.encode(title, forKey: "title")
    try container.encode(notes, forKey: "notes")
    try container.encode(data, forKey: "data")
    try container.encode(initialNetwork, forKey: "initial_network")
    try container.encode(initialParameters, forKey: "initial_parameters")
    try container.encode(step, forKey: "step")
    try container.encode(cases, forKey: "cases")
    try container.encode(histograms, forKey: "histograms")
  }

  /// Whether `name` is safe as a folder name: `[a-z0-9][a-z0-9._-]{0,63}`.
  public static func isValidName(_ name: String) -> Bool {
    let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_.")
    guard let first = name.first, first.isASCII, first.isLetter || first.isNumber else { return false }
    return name.count <= 64 && name.allSatisfy { allowed.contains($0) }
  }
}

extension DataSpec: Codable {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: JSONKey.self)
    try container.rejectUnknownKeys(["seed", "n_obs"])
    let seed = try container.decodeInteger("seed")
    guard let seed32 = UInt32(exactly: seed) else {
      throw container.refuse("seed", "must be 0 to 4294967295, got \(seed)")
    }
    self.seed = seed32
    nObs = try container.decodeInteger("n_obs")
    guard (1...Experiment.maximumObservations).contains(nObs) else {
      throw container.refuse("n_obs", "must be 1 to \(Experiment.maximumObservations), got \(nObs)")
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: JSONKey.self)
    try container.encode(seed, forKey: "seed")
    try container.encode(nObs, forKey: "n_obs")
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

extension CaseSpec: Codable {
  private static let keys = [
    "name", "activation", "batch_size", "epochs", "learning_rate", "batch_norm", "gradient",
  ]

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: JSONKey.self)
    try container.rejectUnknownKeys(Self.keys)
    name = try container.decode(String.self, forKey: "name")
    guard !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, name.count <= 100 else {
      throw container.refuse("name", "must be 1 to 100 characters")
    }
    let defaults = TrainingSettings()
    settings = TrainingSettings(
      activation: try container.decodeChoice("activation", default: defaults.activation),
      batchSize: try container.decodeInteger("batch_size", default: defaults.batchSize),
      epochs: try container.decodeInteger("epochs", default: defaults.epochs),
      learningRate: try container.decode("learning_rate", default: defaults.learningRate),
      batchNorm: try container.decode("batch_norm", default: defaults.batchNorm),
      gradient: try container.decodeChoice("gradient", default: defaults.gradient))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: JSONKey.self)
    try container.encode(name, forKey: "name")
    try container.encode(settings.activation, forKey: "activation")
    try container.encode(settings.batchSize, forKey: "batch_size")
    try container.encode(settings.epochs, forKey: "epochs")
    try container.encode(settings.learningRate, forKey: "learning_rate")
    try container.encode(settings.batchNorm, forKey: "batch_norm")
    try container.encode(settings.gradient, forKey: "gradient")
  }
}
