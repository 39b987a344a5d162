/// The layers of a network: its input features, the widths of its hidden layers, and one
/// sigmoid output unit.
///
/// Layers are numbered from 0 here (the first hidden layer, ..., the output layer last) and
/// from 1 in parameter names. Unit `j` of layer `l` owns a block of parameters: its bias,
/// then one weight per input of the layer, in input order. Blocks follow unit by unit and
/// layer by layer; that is the parameter order of random initialisation and regularisation.
public struct NetworkShape: Sendable, Hashable, CustomStringConvertible {
  /// The most hidden layers a network may have.
  public static let maximumHiddenLayers = 6
  /// The most units a hidden layer may have.
  public static let maximumWidth = 16

  /// The network's inputs, in order.
  public let features: [Feature]
  /// The widths of the hidden layers, first to last; empty for no hidden layer.
  public let hidden: [Int]
  /// Each parameter's place in the network, in parameter order.
  public let roles: [ParameterRole]
  /// Each parameter's name, in parameter order.
  public let parameterNames: [String]
  /// The index of each layer's first parameter.
  private let layerOffsets: [Int]

  /// The notebook's network: x1 and x2, three hidden units, one output.
  public static let notebook = NetworkShape(checked: [.x1, .x2], [3])

  /// A network on `features` with hidden layers of `hidden` units.
  /// - Throws: `ShapeError` for no features or a repeated one, more than
  ///   `maximumHiddenLayers` hidden layers, or a width outside `1...maximumWidth`.
  public init(features: [Feature] = [.x1, .x2], hidden: [Int] = [3]) throws(ShapeError) {
    guard !features.isEmpty else { throw .noFeatures }
    if let repeated = features.enumerated().first(where: { features[..<$0.offset].contains($0.element) }) {
      throw .repeatedFeature(repeated.element)
    }
    guard hidden.count <= Self.maximumHiddenLayers else { throw .tooManyLayers(hidden.count) }
    if let bad = hidden.first(where: { !(1...Self.maximumWidth).contains($0) }) {
      throw .widthOutOfRange(bad)
    }
    self.init(checked: features, hidden)
  }

  private init(checked features: [Feature], _ hidden: [Int]) {
    self.features = features
    self.hidden = hidden
    let layers = hidden.count + 1
    var roles: [ParameterRole] = []
    var offsets: [Int] = []
    for layer in 0..<layers {
      offsets.append(roles.count)
      let inputs = layer == 0 ? features.count : hidden[layer - 1]
      let width = layer < hidden.count ? hidden[layer] : 1
      for unit in 0..<width {
        roles.append(.bias(layer: layer, unit: unit))
        for input in 0..<inputs { roles.append(.weight(layer: layer, input: input, unit: unit)) }
      }
    }
    self.roles = roles
    self.layerOffsets = offsets
    let notebookNames = features == [.x1, .x2] && hidden == [3]
    self.parameterNames = roles.map { $0.name(notebook: notebookNames) }
  }

  /// The number of layers with parameters: the hidden layers and the output layer.
  public var layerCount: Int { hidden.count + 1 }

  /// The index of the output layer.
  public var outputLayer: Int { hidden.count }

  /// The number of units of layer `layer` (1 for the output layer).
  public func width(ofLayer layer: Int) -> Int { layer < hidden.count ? hidden[layer] : 1 }

  /// The number of inputs of each unit of layer `layer`.
  public func inputCount(ofLayer layer: Int) -> Int { layer == 0 ? features.count : hidden[layer - 1] }

  /// The number of parameters.
  public var parameterCount: Int { roles.count }

  /// The index of the bias of unit `unit` in layer `layer`; its weights follow it.
  public func biasIndex(layer: Int, unit: Int) -> Int {
    layerOffsets[layer] + unit * (inputCount(ofLayer: layer) + 1)
  }

  /// Whether parameters carry the notebook's names (`b11` ... `w33`): the 2-3-1 network on
  /// x1 and x2.
  public var hasNotebookNames: Bool { self == .notebook }

  /// The shape as a teacher writes it: `2-3-1`, `3-8-8-1`, `2-1`.
  public var description: String {
    ([features.count] + hidden + [1]).map(String.init).joined(separator: "-")
  }

  public static func == (a: NetworkShape, b: NetworkShape) -> Bool {
    a.features == b.features && a.hidden == b.hidden
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(features)
    hasher.combine(hidden)
  }
}

/// Where a parameter acts: a unit's bias, or the weight from one input of a layer to a unit.
public enum ParameterRole: Sendable, Hashable {
  case bias(layer: Int, unit: Int)
  case weight(layer: Int, input: Int, unit: Int)

  /// The layer whose unit this parameter belongs to.
  public var layer: Int {
    switch self {
    case .bias(let layer, _), .weight(let layer, _, _): layer
    }
  }

  /// The unit this parameter belongs to.
  public var unit: Int {
    switch self {
    case .bias(_, let unit), .weight(_, _, let unit): unit
    }
  }

  /// Whether the parameter is a weight (regularisation applies to weights only).
  public var isWeight: Bool {
    if case .weight = self { true } else { false }
  }

  /// `b{l}_{j}` and `w{l}_{i}_{j}`, counted from 1; with `notebook`, the 2-3-1 notebook's
  /// `b1j`, `wij` (input i to hidden unit j), `b21` and `w3j` (hidden unit j to the output).
  func name(notebook: Bool) -> String {
    switch self {
    case .bias(let layer, let unit):
      notebook ? "b\(layer + 1)\(unit + 1)" : "b\(layer + 1)_\(unit + 1)"
    case .weight(let layer, let input, let unit):
      if notebook { layer == 0 ? "w\(input + 1)\(unit + 1)" : "w3\(input + 1)" }
      else { "w\(layer + 1)_\(input + 1)_\(unit + 1)" }
    }
  }
}

/// A network shape that cannot be built.
public enum ShapeError: Error, Equatable, CustomStringConvertible {
  case noFeatures
  case repeatedFeature(Feature)
  case tooManyLayers(Int)
  case widthOutOfRange(Int)

  public var description: String {
    switch self {
    case .noFeatures: "a network needs at least one feature"
    case .repeatedFeature(let feature): "the feature '\(feature.rawValue)' is listed twice"
    case .tooManyLayers(let count):
      "a network has at most \(NetworkShape.maximumHiddenLayers) hidden layers, got \(count)"
    case .widthOutOfRange(let width):
      "a hidden layer has 1 to \(NetworkShape.maximumWidth) units, got \(width)"
    }
  }
}
