/// One point of a scatter plot, in data units, with its fill colour and an optional hover text.
public struct ScatterPoint: Sendable {
  public var x: Double
  public var y: Double
  public var color: Color
  /// Text a browser shows when the pointer rests on the point (the mark's `<title>`), or nil.
  public var title: String?

  /// A point at `(x, y)` filled with `color`, showing `title` on hover when it is not nil.
  public init(x: Double, y: Double, color: Color, title: String? = nil) {
    self.x = x
    self.y = y
    self.color = color
    self.title = title
  }
}

/// Points drawn as filled circles with a thin edge.
///
/// Each point's edge is a darker shade of its fill (so a yellow point keeps an olive rim on
/// a pale background), or one colour for all points, as for outlined points of interest.
/// Points are drawn grouped by colour, the groups in the order their colours first appear.
struct Scatter: Artist {
  enum Edge: Sendable {
    /// The fill colour darkened.
    case shade
    /// One colour for every point.
    case color(Color)

    /// The edge colour of a point filled with `fill`.
    func color(for fill: Color) -> Color {
      switch self {
      case .shade: fill.mixed(with: .black, 0.45)
      case .color(let color): color
      }
    }
  }

  /// The radius of an ordinary point, in pixels (matplotlib's default marker is 6 pt across).
  static let radius = 3.5
  /// The width of an ordinary point's edge.
  static let edgeWidth = 0.8

  /// What the points are, for error messages ("training point").
  var name: String
  var points: [ScatterPoint]
  var radius: Double
  var edge: Edge
  var edgeWidth: Double
  var role: String

  func dataBounds() throws(ChartError) -> DataBounds? {
    guard
      let x = try DataBounds.range(
        of: points.map(\.x), describe: { "the x coordinate of \(name) \($0 + 1)" }),
      let y = try DataBounds.range(
        of: points.map(\.y), describe: { "the y coordinate of \(name) \($0 + 1)" })
    else { return nil }
    return DataBounds(x: x, y: y)
  }

  func marks(in transform: AxesTransform) throws(ChartError) -> [Mark] {
    var colors: [Color] = []
    var centers: [Color: [Point]] = [:]
    var titles: [Color: [String?]] = [:]
    let anyTitle = points.contains { $0.title != nil }
    for point in points {
      if centers[point.color] == nil { colors.append(point.color) }
      centers[point.color, default: []].append(transform.point(point.x, point.y))
      if anyTitle { titles[point.color, default: []].append(point.title) }
    }
    return colors.map { color in
      let style = PathStyle(fill: color, stroke: edge.color(for: color), strokeWidth: edgeWidth, role: role)
      return .circles(centers[color] ?? [], radius: radius, style, titles: titles[color] ?? [])
    }
  }
}
