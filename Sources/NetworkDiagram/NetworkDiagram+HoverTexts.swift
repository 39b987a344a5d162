import TinyNet

extension NetworkDiagram {
  /// Hover texts with every value in full: each node's values and each weight's, as the
  /// shortest text that reads back as the same double (`0.30000000000000004`).
  ///
  /// Keys are node names and weight names (see `hoverTexts`); `parameter(i)` words the
  /// parameter with index `i` (a bias joins its unit's node, a weight is its edges' text).
  static func valueTexts(
    sample: DiagramSample, shape: NetworkShape, parameter: (Int) -> String
  ) -> [String: String] {
    let detailed = labelsParameters(of: shape)
    var texts: [String: String] = [:]
    for (i, feature) in shape.features.enumerated() {
      texts[feature.rawValue] = "\(feature.symbol) = \(full(sample.inputs[i]))"
    }
    for layer in 0..<shape.layerCount where layer != shape.outputLayer {
      for unit in 0..<shape.width(ofLayer: layer) {
        let values = sample.hidden[layer][unit]
        let bias = parameter(shape.biasIndex(layer: layer, unit: unit))
        let z = unitName("z", layer: layer, unit: unit, shape: shape)
        if detailed {
          let a = unitName("a", layer: layer, unit: unit, shape: shape)
          let normalized = values.normalized.map { "\nbn = \(full($0))" } ?? ""
          texts[a] = "\(a) = \(full(values.a))\(normalized)\n\(bias)"
          texts[z] = "\(z) = \(full(values.z))"
        } else {
          texts[z] = "\(z) = \(full(values.z))\n\(bias)"
        }
      }
    }
    for layer in 0..<shape.layerCount {
      let inputs = layer == 0 ? shape.features.count : shape.width(ofLayer: layer - 1)
      for unit in 0..<shape.width(ofLayer: layer) {
        let first = shape.biasIndex(layer: layer, unit: unit) + 1
        for index in first..<(first + inputs) {
          texts[shape.parameterNames[index]] = parameter(index)
        }
      }
    }
    texts["ay"] = "ay = \(full(sample.ay))\n\(parameter(shape.biasIndex(layer: shape.outputLayer, unit: 0)))"
    texts["y"] = "ŷ = \(full(sample.yhat))\ny = \(sample.y)"
    texts["loss"] = "loss = \(full(sample.loss)) (n = \(sample.count))"
    return texts
  }

  /// `value` as the shortest text that reads back as the same double.
  static func full(_ value: Double) -> String {
    String(describing: value)
  }
}
