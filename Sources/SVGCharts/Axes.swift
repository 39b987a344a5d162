import Foundation

/// One plotting area: its artists, the view limits and ticks they need, the frame, labels,
/// title, and an optional legend and colour bar (matplotlib's Axes).
struct Axes: Sendable {
  enum GridLines: Sendable {
    case none
    case horizontal
    case both
  }

  /// How many ticks an axes shows.
  enum TickDensity: Sendable {
    /// As many as fit (matplotlib's rule).
    case normal
    /// At most three per axis, for small multiples.
    case sparse
    /// None, and no tick labels: the plot fills its panel but for the title.
    case none
  }

  var labels: ChartLabels
  var artists: [any Artist]
  var legend: Legend?
  var colorBar: ColorBar?
  var gridLines = GridLines.none
  /// Whether x ticks stay on whole numbers (iterations).
  var integerXTicks = false
  /// Whether y ticks stay on whole numbers (counts).
  var integerYTicks = false
  /// How the y axis spaces values.
  var yScale = AxisScale.linear
  /// Fixed y view limits instead of the data's.
  var yRange: ClosedRange<Double>?
  var tickDensity = TickDensity.normal
  /// How category labels are shown on an axis too short for all of them side by side.
  enum CategoryFit: Sendable {
    /// Every `k`-th label, with the smallest `k` that keeps them apart.
    case thin
    /// Every label: smaller (down to `Theme.minimumFontSize`), else upright.
    case all
  }

  /// Names of categories at x = 0, 1, 2, ...: the x ticks are labelled with them.
  var xCategories: [String]?
  var xCategoryFit = CategoryFit.thin
  /// Names of categories at y = 0, 1, 2, ... (bottom up): the y ticks are labelled with
  /// them, every one, smaller when rows are close.
  var yCategories: [String]?
  /// Whether a unit of x is as long as a unit of y (square cells): the plot then shrinks
  /// to the largest such rectangle, centred across its panel and kept at the top.
  var equalAspect = false
  /// The fraction of the data's extent added beyond it on each side (matplotlib's 5%).
  static let margin = 0.05

  /// The plot rectangle the axes get in `frame` (before any legend moves beside it).
  /// - Throws: as `marks(in:clipID:)`.
  func plot(in frame: Rect) throws(ChartError) -> Rect {
    let (xLimits, yLimits) = try limits()
    let colorBarWidth = try colorBar?.width(height: frame.height) ?? 0
    return try Layout(axes: self, frame: frame, limits: (xLimits, yLimits), rightReserve: colorBarWidth).transform.plot
  }

  /// The axes' marks laid out in `frame`, and their plot rectangle; data is clipped to the
  /// plot by clip path `clipID`.
  func marks(in frame: Rect, clipID: String) throws(ChartError) -> (marks: [Mark], plot: Rect) {
    let (xLimits, yLimits) = try limits()
    let colorBarWidth = try colorBar?.width(height: frame.height) ?? 0
    var layout = try Layout(axes: self, frame: frame, limits: (xLimits, yLimits), rightReserve: colorBarWidth)
    var data = try artistMarks(layout.transform)
    var legendMarks: [Mark] = []
    if let legend, !legend.entries.isEmpty {
      if let spot = legend.freeSpot(in: layout.transform.plot, avoiding: data) {
        legendMarks = legend.marks(at: spot)
      } else {
        let reserve = colorBarWidth + Legend.inset * 2 + legend.size.width
        layout = try Layout(axes: self, frame: frame, limits: (xLimits, yLimits), rightReserve: reserve)
        data = try artistMarks(layout.transform)
        let plot = layout.transform.plot
        legendMarks = legend.marks(at: Point(x: plot.maxX + colorBarWidth + Legend.inset * 2, y: plot.minY))
      }
    }
    let plot = layout.transform.plot
    var marks: [Mark] = [.clipPath(id: clipID, plot)]
    marks += gridMarks(layout)
    marks.append(.group(GroupStyle(clipID: clipID, role: "data"), data))
    marks.append(.rect(plot, cornerRadius: 0, PathStyle(stroke: Theme.axis, strokeWidth: Theme.axisWidth)))
    marks += layout.decorations(labels)
    if let colorBar {
      marks += try colorBar.marks(beside: plot)
    }
    return (marks + legendMarks, plot)
  }

  private func artistMarks(_ transform: AxesTransform) throws(ChartError) -> [Mark] {
    var marks: [Mark] = []
    for artist in artists {
      marks += try artist.marks(in: transform)
    }
    return marks
  }

  /// The view limits: the artists' data with margins, stopping at sticky edges.
  private func limits() throws(ChartError) -> (ClosedRange<Double>, ClosedRange<Double>) {
    var bounds: DataBounds?
    for artist in artists {
      if let artistBounds = try artist.dataBounds() {
        bounds = bounds?.union(artistBounds) ?? artistBounds
      }
    }
    let x = bounds.map { Self.viewLimits($0.x, sticky: $0.stickyX, margin: Self.margin) } ?? 0...1
    if let yRange { return (x, yRange) }
    switch yScale {
    case .linear:
      return (x, bounds.map { Self.viewLimits($0.y, sticky: $0.stickyY, margin: Self.margin) } ?? 0...1)
    case .logarithmic:
      return (x, Ticks.Logarithmic.limits(bounds?.y))
    }
  }

  /// matplotlib's autoscaling of one axis: widen a degenerate range, add `margin` of the
  /// extent on each side, but do not cross a sticky value at the data's edge.
  static func viewLimits(_ range: ClosedRange<Double>, sticky: [Double], margin: Double) -> ClosedRange<
    Double
  > {
    let (low, high) = Ticks.nonsingular(range.lowerBound, range.upperBound, expander: 0.05, tiny: 1e-15)
    let tolerance = 1e-5 * max(abs(low), abs(high), abs(high - low))
    let delta = (high - low) * margin
    var lower = low - delta
    var upper = high + delta
    // A sticky value holds the edge it is nearest to: on a range far narrower than its
    // magnitude the tolerance spans both edges, and the top edge must not pull the bottom up.
    if let bound = sticky.filter({ $0 < low + tolerance && $0 < high }).max() { lower = max(lower, bound) }
    if let bound = sticky.filter({ $0 > high - tolerance && $0 > low }).min() { upper = min(upper, bound) }
    return lower <= upper ? lower...upper : (low - delta)...(high + delta)
  }

  private func gridMarks(_ layout: Layout) -> [Mark] {
    let plot = layout.transform.plot
    var lines: [Polyline] = []
    if gridLines != .none {
      for value in layout.yTicks {
        let y = Self.snapped(layout.transform.y.pixel(value))
        lines.append(Polyline(points: [Point(x: plot.minX, y: y), Point(x: plot.maxX, y: y)], closed: false))
      }
    }
    if gridLines == .both {
      for value in layout.xTicks {
        let x = Self.snapped(layout.transform.x.pixel(value))
        lines.append(Polyline(points: [Point(x: x, y: plot.minY), Point(x: x, y: plot.maxY)], closed: false))
      }
    }
    return lines.isEmpty ? [] : [.path(lines, PathStyle(stroke: Theme.grid, strokeWidth: 1, role: "grid"))]
  }

  /// `pixel` moved to the middle of its pixel, where a one-pixel line is drawn sharp.
  static func snapped(_ pixel: Double) -> Double {
    floor(pixel) + 0.5
  }

  /// `size`, or smaller (down to `Theme.minimumFontSize`) if `text` would be wider than `available`.
  static func fittedFontSize(_ text: String, _ size: Double, available: Double) -> Double {
    let width = TextMetrics.width(text, fontSize: size)
    guard width > available, width > 0 else { return size }
    return max(Theme.minimumFontSize, size * available / width)
  }
}
