extension Axes {
  /// Where an axes' plot, ticks, tick labels, axis labels and title go inside its panel.
  ///
  /// Margins are measured from the texts (`TextMetrics`): the widest y tick label and the
  /// y label set the left margin, the title the top one. Tick counts follow matplotlib's
  /// rule (at most 9 bins, about three font sizes per x bin and two per y bin), reduced
  /// further until neighbouring labels no longer touch.
  struct Layout {
    var frame: Rect
    var transform: AxesTransform
    var xTicks: [Double]
    var xLabels: Ticks.Labels
    var yTicks: [Double]
    var yLabels: Ticks.Labels
    /// Unlabelled short ticks between the labelled ones (a log axis's 2·10ⁿ … 9·10ⁿ).
    var yMinorTicks: [Double] = []
    var titleSize: Double
    var titleBaseline: Double
    var xLabelSize: Double
    var yLabelSize: Double

    /// A layout of `axes` in `frame`, keeping `rightReserve` pixels free right of the plot.
    /// - Throws: `ChartError` when the panel is too small to leave a plot beside its labels.
    init(
      axes: Axes, frame: Rect, limits: (x: ClosedRange<Double>, y: ClosedRange<Double>), rightReserve: Double
    ) throws(ChartError) {
      let labels = axes.labels
      self.frame = frame
      titleSize = Axes.fittedFontSize(labels.title, Theme.titleFontSize, available: frame.width - 16)
      titleBaseline = frame.minY + 8 + titleSize * 0.95
      xLabelSize = Axes.fittedFontSize(labels.xLabel, Theme.labelFontSize, available: frame.width * 0.8)
      let ticked = axes.tickDensity != .none
      var top = labels.title.isEmpty ? frame.minY + (ticked ? 12 : 4) : titleBaseline + (ticked ? 10 : 5)
      let bottom =
        frame.maxY - (ticked ? Theme.tickLength + 2 + Theme.tickFontSize : 0)
        - (labels.xLabel.isEmpty ? (ticked ? 6 : 4) : 8 + xLabelSize + 7)
      (yTicks, yLabels) = try Self.ticks(limits.y, length: bottom - top, vertical: true, axes: axes)
      if yLabels.exponent != nil {
        top += Theme.tickFontSize + 4
        (yTicks, yLabels) = try Self.ticks(limits.y, length: bottom - top, vertical: true, axes: axes)
      }
      if axes.yScale == .logarithmic, ticked {
        let logTicks = Ticks.Logarithmic(limits.y, length: bottom - top, spacing: Theme.tickFontSize * 1.5)
        (yTicks, yLabels, yMinorTicks) = (logTicks.major, Ticks.Labels(texts: logTicks.labels), logTicks.minor)
      }
      yLabelSize = Axes.fittedFontSize(labels.yLabel, Theme.labelFontSize, available: bottom - top)
      let widest = yLabels.texts.map { TextMetrics.width($0, fontSize: Theme.tickFontSize) }.max() ?? 0
      let left =
        frame.minX + (ticked ? 8 + widest + 3 + Theme.tickLength : 4) + (labels.yLabel.isEmpty ? 0 : yLabelSize + 8)
      let right = frame.maxX - (ticked ? 14 : 4) - rightReserve
      guard right - left >= 40, bottom - top >= 40 else {
        throw ChartError(
          "a panel of \(Int(frame.width)) × \(Int(frame.height)) pixels is too small for its labels and legend"
        )
      }
      let plot = Rect(
        x: Axes.snapped(left), y: Axes.snapped(top),
        width: Axes.snapped(right) - Axes.snapped(left), height: Axes.snapped(bottom) - Axes.snapped(top))
      if let categories = axes.xCategories, ticked {
        (xTicks, xLabels) = Self.categoryTicks(categories, limits: limits.x, length: plot.width)
      } else {
        (xTicks, xLabels) = try Self.ticks(limits.x, length: plot.width, vertical: false, axes: axes)
      }
      transform = AxesTransform(plot: plot, xLimits: limits.x, yLimits: limits.y, yScale: axes.yScale)
    }

    /// Every `k`-th category from the first, with the smallest `k` that keeps neighbouring
    /// labels apart on an axis `length` pixels long showing `limits`.
    private static func categoryTicks(
      _ categories: [String], limits: ClosedRange<Double>, length: Double
    ) -> ([Double], Ticks.Labels) {
      let widest = categories.map { TextMetrics.width($0, fontSize: Theme.tickFontSize) }.max() ?? 0
      let spacing = length / (limits.upperBound - limits.lowerBound)
      var stride = 1
      while Double(stride) * spacing < widest + 8, stride < categories.count { stride += 1 }
      let kept = Swift.stride(from: 0, to: categories.count, by: stride)
      return (kept.map(Double.init), Ticks.Labels(texts: kept.map { categories[$0] }))
    }

    /// Ticks for `limits` on an axis `length` pixels long, as many as fit and `axes` allows.
    private static func ticks(
      _ limits: ClosedRange<Double>, length: Double, vertical: Bool, axes: Axes
    ) throws(ChartError) -> ([Double], Ticks.Labels) {
      let integer = vertical ? axes.integerYTicks : axes.integerXTicks
      let most = switch axes.tickDensity {
      case .normal: 9
      case .sparse: 2
      case .none: 0
      }
      guard most > 0 else { return ([], Ticks.Labels(texts: [])) }
      let perBin = Theme.tickFontSize * (vertical ? 2 : 3)
      var bins = min(most, max(1, Int(length / perBin)))
      while true {
        let ticks = Ticks.locate(limits.lowerBound, limits.upperBound, bins: bins, integer: integer)
        let labels = try Ticks.Labels(ticks)
        guard ticks.count > 1, bins > 1 else { return (ticks, labels) }
        let spacing = (ticks[1] - ticks[0]) / (limits.upperBound - limits.lowerBound) * length
        let widest = labels.texts.map { TextMetrics.width($0, fontSize: Theme.tickFontSize) }.max() ?? 0
        let needed = vertical ? Theme.tickFontSize * 1.5 : widest + 10
        if spacing >= needed { return (ticks, labels) }
        bins -= 1
      }
    }

    /// Tick marks, tick labels, axis labels and the title.
    func decorations(_ labels: ChartLabels) -> [Mark] {
      let plot = transform.plot
      let xPixels = xTicks.map { Axes.snapped(transform.x.pixel($0)) }
      let yPixels = yTicks.map { Axes.snapped(transform.y.pixel($0)) }
      var tickMarks = xPixels.map { x in
        Polyline(
          points: [Point(x: x, y: plot.maxY), Point(x: x, y: plot.maxY + Theme.tickLength)], closed: false)
      }
      tickMarks += yPixels.map { y in
        Polyline(
          points: [Point(x: plot.minX - Theme.tickLength, y: y), Point(x: plot.minX, y: y)], closed: false)
      }
      tickMarks += yMinorTicks.map { value in
        let y = Axes.snapped(transform.y.pixel(value))
        return Polyline(
          points: [Point(x: plot.minX - Theme.tickLength / 2, y: y), Point(x: plot.minX, y: y)], closed: false)
      }
      var texts: [Mark] = []
      let xTickBaseline = plot.maxY + Theme.tickLength + 2 + Theme.tickFontSize * 0.76
      for (x, text) in zip(xPixels, xLabels.texts) {
        texts.append(.text(TextMark(text: text, position: Point(x: x, y: xTickBaseline))))
      }
      let yTickRight = plot.minX - Theme.tickLength - 3
      for (y, text) in zip(yPixels, yLabels.texts) {
        let position = Point(x: yTickRight, y: y + Theme.tickFontSize * 0.36)
        texts.append(.text(TextMark(text: text, position: position, anchor: .end)))
      }
      let xLabelBaseline = plot.maxY + Theme.tickLength + 2 + Theme.tickFontSize + 8 + xLabelSize * 0.8
      if let exponent = xLabels.exponent {
        texts.append(
          .text(TextMark(text: exponent, position: Point(x: plot.maxX, y: xLabelBaseline), anchor: .end)))
      }
      if let exponent = yLabels.exponent {
        texts.append(
          .text(TextMark(text: exponent, position: Point(x: plot.minX, y: plot.minY - 5), anchor: .start)))
      }
      if !labels.xLabel.isEmpty {
        let position = Point(x: plot.midX, y: xLabelBaseline)
        texts.append(.text(TextMark(text: labels.xLabel, position: position, fontSize: xLabelSize)))
      }
      if !labels.yLabel.isEmpty {
        let position = Point(x: frame.minX + 8 + yLabelSize * 0.8, y: plot.midY)
        texts.append(
          .text(TextMark(text: labels.yLabel, position: position, fontSize: yLabelSize, rotation: -90)))
      }
      if !labels.title.isEmpty {
        let half = TextMetrics.width(labels.title, fontSize: titleSize) / 2
        let x = min(max(plot.midX, frame.minX + 8 + half), frame.maxX - 8 - half)
        let position = Point(x: x, y: titleBaseline)
        texts.append(.text(TextMark(text: labels.title, position: position, fontSize: titleSize, bold: true)))
      }
      let textStyle = GroupStyle(
        fontSize: Theme.tickFontSize, anchor: .middle, fill: Theme.text, role: "labels")
      return [
        .path(tickMarks, PathStyle(stroke: Theme.axis, strokeWidth: Theme.axisWidth, role: "ticks")),
        .group(textStyle, texts),
      ]
    }
  }
}
