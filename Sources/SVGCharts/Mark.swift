/// What artists and axes hand to the SVG writer: shapes and text in figure pixels.
///
/// Marks are matplotlib's renderer vocabulary (paths, markers, text, groups): the writer
/// knows nothing of charts, and a new chart type is a new artist that emits marks.
enum Mark: Sendable {
  /// Polylines drawn as one `<path>`.
  case path([Polyline], PathStyle)
  /// Circles of one radius and one style, drawn as a group of `<circle>` elements; a
  /// circle with a text in `titles` (parallel to the points, or empty for none) holds it
  /// as a `<title>` child, which browsers show on hover.
  case circles([Point], radius: Double, PathStyle, titles: [String?] = [])
  /// A rectangle, optionally with rounded corners and a `<title>` child shown on hover.
  case rect(Rect, cornerRadius: Double, PathStyle, title: String? = nil)
  /// One line of text.
  case text(TextMark)
  /// A clipping rectangle that later groups refer to by `id`.
  case clipPath(id: String, Rect)
  /// Marks sharing text attributes or a clipping rectangle.
  case group(GroupStyle, [Mark])

  /// How many of this mark's data-carrying pieces (stroked segments and circles) touch
  /// `rect`: a legend placed there would hide that many.
  func coverage(of rect: Rect) -> Int {
    switch self {
    case .path(let polylines, let style) where style.stroke != nil:
      var count = 0
      for polyline in polylines {
        let points = polyline.points
        if points.count == 1, rect.contains(points[0]) { count += 1 }
        for (a, b) in zip(points, points.dropFirst()) where rect.intersectsSegment(a, b) {
          count += 1
        }
        if polyline.closed, let first = points.first, let last = points.last,
          rect.intersectsSegment(last, first)
        {
          count += 1
        }
      }
      return count
    case .circles(let centers, let radius, _, _):
      let reach = rect.outset(by: radius)
      return centers.filter { reach.contains($0) }.count
    case .group(_, let marks):
      return marks.reduce(0) { $0 + $1.coverage(of: rect) }
    case .path, .rect, .text, .clipPath:
      return 0
    }
  }
}

/// A sequence of points joined by straight lines, closed back to its start when `closed`.
struct Polyline: Sendable {
  var points: [Point]
  var closed: Bool
}

/// Fill and stroke of a path, a rectangle or circles.
struct PathStyle: Sendable {
  /// The fill, or none.
  var fill: Color?
  /// The stroke, or none.
  var stroke: Color?
  /// The stroke width in pixels.
  var strokeWidth: Double = 1
  /// Round joins and caps, for data lines.
  var rounded = false
  /// A dashed stroke (dashes and gaps in proportion to the stroke width) instead of a solid one.
  var dashed = false
  /// The opacity of the fill (1 is opaque).
  var fillOpacity = 1.0
  /// A `class` attribute naming what the shape shows, so readers and tests can find it.
  var role: String?
}

/// Horizontal alignment of text at its position.
enum TextAnchor: String, Sendable {
  case start, middle, end
}

/// One line of text at a baseline position.
struct TextMark: Sendable {
  var text: String
  /// The anchor point on the baseline.
  var position: Point
  /// Font size in pixels; nil inherits the enclosing group's.
  var fontSize: Double?
  /// Alignment; nil inherits the enclosing group's.
  var anchor: TextAnchor?
  /// Semi-bold instead of regular.
  var bold = false
  /// Rotation in degrees about `position` (-90 reads bottom to top).
  var rotation = 0.0
}

/// Attributes a group gives to all marks inside it.
struct GroupStyle: Sendable {
  /// The id of a clip path (`Mark.clipPath`) that clips the group.
  var clipID: String?
  var fontSize: Double?
  var anchor: TextAnchor?
  /// The text colour.
  var fill: Color?
  /// A `class` attribute naming what the group shows.
  var role: String?
  /// `data-` attributes, in order: `("row", "2")` is written `data-row="2"`, so a reader can
  /// find one part of a chart (a heat map's cell) by what it shows.
  var data: [(name: String, value: String)] = []
  /// A `<title>` first inside the group, which browsers show on hover over any of its marks.
  var title: String?
}
