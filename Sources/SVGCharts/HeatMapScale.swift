/// The colour scale that heat maps share: a range of values, which end is better, and the
/// label of the colour bar that explains it.
///
/// Colours run through ColorBrewer's sequential YlGnBu palette (colour-blind safe, and of
/// steadily falling lightness, so it prints in grey too), from a pale yellow at the worse
/// end of `range` through green to a dark blue at the better end: the better a cell, the
/// darker. Between the ends a value's colour is interpolated continuously; values beyond
/// `range` take the colour of the nearer end. Every heat map of one figure must use the
/// same scale, so that one colour means one value in all of them.
public struct HeatMapScale: Sendable, Equatable {
  /// Which end of the values is the better one.
  public enum Direction: Sendable, Equatable {
    /// Lower is better, as for a loss: the lowest value is darkest.
    case lowerIsBetter
    /// Higher is better, as for an accuracy: the highest value is darkest.
    case higherIsBetter
  }

  /// The values the colours span, from the lowest to the highest.
  public var range: ClosedRange<Double>
  public var direction: Direction
  /// The colour bar's label: what the colours show, such as "final test loss".
  public var label: String

  /// A scale spanning `range`, darkest at its better end by `direction`, explained by a
  /// colour bar labelled `label`.
  public init(range: ClosedRange<Double>, direction: Direction, label: String) {
    self.range = range
    self.direction = direction
    self.label = label
  }

  /// The scale spanning every value of `grids` (cells without a value, and values that are
  /// not finite, are passed over): the shared scale of a figure of small multiples.
  ///
  /// A single value, or none, has no width to span: the range is then widened as an axis
  /// would be (by 5% of the value each way, or to `-0.05...0.05` around zero), and with no
  /// values at all it is `0...1`.
  public init(covering grids: [HeatMapGrid], direction: Direction, label: String) {
    let values = grids.flatMap(\.values).filter(\.isFinite)
    if let low = values.min(), let high = values.max() {
      let (lower, upper) = Ticks.nonsingular(low, high, expander: 0.05, tiny: 1e-15)
      range = lower...upper
    } else {
      range = 0...1
    }
    self.direction = direction
    self.label = label
  }

  /// ColorBrewer's 9-class YlGnBu without its palest step (which would vanish on white):
  /// worst to best.
  static let palette: [Color] = [
    0xedf8b1, 0xc7e9b4, 0x7fcdbb, 0x41b6c4, 0x1d91c0, 0x225ea8, 0x253494, 0x081d58,
  ].map(Color.init)

  /// The number of bands the colour bar shows: enough to read as a continuous ramp.
  static let colorBarBands = 32

  /// The colour a fraction `goodness` (0 the worst, 1 the best) of the way along the palette.
  static func color(goodness: Double) -> Color {
    let position = min(max(goodness, 0), 1) * Double(palette.count - 1)
    let lower = min(Int(position), palette.count - 2)
    return palette[lower].mixed(with: palette[lower + 1], position - Double(lower))
  }

  /// Where `value` lies between the worse end (0) and the better end (1) of the range,
  /// clamped to 0...1; the middle (0.5) when the range has no width.
  func goodness(_ value: Double) -> Double {
    let span = range.upperBound - range.lowerBound
    guard span > 0 else { return 0.5 }
    let fraction = min(max((value - range.lowerBound) / span, 0), 1)
    return direction == .lowerIsBetter ? 1 - fraction : fraction
  }

  /// The colour of a cell holding `value`.
  func color(for value: Double) -> Color {
    Self.color(goodness: goodness(value))
  }

  /// Checks that the scale can be drawn.
  /// - Throws: `ChartError` when the range is not finite.
  func validate() throws(ChartError) {
    guard range.lowerBound.isFinite, range.upperBound.isFinite else {
      throw ChartError("a heat map's colour scale \(range) is not finite")
    }
  }

  /// The colour bar explaining the scale: `colorBarBands` bands over the range, each in the
  /// colour of its middle value, so the bar reads as the ramp the cells are coloured from.
  var colorBar: ColorBar {
    let (lower, upper) = Ticks.nonsingular(range.lowerBound, range.upperBound, expander: 0.05, tiny: 1e-15)
    let bands = Self.colorBarBands
    let levels = (0...bands).map { lower + (upper - lower) * Double($0) / Double(bands) }
    let colors = (0..<bands).map { color(for: (levels[$0] + levels[$0 + 1]) / 2) }
    return ColorBar(
      levels: levels, colors: colors, label: label, markedLevel: nil, markStyle: PathStyle(), ramp: true)
  }
}
