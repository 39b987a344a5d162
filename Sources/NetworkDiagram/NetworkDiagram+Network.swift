import TinyNet

extension NetworkDiagram {
  /// The notebook's `graph()`: the network with `parameters` on its edges and biases,
  /// and `sample`'s forward values in its nodes.
  ///
  /// Weights are written on their edge (`w11=0.20`), biases inside the node they act at
  /// (`b11=0.00` in `a1`), all with two decimals as the notebook prints them; edge colour
  /// and width follow `colorLegend`. A network too large to label (see
  /// `labelsParameters(of:)`) shows its weights by colour and width only.
  ///
  /// With `hoverValues`, every node and weight also gets a hover text (`hoverTexts`) with
  /// its values in full precision (`w11 = 0.30000000000000004`).
  public static func network(
    parameters: Parameters, sample: DiagramSample, options: NetworkOptions, title: String,
    hoverValues: Bool = false
  ) -> NetworkDiagram {
    let normalization = options.batchNorm ? " with batch normalisation" : ""
    let forward = "\(options.activation.rawValue)\(normalization)"
    let names = parameters.shape.parameterNames
    var diagram = layered(
      title: title,
      subtitle: ["values of point \(sample.index) (class \(sample.y)), \(forward)"],
      summary: sampleSentence(sample, options, shape: parameters.shape) + " " + colorLegend,
      sample: sample, options: options, weights: parameters,
      parameterText: { ["\(names[$0])=\(LabelText.number(parameters.values[$0]))"] })
    if hoverValues {
      diagram.hoverTexts = valueTexts(sample: sample, shape: parameters.shape) { index in
        "\(names[index]) = \(full(parameters.values[index]))"
      }
    }
    return diagram
  }
}
