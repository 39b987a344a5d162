extension NetworkDiagram {
  /// How an edge is drawn for the weight it carries: colour and dash by sign, width by size.
  struct WeightStyle {
    /// Blue, for positive weights (ColorBrewer RdBu's darkest blue).
    static let positiveColor = "#2166ac"
    /// Red, for negative weights (RdBu's darkest red); such edges are also dashed, so the
    /// sign survives black-and-white printing.
    static let negativeColor = "#b2182b"
    /// Grey, for zero weights and edges that carry no weight.
    static let neutralColor = "#666666"
    /// The pen width, in points, of a zero weight.
    static let thinnest = 0.8
    /// The pen width of a weight whose size is `saturation` or more.
    static let widest = 3.5
    /// The weight size from which the pen stops growing.
    static let saturation = 2.0

    var color: String
    var dashed: Bool
    var penWidth: Double

    /// The style of an edge that multiplies by `weight`.
    init(weight: Double) {
      guard weight.isFinite, weight != 0 else {
        self.init(color: Self.neutralColor, dashed: false, penWidth: Self.thinnest)
        return
      }
      let size = min(abs(weight), Self.saturation) / Self.saturation
      self.init(
        color: weight > 0 ? Self.positiveColor : Self.negativeColor, dashed: weight < 0,
        penWidth: Self.thinnest + (Self.widest - Self.thinnest) * size)
    }

    private init(color: String, dashed: Bool, penWidth: Double) {
      self.color = color
      self.dashed = dashed
      self.penWidth = penWidth
    }
  }

  /// What edge colour, dash and width mean, for a figure caption.
  public static var colorLegend: String {
    "Edge colour shows a weight's sign: blue solid for positive, red dashed for negative, "
      + "grey for zero or for a fixed function (activation, sigmoid, loss). Edge width grows "
      + "with the weight's size |w| and stops growing at |w| = \(WeightStyle.saturation)."
  }
}
