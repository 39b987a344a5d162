extension ForwardTrace {
  /// The hidden units whose output is exactly 0 for every point, as `(layer, unit)` from 0:
  /// with ReLU, units that no point activates, so no gradient reaches their weights.
  public var deadUnits: [(layer: Int, unit: Int)] {
    hidden.enumerated().flatMap { layer, values in
      values.z.indices.filter { unit in values.z[unit].allSatisfy { $0 == 0 } }.map { (layer, $0) }
    }
  }
}
