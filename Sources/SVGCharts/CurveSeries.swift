/// One named line of a line chart: `(x, y)` points in increasing x, a colour and a dash.
public struct CurveSeries: Sendable {
  /// The name the legend shows.
  public var name: String
  public var points: [(x: Double, y: Double)]
  public var color: Color
  /// Drawn dashed instead of solid (the legend's swatch too).
  public var dashed: Bool

  /// A series called `name` through `points`, drawn in `color`, dashed when `dashed`.
  public init(name: String, points: [(x: Double, y: Double)], color: Color, dashed: Bool = false) {
    self.name = name
    self.points = points
    self.color = color
    self.dashed = dashed
  }
}
