/// A vertical bar beside a plot showing which colour stands for which band of values, with
/// one level (the decision boundary) marked across it in the style of its contour line.
struct ColorBar: Sendable {
  /// Increasing band edges: band `k` spans `levels[k]...levels[k + 1]`.
  var levels: [Double]
  var colors: [Color]
  var label: String
  /// A level marked across the bar in `markStyle`, or none.
  var markedLevel: Double?
  var markStyle: PathStyle
  /// Whether ticks stay on whole numbers (counts).
  var integerTicks = false
  /// Whether the bands are steps of a continuous ramp: each then reaches half a pixel into
  /// the band below, so no pale seam shows between them.
  var ramp = false

  static let gap = 14.0
  static let barWidth = 12.0

  private var scaleRange: ClosedRange<Double> {
    (levels.first ?? 0)...(levels.last ?? 1)
  }

  private var ticks: [Double] {
    Ticks.locate(scaleRange.lowerBound, scaleRange.upperBound, bins: 5, integer: integerTicks)
  }

  private func labelSize(height: Double) -> Double {
    Axes.fittedFontSize(label, Theme.labelFontSize, available: height)
  }

  /// The width the bar, its tick labels and its label take to the right of the plot.
  func width(height: Double) throws(ChartError) -> Double {
    let labels = try Ticks.Labels(ticks).texts
    let widest = labels.map { TextMetrics.width($0, fontSize: Theme.tickFontSize) }.max() ?? 0
    let title = label.isEmpty ? 0 : labelSize(height: height) + 8
    return Self.gap + Self.barWidth + Theme.tickLength + 3 + widest + title + 4
  }

  /// The bar beside `plot`, as tall as it.
  func marks(beside plot: Rect) throws(ChartError) -> [Mark] {
    let bar = Rect(x: plot.maxX + Self.gap, y: plot.minY, width: Self.barWidth, height: plot.height)
    let scale = DataScale(
      lower: scaleRange.lowerBound, upper: scaleRange.upperBound, start: bar.maxY, end: bar.minY)
    var marks: [Mark] = []
    for (band, color) in colors.enumerated() where band + 1 < levels.count {
      let top = scale.pixel(levels[band + 1])
      let overlap = ramp && band > 0 ? 0.5 : 0
      let cell = Rect(x: bar.minX, y: top, width: bar.width, height: scale.pixel(levels[band]) - top + overlap)
      marks.append(.rect(cell, cornerRadius: 0, PathStyle(fill: color)))
    }
    if let markedLevel {
      let markY = scale.pixel(markedLevel)
      let mark = Polyline(
        points: [Point(x: bar.minX - 3, y: markY), Point(x: bar.maxX + 3, y: markY)], closed: false)
      marks.append(.path([mark], markStyle))
    }
    marks.append(.rect(bar, cornerRadius: 0, PathStyle(stroke: Theme.axis, strokeWidth: Theme.axisWidth)))
    let ticks = self.ticks
    let labels = try Ticks.Labels(ticks).texts
    let tickMarks = ticks.map { value in
      let y = Axes.snapped(scale.pixel(value))
      return Polyline(
        points: [Point(x: bar.maxX, y: y), Point(x: bar.maxX + Theme.tickLength, y: y)], closed: false)
    }
    marks.append(.path(tickMarks, PathStyle(stroke: Theme.axis, strokeWidth: Theme.axisWidth)))
    let labelX = bar.maxX + Theme.tickLength + 3
    var texts = zip(ticks, labels).map { value, text in
      Mark.text(
        TextMark(text: text, position: Point(x: labelX, y: scale.pixel(value) + Theme.tickFontSize * 0.36)))
    }
    if !label.isEmpty {
      let widest = labels.map { TextMetrics.width($0, fontSize: Theme.tickFontSize) }.max() ?? 0
      let size = labelSize(height: plot.height)
      let position = Point(x: labelX + widest + 6 + size * 0.8, y: bar.midY)
      texts.append(
        .text(TextMark(text: label, position: position, fontSize: size, anchor: .middle, rotation: -90)))
    }
    let style = GroupStyle(fontSize: Theme.tickFontSize, anchor: .start, fill: Theme.text, role: "colorbar")
    return marks + [.group(style, texts)]
  }
}
