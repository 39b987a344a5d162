/// The thirteen parameters of the 2-3-1 network, named as in the notebook.
///
/// `b1j` is hidden unit j's bias, `w1j` and `w2j` its weights from x1 and x2, `w3j` its
/// weight into the output, and `b21` the output's bias. The same type holds a gradient.
public struct Parameters: Sendable, Equatable {
  /// The parameter names in the notebook's dictionary order (also alphabetical).
  public static let names = [
    "b11", "b12", "b13", "b21", "w11", "w12", "w13", "w21", "w22", "w23", "w31", "w32", "w33",
  ]
  /// The number of parameters.
  public static let count = 13

  /// The values in the order of `names`.
  public var values: [Double]

  /// Creates parameters from values in the order of `names`.
  /// - Precondition: `values.count == Parameters.count`.
  public init(values: [Double]) {
    precondition(values.count == Self.count, "a 2-3-1 network has 13 parameters")
    self.values = values
  }

  /// Creates parameters from a dictionary that names every parameter exactly once.
  public init(named dictionary: [String: Double]) throws(ParametersError) {
    if let unknown = dictionary.keys.sorted().first(where: { !Self.names.contains($0) }) {
      throw .unknownName(unknown)
    }
    var values: [Double] = []
    for name in Self.names {
      guard let value = dictionary[name] else { throw .missingName(name) }
      guard value.isFinite else { throw .notFinite(name) }
      values.append(value)
    }
    self.values = values
  }

  /// All parameters zero (the gradient of a constant).
  public static let zero = Parameters(values: Array(repeating: 0, count: count))

  /// The notebook's initial parameters for training (`w31=0.3, w32=0.1, w33=0.2`).
  public static let notebookInitial = Parameters(values: [
    0, 0, 0, 0, 0.2, 0.3, 0.8, 0.7, 0.8, 0.3, 0.3, 0.1, 0.2,
  ])

  /// The parameters of the notebook's very first diagram (`w31=0.8, w32=0.5, w33=0.2`).
  public static let notebookFirstDiagram = Parameters(values: [
    0, 0, 0, 0, 0.2, 0.3, 0.8, 0.7, 0.8, 0.3, 0.8, 0.5, 0.2,
  ])

  /// The value of the parameter called `name`, or nil for an unknown name.
  public subscript(name: String) -> Double? {
    guard let index = Self.names.firstIndex(of: name) else { return nil }
    return values[index]
  }
}

/// A parameter set that cannot be used.
public enum ParametersError: Error, Equatable, CustomStringConvertible {
  case unknownName(String)
  case missingName(String)
  case notFinite(String)

  public var description: String {
    switch self {
    case .unknownName(let name):
      "unknown parameter '\(name)' (expected \(Parameters.names.joined(separator: ", ")))"
    case .missingName(let name): "parameter '\(name)' is missing"
    case .notFinite(let name): "parameter '\(name)' must be a finite number"
    }
  }
}

extension Parameters: Codable {
  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: Key.self)
    var dictionary: [String: Double] = [:]
    for key in container.allKeys {
      dictionary[key.stringValue] = try container.decode(Double.self, forKey: key)
    }
    do {
      try self.init(named: dictionary)
    } catch {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: error.description))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    for (name, value) in zip(Self.names, values) {
      try container.encode(value, forKey: Key(stringValue: name))
    }
  }
}
