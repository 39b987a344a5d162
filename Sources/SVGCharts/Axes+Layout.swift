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
      var top = labels.title.isEmpty ? frame.minY + 12 : titleBaseline + 10
      let bottom =
        frame.maxY - Theme.tickLength - 2 - Theme.tickFontSize
        - (labels.xLabel.isEmpty ? 6 : 8 + xLabelSize + 7)
      (yTicks, yLabels) = try Self.ticks(
        limits.y, length: bottom - top, vertical: true, integer: axes.integerYTicks)
      if yLabels.exponent != nil {
        top += Theme.tickFontSize + 4
        (yTicks, yLabels) = try Self.ticks(
          limits.y, length: bottom - top, vertical: true, integer: axes.integerYTicks)
      }
      yLabelSize = Axes.fittedFontSize(labels.yLabel, Theme.labelFontSize, available: bottom - top)
      let widest = yLabels.texts.map { TextMetrics.width($0, fontSize: Theme.tickFontSize) }.max() ?? 0
      let left =
        frame.minX + 8 + (labels.yLabel.isEmpty ? 0 : yLabelSize + 8) + widest + 3 + Theme.tickLength
      let right = frame.maxX - 14 - rightReserve
      guard right - left >= 40, bottom - top >= 40 else {
        throw ChartError(
          "a panel of \(Int(frame.width)) × \(Int(frame.height)) pixels is too small for its labels and legend"
        )
      }
      let plot = Rect(
        x: Axes.snapped(left), y: Axes.snapped(top),
        width: Axes.snapped(right) - Axes.snapped(left), height: Axes.snapped(bottom) - Axes.snapped(top))
      (xTicks, xLabels) = try Self.ticks(
        limits.x, length: plot.width, vertical: false, integer: axes.integerXTicks)
      transform = AxesTransform(plot: plot, xLimits: limits.x, yLimits: limits.y)
    }

    /// Ticks for `limits` on an axis `length` pixels long, as many as fit.
    private static func ticks(
      _ limits: ClosedRange<Double>, length: Double, vertical: Bool, integer: Bool
    ) throws(ChartError) -> ([Double], Ticks.Labels) {
      let perBin = Theme.tickFontSize * (vertical ? 2 : 3)
      var bins = min(9, max(1, Int(length / perBin)))
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
