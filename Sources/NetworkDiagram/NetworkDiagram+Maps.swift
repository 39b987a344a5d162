import Foundation

extension NetworkDiagram {
  /// A picture of a unit's output over the input square, to show inside its node: an SVG
  /// group drawn in the square `0...side` × `0...side`, as `UnitMap.svgFragment(side:)`
  /// of SVGCharts writes it.
  ///
  /// The fragment is copied into the diagram's SVG as it is: it must be well-formed SVG
  /// content without ids (the chart module's fragments are).
  public struct UnitMapFragment: Sendable, Equatable {
    public var svg: String
    public var side: Double

    /// The fragment `svg`, drawn in a square of `side` pixels.
    public init(svg: String, side: Double) {
      self.svg = svg
      self.side = side
    }
  }

  /// The diameter, in inches, of a node that shows a map.
  static let mapNodeDiameter = 0.85

  /// The nodes that can show a map or be marked dead: each hidden unit's output (`z1`, or
  /// `z2_3` in a larger network).
  var hiddenOutputNames: [String] {
    nodes.filter { $0.layer == .hidden && $0.name.hasPrefix("z") }.map(\.name)
  }

  /// Shows `map` inside the node of the hidden unit output `node` (`z1`, `z2_3`), clipped
  /// to its circle; the node grows to a fixed size and its text moves beside it.
  /// - Throws: `GraphvizError` when the diagram has no hidden unit output called `node`,
  ///   or the map's side is not a positive number.
  public mutating func attachMap(_ map: UnitMapFragment, to node: String) throws(GraphvizError) {
    try checkHiddenOutput(node, doing: "attach a map")
    guard map.side.isFinite, map.side > 0 else {
      throw GraphvizError(operation: "attach a map to \(node)", message: "its side is \(map.side), not a positive size")
    }
    maps[node] = map
  }

  /// Draws the hidden unit outputs `units` as dead (a red dashed outline and a cross), and
  /// adds `legend` (the caller's words, e.g. "dead unit: 0 for every training point")
  /// under the title after a cross. An empty `units` leaves the diagram as it was.
  /// - Throws: `GraphvizError` naming the first unit that is not a hidden unit output.
  public mutating func markDead(_ units: [String], legend: String) throws(GraphvizError) {
    for unit in units { try checkHiddenOutput(unit, doing: "mark a unit dead") }
    deadUnits = units
    deadLegend = units.isEmpty ? "" : legend
  }

  private func checkHiddenOutput(_ node: String, doing operation: String) throws(GraphvizError) {
    let names = hiddenOutputNames
    guard names.contains(node) else {
      throw GraphvizError(
        operation: operation,
        message: "'\(node)' is not a hidden unit's output; the diagram has \(names.joined(separator: ", "))")
    }
  }
}
