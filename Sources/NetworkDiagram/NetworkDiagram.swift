import TinyNet

/// The 2-3-1 network as a described graph, not yet laid out: nodes with the text they
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
    /// The parameter's name, `w11` to `w33`.
    var name: String
    /// The value that sets the edge's colour and width.
    var value: Double
  }
}

extension NetworkDiagram {
  /// The diagram's nodes and edges for one sample, with the parameters' text supplied
  /// by `parameterText` (called with an index into `Parameters.names`) and each edge
  /// drawn by its weight in `weights`.
  ///
  /// Biases appear inside the node they act at: `b1j` at `a_j`, `b21` at `ay`.
  static func layered(
    title: String, subtitle: [String], summary: String,
    sample: DiagramSample, options: NetworkOptions, weights: Parameters,
    parameterText: (Int) -> [String]
  ) -> NetworkDiagram {
    func value(_ name: String, _ x: Double) -> String { "\(name)=\(LabelText.number(x))" }
    let units = 0..<3
    var nodes = [
      Node(name: "x1", lines: [value("x1", sample.x1)], layer: .input),
      Node(name: "x2", lines: [value("x2", sample.x2)], layer: .input),
    ]
    for j in units {
      var lines = [value("a\(j + 1)", sample.a[j])]
      if let normalized = sample.normalized { lines.append(value("bn", normalized[j])) }
      nodes.append(Node(name: "a\(j + 1)", lines: lines + parameterText(j), layer: .hidden))
    }
    for j in units {
      nodes.append(
        Node(name: "z\(j + 1)", lines: [value("z\(j + 1)", sample.z[j])], layer: .hidden))
    }
    nodes += [
      Node(name: "ay", lines: [value("ay", sample.ay)] + parameterText(3), layer: .output),
      Node(name: "y", lines: [value("ŷ", sample.yhat), "y=\(sample.y)"], layer: .output),
      Node(name: "loss", lines: [value("loss", sample.loss), "(mean)"], layer: .loss),
    ]

    func weighted(_ tail: String, _ head: String, _ index: Int) -> Edge {
      Edge(
        tail: tail, head: head, lines: parameterText(index),
        weight: Weight(name: Parameters.names[index], value: weights.values[index]))
    }
    let activation = (options.batchNorm ? "BN, " : "") + options.activation.rawValue
    var edges = units.map { weighted("x1", "a\($0 + 1)", 4 + $0) }
    edges += units.map { weighted("x2", "a\($0 + 1)", 7 + $0) }
    edges += units.map {
      Edge(tail: "a\($0 + 1)", head: "z\($0 + 1)", lines: [activation], weight: nil)
    }
    edges += units.map { weighted("z\($0 + 1)", "ay", 10 + $0) }
    edges += [
      Edge(tail: "ay", head: "y", lines: ["sigmoid"], weight: nil),
      Edge(tail: "y", head: "loss", lines: [], weight: nil),
    ]
    return NetworkDiagram(
      title: title, subtitle: subtitle, summary: summary, nodes: nodes, edges: edges)
  }

  /// The sentence of the summary that names the sample and the network's stages.
  static func sampleSentence(_ sample: DiagramSample, _ options: NetworkOptions) -> String {
    let normalization = options.batchNorm ? ", batch-normalised (bn)" : ""
    return "Values of point \(sample.index) (x1=\(LabelText.number(sample.x1)), "
      + "x2=\(LabelText.number(sample.x2)), class \(sample.y)) flow left to right: "
      + "inputs x1 and x2; pre-activations a1 to a3, each with its bias\(normalization); "
      + "\(options.activation.rawValue) outputs z1 to z3; the output unit's input ay with "
      + "bias b21; the prediction ŷ = sigmoid(ay); and the mean loss over \(sample.count) points."
  }
}
