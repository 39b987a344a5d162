/// A legend entry: a label and the colour (and dash) of what it names.
public struct LegendEntry: Sendable {
  public var label: String
  public var color: Color
  /// Whether a line swatch is dashed, for a dashed series.
  public var dashed: Bool

  /// An entry reading `label` beside a swatch of `color`, dashed when `dashed`.
  public init(label: String, color: Color, dashed: Bool = false) {
    self.label = label
    self.color = color
    self.dashed = dashed
  }
}

/// A framed list of entries, each a swatch (a line or a dot) and a label.
///
/// Axes put it in the first corner or side of the plot where it hides no data, trying
/// them in matplotlib's `loc='best'` order; where every place would hide some, it goes
/// beside the plot instead.
struct Legend: Sendable {
  enum Swatch: Sendable {
    case line
    case dot
  }

  var entries: [LegendEntry]
  var swatch: Swatch

  /// Space between the frame and the swatches on the left and the labels on the right.
  static let padding = 8.0
  /// Space between the frame and the first and last rows.
  static let verticalPadding = 5.0
  static let rowHeight = 17.0
  static let swatchWidth = 18.0
  static let gap = 6.0
  /// Distance from the plot's frame when inside it.
  static let inset = 6.0

  var size: (width: Double, height: Double) {
    let labels = entries.map { TextMetrics.width($0.label, fontSize: Theme.legendFontSize) }
    let width = 2 * Self.padding + Self.swatchWidth + Self.gap + (labels.max() ?? 0)
    return (width, 2 * Self.verticalPadding + Self.rowHeight * Double(entries.count))
  }

  /// The first place inside `plot`, in matplotlib's `'best'` order, where the legend touches
  /// none of `marks`; nil if there is none.
  func freeSpot(in plot: Rect, avoiding marks: [Mark]) -> Point? {
    let (width, height) = size
    guard width <= plot.width - 2 * Self.inset, height <= plot.height - 2 * Self.inset else {
      return nil
    }
    let left = plot.minX + Self.inset
    let center = plot.midX - width / 2
    let right = plot.maxX - Self.inset - width
    let top = plot.minY + Self.inset
    let middle = plot.midY - height / 2
    let bottom = plot.maxY - Self.inset - height
    let candidates = [
      (right, top), (left, top), (left, bottom), (right, bottom), (right, middle), (left, middle),
      (center, bottom), (center, top), (center, middle),
    ]
    for (x, y) in candidates {
      let box = Rect(x: x, y: y, width: width, height: height).outset(by: 3)
      if marks.allSatisfy({ $0.coverage(of: box) == 0 }) {
        return Point(x: x, y: y)
      }
    }
    return nil
  }

  /// The legend's frame, swatches and labels with its top left corner at `origin`.
  func marks(at origin: Point) -> [Mark] {
    let (width, height) = size
    let frame = Rect(x: origin.x, y: origin.y, width: width, height: height)
    var marks: [Mark] = [
      .rect(
        frame, cornerRadius: 3,
        PathStyle(fill: .white, stroke: Theme.legendEdge, strokeWidth: 0.8, fillOpacity: 0.9))
    ]
    var labels: [Mark] = []
    let swatchX = origin.x + Self.padding
    for (row, entry) in entries.enumerated() {
      let centerY = origin.y + Self.verticalPadding + Self.rowHeight * (Double(row) + 0.5)
      switch swatch {
      case .line:
        let line = Polyline(
          points: [Point(x: swatchX, y: centerY), Point(x: swatchX + Self.swatchWidth, y: centerY)],
          closed: false)
        marks.append(
          .path([line], PathStyle(stroke: entry.color, strokeWidth: 2, rounded: !entry.dashed, dashed: entry.dashed)))
      case .dot:
        let style = PathStyle(
          fill: entry.color, stroke: Scatter.Edge.shade.color(for: entry.color),
          strokeWidth: Scatter.edgeWidth)
        marks.append(
          .circles([Point(x: swatchX + Self.swatchWidth / 2, y: centerY)], radius: Scatter.radius, style))
      }
      let baseline = Point(x: swatchX + Self.swatchWidth + Self.gap, y: centerY + Theme.legendFontSize * 0.36)
      labels.append(.text(TextMark(text: entry.label, position: baseline)))
    }
    let textStyle = GroupStyle(
      fontSize: Theme.legendFontSize, anchor: .start, fill: Theme.text, role: "legend")
    return marks + [.group(textStyle, labels)]
  }
}
