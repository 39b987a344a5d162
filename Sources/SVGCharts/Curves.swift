/// Lines through series of points, broken wherever a point has no place on the y axis, and
/// an optional labelled horizontal guide.
///
/// A point whose x or y is not finite, or whose y is not positive on a logarithmic axis,
/// is not drawn and splits its line in two; a piece of one point is drawn as a dot (a line
/// of length zero with round caps). Each
/// piece is reduced to its extremes per column of `columnWidth` pixels (see `LineReduction`) and then
/// simplified to `tolerance` pixels, so a figure's size depends on its width, not on the
/// number of iterations. The guide is a thin dashed line across the plot at `guide.value`
/// with its label at the right end, above the line, on a pale backing.
struct Curves: Artist {
  var series: [CurveSeries]
  var yScale: AxisScale
  var guide: (value: Double, label: String)?
  var width = 1.5
  /// Whether a value that is not finite is an error (loss curves, whose values must all be
  /// finite) rather than a break in the line.
  var requireFinite = false
  /// The pixels per column of the per-column reduction.
  static let columnWidth = 3.0
  /// How far, in pixels, a simplified line may stray from the reduced one.
  static let tolerance = 0.5

  func dataBounds() throws(ChartError) -> DataBounds? {
    if requireFinite {
      for curve in series {
        let points = curve.points
        _ = try DataBounds.range(of: points.map(\.y)) { "the \"\(curve.name)\" series value at x = \(points[$0].x)" }
        guard points.allSatisfy({ $0.x.isFinite }) else {
          throw ChartError("the \"\(curve.name)\" series has an x value that is not finite")
        }
      }
    }
    let probe = DataScale(lower: 1, upper: 10, start: 0, end: 1, kind: yScale)
    var xs: [Double] = []
    var ys: [Double] = []
    for curve in series {
      for point in curve.points where point.x.isFinite {
        xs.append(point.x)
        if probe.canPlace(point.y) { ys.append(point.y) }
      }
    }
    if let guide, probe.canPlace(guide.value) { ys.append(guide.value) }
    guard let low = xs.min(), let high = xs.max() else { return nil }
    guard let bottom = ys.min(), let top = ys.max() else {
      return DataBounds(x: low...high, y: yScale == .logarithmic ? Ticks.Logarithmic.limits(nil) : 0...1)
    }
    return DataBounds(x: low...high, y: bottom...top)
  }

  func marks(in transform: AxesTransform) throws(ChartError) -> [Mark] {
    var marks: [Mark] = []
    for curve in series {
      let style = PathStyle(
        stroke: curve.color, strokeWidth: width, rounded: !curve.dashed, dashed: curve.dashed, role: "series")
      var lines: [Polyline] = []
      for piece in pieces(curve.points, transform) {
        if piece.count == 1 {
          // A line of length zero: its round caps draw a dot the width of the line.
          let dot = transform.point(piece[0].x, piece[0].y)
          lines.append(Polyline(points: [dot, dot], closed: false))
          continue
        }
        // Several lines share a small panel: the extremes of each column of three pixels,
        // then Douglas–Peucker to half a pixel, which keeps every visible wiggle.
        let ys = piece.map { transform.y.pixel($0.y) }
        let indices = LineReduction.columnExtremes(ys, ends: false) {
          Int((transform.x.pixel(piece[$0].x) / Self.columnWidth).rounded(.down))
        }
        let line = Polyline(points: indices.map { transform.point(piece[$0].x, piece[$0].y) }, closed: false)
        lines.append(PolylineSimplification.simplify(line, tolerance: Self.tolerance))
      }
      if !lines.isEmpty { marks.append(.path(lines, style)) }
    }
    if let guide, transform.y.canPlace(guide.value) {
      let plot = transform.plot
      let y = transform.y.pixel(guide.value)
      let line = Polyline(points: [Point(x: plot.minX, y: y), Point(x: plot.maxX, y: y)], closed: false)
      marks.append(.path([line], PathStyle(stroke: Theme.axis, strokeWidth: 1, dashed: true, role: "guide")))
      let label = TextMark(
        text: guide.label, position: Point(x: plot.maxX - 4, y: y - 4), fontSize: Theme.tickFontSize,
        anchor: .end)
      // A pale backing keeps the label readable where a series runs through it.
      let width = TextMetrics.width(guide.label, fontSize: Theme.tickFontSize)
      let backing = Rect(
        x: plot.maxX - 6 - width, y: y - 5 - Theme.tickFontSize, width: width + 4, height: Theme.tickFontSize + 3)
      marks.append(.rect(backing, cornerRadius: 2, PathStyle(fill: .white, fillOpacity: 0.85, role: "guide-label")))
      marks.append(.group(GroupStyle(fill: Theme.text, role: "guide-label"), [.text(label)]))
    }
    return marks
  }

  /// The runs of consecutive points that have a place on the axes.
  private func pieces(_ points: [(x: Double, y: Double)], _ transform: AxesTransform) -> [[(x: Double, y: Double)]] {
    var pieces: [[(x: Double, y: Double)]] = []
    var current: [(x: Double, y: Double)] = []
    for point in points {
      if point.x.isFinite && transform.y.canPlace(point.y) {
        current.append(point)
      } else if !current.isEmpty {
        pieces.append(current)
        current = []
      }
    }
    if !current.isEmpty { pieces.append(current) }
    return pieces
  }
}
