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

    /// The size of the x tick labels, and whether they stand upright (reading upwards).
    var xTickFontSize = Theme.tickFontSize
    var xTicksUpright = false
    /// The height the x tick labels take below the ticks.
    var xTickExtent = Theme.tickFontSize
    /// The size of the y tick labels.
    var yTickFontSize = Theme.tickFontSize
    /// How far an equal-aspect plot moved right to sit centred; the y label moves with it.
    var shift = 0.0

    /// A layout of `axes` in `frame`, keeping `rightReserve` pixels free right of the plot
    /// and `xTickExtent` pixels below the x ticks for their labels.
    ///
    /// Category labels that must all be shown (`CategoryFit.all`) and do not fit side by
    /// side stand upright: the layout is then made again with room for them below.
    /// - Throws: `ChartError` when the panel is too small to leave a plot beside its labels.
    init(
      axes: Axes, frame: Rect, limits: (x: ClosedRange<Double>, y: ClosedRange<Double>), rightReserve: Double,
      xTickExtent: Double = Theme.tickFontSize
    ) throws(ChartError) {
      let labels = axes.labels
      self.frame = frame
      self.xTickExtent = xTickExtent
      titleSize = Axes.fittedFontSize(labels.title, Theme.titleFontSize, available: frame.width - 16)
      titleBaseline = frame.minY + 8 + titleSize * 0.95
      xLabelSize = Axes.fittedFontSize(labels.xLabel, Theme.labelFontSize, available: frame.width * 0.8)
      let ticked = axes.tickDensity != .none
      var top = labels.title.isEmpty ? frame.minY + (ticked ? 12 : 4) : titleBaseline + (ticked ? 10 : 5)
      let bottom =
        frame.maxY - (ticked ? Theme.tickLength + 2 + xTickExtent : 0)
        - (labels.xLabel.isEmpty ? (ticked ? 6 : 4) : 8 + xLabelSize + 7)
      if let rows = axes.yCategories, ticked {
        (yTicks, yLabels) = (rows.indices.map(Double.init), Ticks.Labels(texts: rows))
        yTickFontSize = Self.rowLabelSize(rows, spacing: (bottom - top) / Double(max(rows.count, 1)), frame: frame)
      } else {
        (yTicks, yLabels) = try Self.ticks(limits.y, length: bottom - top, vertical: true, axes: axes)
      }
      if yLabels.exponent != nil {
        top += Theme.tickFontSize + 4
        (yTicks, yLabels) = try Self.ticks(limits.y, length: bottom - top, vertical: true, axes: axes)
      }
      if axes.yScale == .logarithmic, ticked {
        let logTicks = Ticks.Logarithmic(limits.y, length: bottom - top, spacing: Theme.tickFontSize * 1.5)
        (yTicks, yLabels, yMinorTicks) = (logTicks.major, Ticks.Labels(texts: logTicks.labels), logTicks.minor)
      }
      yLabelSize = Axes.fittedFontSize(labels.yLabel, Theme.labelFontSize, available: bottom - top)
      let yTickSize = yTickFontSize
      let widest = yLabels.texts.map { TextMetrics.width($0, fontSize: yTickSize) }.max() ?? 0
      let left =
        frame.minX + (ticked ? 8 + widest + 3 + Theme.tickLength : 4) + (labels.yLabel.isEmpty ? 0 : yLabelSize + 8)
      let right = frame.maxX - (ticked ? 14 : 4) - rightReserve
      guard right - left >= 40, bottom - top >= 40 else {
        throw ChartError(
          "a panel of \(Int(frame.width)) × \(Int(frame.height)) pixels is too small for its labels and legend"
        )
      }
      var plot = Rect(
        x: Axes.snapped(left), y: Axes.snapped(top),
        width: Axes.snapped(right) - Axes.snapped(left), height: Axes.snapped(bottom) - Axes.snapped(top))
      if axes.equalAspect {
        (plot, shift) = Self.equalAspect(plot, limits: limits)
        if let rows = axes.yCategories, !rows.isEmpty {
          yTickFontSize = min(yTickFontSize, plot.height / Double(rows.count) / 1.25)
        }
      }
      if let categories = axes.xCategories, ticked {
        switch axes.xCategoryFit {
        case .thin:
          (xTicks, xLabels) = Self.categoryTicks(categories, limits: limits.x, length: plot.width)
        case .all:
          (xTicks, xLabels) = (categories.indices.map(Double.init), Ticks.Labels(texts: categories))
          let spacing = plot.width / (limits.x.upperBound - limits.x.lowerBound)
          let fit = Self.columnLabelFit(categories, spacing: spacing, room: xTickExtent)
          if fit.extent > xTickExtent, xTickExtent == Theme.tickFontSize {
            self = try Layout(axes: axes, frame: frame, limits: limits, rightReserve: rightReserve, xTickExtent: fit.extent)
            return
          }
          (xTickFontSize, xTicksUpright) = (fit.fontSize, fit.upright)
        }
      } else {
        (xTicks, xLabels) = try Self.ticks(limits.x, length: plot.width, vertical: false, axes: axes)
      }
      transform = AxesTransform(plot: plot, xLimits: limits.x, yLimits: limits.y, yScale: axes.yScale)
    }

    /// The largest plot inside `plot` on which a unit of x is as long as a unit of y, centred
    /// across it and at its top, with units of whole pixels when they are that large; and how
    /// far it moved right.
    private static func equalAspect(
      _ plot: Rect, limits: (x: ClosedRange<Double>, y: ClosedRange<Double>)
    ) -> (Rect, Double) {
      let spanX = limits.x.upperBound - limits.x.lowerBound
      let spanY = limits.y.upperBound - limits.y.lowerBound
      var unit = min(plot.width / spanX, plot.height / spanY)
      if unit >= 1 { unit = unit.rounded(.down) }
      let shift = ((plot.width - unit * spanX) / 2).rounded(.down)
      return (Rect(x: plot.x + shift, y: plot.y, width: unit * spanX, height: unit * spanY), shift)
    }

    /// The size of row labels `spacing` pixels apart: the tick size, smaller when rows are
    /// closer than 1.25 of it, and shrunk (to `Theme.minimumFontSize` at least) when the
    /// widest would take more than 40% of the panel's width.
    private static func rowLabelSize(_ rows: [String], spacing: Double, frame: Rect) -> Double {
      let widest = rows.map { TextMetrics.width($0, fontSize: Theme.tickFontSize) }.max() ?? 0
      var size = Theme.tickFontSize
      if widest > frame.width * 0.4 {
        size = max(Theme.minimumFontSize, size * frame.width * 0.4 / widest)
      }
      return min(size, spacing / 1.25)
    }

    /// How column labels `spacing` pixels apart all fit with at most `room` pixels below the
    /// ticks once laid out again: side by side at the tick size, or smaller down to
    /// `Theme.minimumFontSize`, leaving 6 pixels between them; else upright, at most 1.25 of
    /// their size apart, no longer than `room` when that was already made for them.
    private static func columnLabelFit(
      _ categories: [String], spacing: Double, room: Double
    ) -> (fontSize: Double, upright: Bool, extent: Double) {
      let widest = categories.map { TextMetrics.width($0, fontSize: 1) }.max() ?? 0
      let flat = widest > 0 ? min(Theme.tickFontSize, (spacing - 6) / widest) : Theme.tickFontSize
      if flat >= Theme.minimumFontSize { return (flat, false, Theme.tickFontSize) }
      var size = min(Theme.tickFontSize, spacing / 1.25)
      if room > Theme.tickFontSize, widest * size > room { size = room / widest }
      return (size, true, widest * size)
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
      let xTickSize = xTickFontSize == Theme.tickFontSize ? nil : xTickFontSize
      for (x, text) in zip(xPixels, xLabels.texts) {
        if xTicksUpright {
          let position = Point(x: x + xTickFontSize * 0.36, y: plot.maxY + Theme.tickLength + 2)
          texts.append(.text(TextMark(text: text, position: position, fontSize: xTickSize, anchor: .end, rotation: -90)))
        } else {
          let position = Point(x: x, y: plot.maxY + Theme.tickLength + 2 + xTickFontSize * 0.76)
          texts.append(.text(TextMark(text: text, position: position, fontSize: xTickSize)))
        }
      }
      let yTickRight = plot.minX - Theme.tickLength - 3
      let yTickSize = yTickFontSize == Theme.tickFontSize ? nil : yTickFontSize
      for (y, text) in zip(yPixels, yLabels.texts) {
        let position = Point(x: yTickRight, y: y + yTickFontSize * 0.36)
        texts.append(.text(TextMark(text: text, position: position, fontSize: yTickSize, anchor: .end)))
      }
      let xLabelBaseline = plot.maxY + Theme.tickLength + 2 + xTickExtent + 8 + xLabelSize * 0.8
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
        let position = Point(x: frame.minX + shift + 8 + yLabelSize * 0.8, y: plot.midY)
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
