import TinyNet

/// A network as a described graph, not yet laid out: nodes with the text they
/// show, edges with the weight they carry.
///
/// Build one with `network(parameters:sample:options:title:)` or
/// `update(step:learningRate:sample:options:title:)` and lay it out with
/// `GraphvizRenderer.render(_:idPrefix:)`.
public struct NetworkDiagram: Sendable, Equatable {
  /// The caller's heading, drawn above the graph and written as the SVG's `<title>`.
  /// Any text is drawn literally.
  public var title: String
  /// Lines under the title that say what the values are.
  public var subtitle: [String]
  /// A plain-text account of the figure, written as the SVG's `<desc>`.
  public var summary: String
  var nodes: [Node]
  var edges: [Edge]
  /// For a network too large to label: the nodes of each layer, top to bottom, which are
  /// kept in that order on one rank. Empty for a labelled diagram.
  var ranks: [[String]] = []
  /// Text a browser shows on hover (a `<title>`), by node name (`z1`, `a2_3`, `loss`) or
  /// by weight name (`w11`, `w2_3_1`) for the edges that carry that weight (and the
  /// weight's label on the wire). Names without an entry keep Graphviz's title, the name.
  public var hoverTexts: [String: String] = [:]
  /// Maps drawn inside hidden units' output nodes, by node name.
  var maps: [String: UnitMapFragment] = [:]
  /// The hidden units drawn as dead, and the legend line that explains the mark.
  var deadUnits: [String] = []
  var deadLegend = ""

  /// One circle of the diagram.
  struct Node: Sendable, Equatable {
    /// The node's name in DOT and in the SVG's `<title>` (`x1`, `a1`, ..., `loss`).
    var name: String
    /// The lines of text inside the circle.
    var lines: [String]
    var layer: Layer
  }

  /// The stage of the forward pass a node belongs to, which sets its fill.
  enum Layer: Sendable, Equatable {
    case input, hidden, output, loss
  }

  /// One arrow of the diagram.
  struct Edge: Sendable, Equatable {
    var tail: String
    var head: String
    /// The lines of the edge's label.
    var lines: [String]
    /// The weight the edge multiplies by; nil for a fixed function (activation, sigmoid,
    /// loss).
    var weight: Weight?
  }

  /// A weight parameter carried by an edge.
  struct Weight: Sendable, Equatable {
    /// The parameter's name (`w11`, `w2_3_1`).
    var name: String
    /// The value that sets the edge's colour and width.
    var value: Double
  }
}

extension NetworkDiagram {
  /// The most weights a diagram labels on its edges; a larger network is drawn with one
  /// circle per unit and unlabelled edges, and its parameters belong in a table.
  public static let maximumLabelledWeights = 24

  /// Whether a diagram of `shape` labels every weight and bias (see `maximumLabelledWeights`).
  public static func labelsParameters(of shape: NetworkShape) -> Bool {
    shape.roles.filter(\.isWeight).count <= maximumLabelledWeights
  }

  /// The node name of a hidden unit's pre-activation (`prefix` "a") or output ("z"): `a1`
  /// for the notebook's network, `a2_3` (layer 2, unit 3) for any other.
  public static func unitName(_ prefix: String, layer: Int, unit: Int, shape: NetworkShape) -> String {
    shape.hasNotebookNames ? "\(prefix)\(unit + 1)" : "\(prefix)\(layer + 1)_\(unit + 1)"
  }

  /// The diagram's nodes and edges for one sample, with the parameters' text supplied by
  /// `parameterText` (called with a parameter index) and each edge drawn by its weight in
  /// `weights`.
  ///
  /// A network whose weights can all be labelled shows each hidden unit as two circles,
  /// its pre-activation `a` (with its bias) and its output `z`, and every weight on its
  /// edge; a larger one shows each hidden unit as one circle with its output, and edges
  /// only by colour and width. The output unit's input `ay` carries the output bias.
  static func layered(
    title: String, subtitle: [String], summary: String,
    sample: DiagramSample, options: NetworkOptions, weights: Parameters,
    parameterText: (Int) -> [String]
  ) -> NetworkDiagram {
    let shape = weights.shape
    let detailed = labelsParameters(of: shape)
    func value(_ name: String, _ x: Double) -> String { "\(name)=\(LabelText.number(x))" }
    var nodes = shape.features.enumerated().map { i, feature in
      let number = LabelText.number(sample.inputs[i])
      return Node(
        name: feature.rawValue, lines: detailed ? [value(feature.symbol, sample.inputs[i])] : [feature.symbol, number],
        layer: .input)
    }
    var edges: [Edge] = []
    var inputs = shape.features.map(\.rawValue)
    var ranks = detailed ? [] : [inputs]
    let activation = (options.batchNorm ? "BN, " : "") + options.activation.rawValue
    for layer in 0..<shape.layerCount {
      let isOutput = layer == shape.outputLayer
      let targets = (0..<shape.width(ofLayer: layer)).map { unit in
        isOutput ? "ay" : unitName(detailed ? "a" : "z", layer: layer, unit: unit, shape: shape)
      }
      for (unit, target) in targets.enumerated() {
        let bias = shape.biasIndex(layer: layer, unit: unit)
        if isOutput {
          nodes.append(Node(name: target, lines: [value("ay", sample.ay)] + (detailed ? parameterText(bias) : []), layer: .output))
        } else if detailed {
          let values = sample.hidden[layer][unit]
          var lines = [value(target, values.a)]
          if let normalized = values.normalized { lines.append(value("bn", normalized)) }
          nodes.append(Node(name: target, lines: lines + parameterText(bias), layer: .hidden))
        } else {
          nodes.append(
            Node(name: target, lines: [target, LabelText.number(sample.hidden[layer][unit].z)], layer: .hidden))
        }
      }
      for (input, tail) in inputs.enumerated() {
        for (unit, head) in targets.enumerated() {
          let index = shape.biasIndex(layer: layer, unit: unit) + 1 + input
          edges.append(
            Edge(
              tail: tail, head: head, lines: detailed ? parameterText(index) : [],
              weight: Weight(name: shape.parameterNames[index], value: weights.values[index])))
        }
      }
      guard !isOutput else { break }
      inputs = targets
      if !detailed { ranks.append(targets) }
      if detailed {
        let outputs = targets.indices.map { unitName("z", layer: layer, unit: $0, shape: shape) }
        for (unit, name) in outputs.enumerated() {
          nodes.append(Node(name: name, lines: [value(name, sample.hidden[layer][unit].z)], layer: .hidden))
        }
        edges += zip(targets, outputs).map { Edge(tail: $0, head: $1, lines: [activation], weight: nil) }
        inputs = outputs
      }
    }
    nodes += [
      Node(name: "y", lines: [value("ŷ", sample.yhat), "y=\(sample.y)"], layer: .output),
      Node(name: "loss", lines: [value("loss", sample.loss), "(mean)"], layer: .loss),
    ]
    edges += [
      Edge(tail: "ay", head: "y", lines: ["sigmoid"], weight: nil),
      Edge(tail: "y", head: "loss", lines: [], weight: nil),
    ]
    return NetworkDiagram(
      title: title, subtitle: subtitle, summary: summary, nodes: nodes, edges: edges, ranks: ranks)
  }

  /// The sentence of the summary that names the sample and the network's stages.
  static func sampleSentence(_ sample: DiagramSample, _ options: NetworkOptions, shape: NetworkShape) -> String {
    let normalization = options.batchNorm ? ", batch-normalised (bn)" : ""
    let symbols = shape.features.map(\.symbol)
    let inputs = symbols.count < 2 ? symbols.joined() : symbols.dropLast().joined(separator: ", ") + " and " + (symbols.last ?? "")
    let hidden: String
    if shape == .notebook {
      hidden = "pre-activations a1 to a3, each with its bias\(normalization); \(options.activation.rawValue) outputs z1 to z3"
    } else if shape.hidden.isEmpty {
      hidden = "no hidden layer"
    } else {
      let widths = shape.hidden.map(String.init).joined(separator: ", ")
      hidden = "hidden layers of \(widths) \(options.activation.rawValue) units\(normalization)"
    }
    return "Values of point \(sample.index) (x1=\(LabelText.number(sample.x1)), "
      + "x2=\(LabelText.number(sample.x2)), class \(sample.y)) flow left to right: "
      + "inputs \(inputs); \(hidden); the output unit's input ay with "
      + "bias \(shape.parameterNames[shape.biasIndex(layer: shape.outputLayer, unit: 0)]); "
      + "the prediction ŷ = sigmoid(ay); and the mean loss over \(sample.count) points."
  }
}
