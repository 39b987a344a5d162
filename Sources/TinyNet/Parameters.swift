import SafeText

/// The values of every parameter of a network of a given shape, in parameter order
/// (see `NetworkShape`). The same type holds a gradient.
///
/// The values are fixed at creation and always number `shape.parameterCount`: the
/// training kernels read them through raw pointers.
public struct Parameters: Sendable, Equatable {
  /// The largest magnitude a parameter given by a user may have.
  public static let maximumMagnitude = 1e6

  public let shape: NetworkShape
  /// The values in parameter order.
  public let values: [Double]

  /// Parameters of `shape` with `values` in parameter order.
  /// - Precondition: `values.count == shape.parameterCount`.
  public init(shape: NetworkShape, values: [Double]) {
    precondition(values.count == shape.parameterCount, "a \(shape) network has \(shape.parameterCount) parameters")
    self.shape = shape
    self.values = values
  }

  /// Parameters of `shape` from a dictionary that names every parameter exactly once, each a
  /// finite number of magnitude at most `limit` (`maximumMagnitude` for values a user
  /// gives; training may reach larger ones).
  public init(shape: NetworkShape, named dictionary: [String: Double], limit: Double = maximumMagnitude)
    throws(ParametersError)
  {
    if let unknown = dictionary.keys.sorted().first(where: { !shape.parameterNames.contains($0) }) {
      throw .unknownName(unknown, shape: shape)
    }
    var values: [Double] = []
    for name in shape.parameterNames {
      guard let value = dictionary[name] else { throw .missingName(name) }
      guard value.isFinite, abs(value) <= limit else { throw .outOfRange(name, limit: limit) }
      values.append(value)
    }
    self.init(shape: shape, values: values)
  }

  /// The value of the parameter called `name`, or nil for a name the shape does not have.
  public subscript(name: String) -> Double? {
    shape.parameterNames.firstIndex(of: name).map { values[$0] }
  }

  /// Each parameter's name and value, in parameter order.
  public var named: [(name: String, value: Double)] {
    Array(zip(shape.parameterNames, values))
  }

  /// `self - gradient * learningRate`, parameter by parameter.
  public func stepped(along gradient: Parameters, learningRate: Double) -> Parameters {
    Parameters(shape: shape, values: zip(values, gradient.values).map { $0 - $1 * learningRate })
  }

  /// Whether every value is finite.
  public var isFinite: Bool { values.allSatisfy(\.isFinite) }
}

extension Parameters {
  /// The notebook's initial parameters for training (`w31=0.3, w32=0.1, w33=0.2`).
  public static let notebookInitial = Parameters(
    shape: .notebook, values: [0, 0.2, 0.7, 0, 0.3, 0.8, 0, 0.8, 0.3, 0, 0.3, 0.1, 0.2])

  /// The parameters of the notebook's very first diagram (`w31=0.8, w32=0.5, w33=0.2`).
  public static let notebookFirstDiagram = Parameters(
    shape: .notebook, values: [0, 0.2, 0.7, 0, 0.3, 0.8, 0, 0.8, 0.3, 0, 0.8, 0.5, 0.2])

  /// TensorFlow Playground's initialisation: every weight `uniform(-0.5, 0.5)` and every
  /// bias 0.1, weights drawn in parameter order from numpy's stream seeded with `seed`.
  public static func random(shape: NetworkShape, seed: UInt32) -> Parameters {
    var random = RandomState(seed: seed)
    return Parameters(
      shape: shape, values: shape.roles.map { $0.isWeight ? random.uniform(-0.5, 0.5) : 0.1 })
  }

  /// Where training starts for `shape` when the experiment gives no parameters: the
  /// notebook's for its own network with `.notebook`, otherwise `random(shape:seed:)`.
  public static func initial(shape: NetworkShape, method: Initialization, seed: UInt32) -> Parameters {
    method == .notebook && shape == .notebook ? notebookInitial : random(shape: shape, seed: seed)
  }
}

/// How a network's starting parameters are chosen.
public enum Initialization: String, Sendable, Codable, CaseIterable {
  /// The notebook's values for its 2-3-1 network; random for any other shape.
  case notebook
  /// TensorFlow Playground's random weights and biases of 0.1.
  case random
}

extension Parameters: Encodable {
  /// Encodes the parameters as an object from name to value.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: JSONKey.self)
    for (name, value) in named { try container.encode(value, forKey: JSONKey(stringValue: name)) }
  }
}

/// A parameter set that cannot be used.
public enum ParametersError: Error, Equatable, CustomStringConvertible {
  case unknownName(String, shape: NetworkShape)
  case missingName(String)
  case outOfRange(String, limit: Double)

  public var description: String {
    switch self {
    case .unknownName(let name, let shape):
      "\(SafeText.quoted(name)) is not a parameter of the \(shape) network "
        + "(it has \(shape.parameterCount): \(Self.sample(shape)))"
    case .missingName(let name): "parameter '\(name)' is missing"
    case .outOfRange(let name, let limit):
      limit == .greatestFiniteMagnitude
        ? "parameter '\(name)' must be a finite number"
        : "parameter '\(name)' must be a finite number from -\(Int(limit)) to \(Int(limit))"
    }
  }

  /// The shape's parameter names, or the first few of a long list.
  private static func sample(_ shape: NetworkShape) -> String {
    let names = shape.parameterNames
    return names.count <= 13
      ? names.joined(separator: ", ") : names.prefix(4).joined(separator: ", ") + ", …, " + (names.last ?? "")
  }
}
