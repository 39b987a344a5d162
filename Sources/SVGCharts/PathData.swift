/// Compact SVG path data, with coordinates rounded to a tenth of a pixel.
///
/// The first point of each subpath is absolute (`M`), the following ones relative to the
/// previous rounded point (`l`), so rounding never accumulates; a point that rounds onto
/// the previous one is skipped. Numbers drop a leading zero (`-.5`) and separators that
/// the path grammar does not need.
struct PathData {
  private(set) var text = ""
  /// The previous point, in tenths of a pixel.
  private var current = (x: 0, y: 0)
  private var inLineRun = false
  /// Whether the text ends in a digit, so that a following positive number needs a space.
  private var endsInNumber = false

  /// The largest coordinate, in pixels, that a path may hold.
  static let coordinateLimit = 1e9

  /// Starts a new subpath at `point`.
  mutating func move(to point: Point) throws(ChartError) {
    let p = try Self.tenths(point)
    text += "M"
    endsInNumber = false
    append(p.x)
    append(p.y)
    current = p
    inLineRun = false
  }

  /// Adds a straight segment from the current point to `point`.
  mutating func line(to point: Point) throws(ChartError) {
    let p = try Self.tenths(point)
    guard p != current else { return }
    if !inLineRun {
      text += "l"
      inLineRun = true
      endsInNumber = false
    }
    append(p.x - current.x)
    append(p.y - current.y)
    current = p
  }

  /// Closes the current subpath.
  mutating func close() {
    text += "z"
    inLineRun = false
    endsInNumber = false
  }

  /// Adds `polyline` as one subpath. An open polyline of several points that all round to
  /// one place becomes a segment of length zero (`h0`), which round caps draw as a dot.
  mutating func add(_ polyline: Polyline) throws(ChartError) {
    guard let first = polyline.points.first else { return }
    try move(to: first)
    // UTF-8 length, which a native string knows at once; `count` walks every character.
    let start = text.utf8.count
    for point in polyline.points.dropFirst() {
      try line(to: point)
    }
    if polyline.closed {
      close()
    } else if polyline.points.count > 1 && text.utf8.count == start {
      text += "h0"
      endsInNumber = true
    }
  }

  private static func tenths(_ point: Point) throws(ChartError) -> (x: Int, y: Int) {
    guard point.x.isFinite, point.y.isFinite else {
      throw ChartError(
        "a non-finite coordinate (\(point.x), \(point.y)) cannot be written into an SVG path")
    }
    guard abs(point.x) < coordinateLimit, abs(point.y) < coordinateLimit else {
      throw ChartError("the coordinate (\(point.x), \(point.y)) is too large for an SVG path")
    }
    return (Int((point.x * 10).rounded()), Int((point.y * 10).rounded()))
  }

  /// Appends `tenths / 10` with one decimal at most and no leading zero.
  private mutating func append(_ tenths: Int) {
    let magnitude = tenths.magnitude
    if tenths < 0 {
      text += "-"
    } else if endsInNumber {
      text += " "
    }
    if magnitude >= 10 || magnitude == 0 { text += String(magnitude / 10) }
    if magnitude % 10 != 0 { text += "." + String(magnitude % 10) }
    endsInNumber = true
  }
}
