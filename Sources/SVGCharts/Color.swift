/// An opaque sRGB colour.
///
/// The named colours are matplotlib's (which are CSS's): the notebook's `'blue'` is
/// `#0000ff`, `'green'` is `#008000`. A colour made from text is checked when a figure is
/// written: text that is not a hex colour makes `Figure.svg` throw, it never reaches a file.
public struct Color: Sendable, Hashable {
  /// The colour as `0xRRGGBB`, or nil when it was made from text that is not a colour.
  let rgb: UInt32?
  /// The text the colour was made from, for error messages.
  private let source: String

  /// The colour with these 8-bit sRGB components.
  public init(red: UInt8, green: UInt8, blue: UInt8) {
    self.init(UInt32(red) << 16 | UInt32(green) << 8 | UInt32(blue))
  }

  /// The colour written `#rrggbb` or `#rgb` (the `#` is optional, letters in either case).
  public init(hex: String) {
    var digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
    if digits.count == 3 {
      digits = digits.map { "\($0)\($0)" }.joined()
    }
    let isHex = digits.count == 6 && digits.allSatisfy(\.isHexDigit)
    rgb = isHex ? UInt32(digits, radix: 16) : nil
    source = hex
  }

  init(_ rgb: UInt32) {
    self.rgb = rgb
    source = ""
  }

  /// matplotlib's `'blue'`: the notebook's training points of class 0.
  public static let blue = Color(0x0000ff)
  /// matplotlib's `'yellow'`: the notebook's training points of class 1.
  public static let yellow = Color(0xffff00)
  /// matplotlib's `'green'`: the notebook's test points of class 0.
  public static let green = Color(0x008000)
  /// matplotlib's `'purple'`: the notebook's test points of class 1.
  public static let purple = Color(0x800080)
  /// matplotlib's `'skyblue'`: the histogram of z1.
  public static let skyblue = Color(0x87ceeb)
  /// matplotlib's `'lightgreen'`: the histogram of z2.
  public static let lightgreen = Color(0x90ee90)
  /// matplotlib's `'salmon'`: the histogram of z3.
  public static let salmon = Color(0xfa8072)
  /// matplotlib's `plum`, `khaki` and `lightsteelblue`: more histogram colours after the
  /// notebook's three.
  public static let plum = Color(0xdda0dd)
  public static let khaki = Color(0xf0e68c)
  public static let lightsteelblue = Color(0xb0c4de)
  /// Black: histogram edges and outlines of points of interest.
  public static let black = Color(0x000000)
  /// White.
  public static let white = Color(0xffffff)
  /// matplotlib's first default line colour (`'tab:blue'`, `C0`): the training loss.
  public static let tabBlue = Color(0x1f77b4)
  /// matplotlib's second default line colour (`'tab:orange'`, `C1`): the test loss.
  public static let tabOrange = Color(0xff7f0e)

  /// matplotlib's ten default line colours (`tab10`, `C0` … `C9`) in order, for charts
  /// with many series (one per layer, say): `tab10[i % 10]`.
  public static let tab10: [Color] = [
    0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf,
  ].map(Color.init)

  /// `#rrggbb` in lower case, shortened to `#rgb` when that is the same colour.
  /// - Throws: `ChartError` when the colour was made from text that is not a colour.
  func svgValue() throws(ChartError) -> String {
    guard let rgb else {
      throw ChartError("\"\(source)\" is not a colour: use #rrggbb or #rgb")
    }
    let components = [(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff]
    if components.allSatisfy({ $0 >> 4 == $0 & 0xf }) {
      return "#" + components.map { String($0 & 0xf, radix: 16) }.joined()
    }
    return "#" + components.map { String($0 + 0x100, radix: 16).dropFirst() }.joined()
  }

  /// The colour a fraction `t` (0...1) of the way from this one to `other`, per sRGB channel.
  /// Mixing with a colour that is not a colour gives one that is not a colour.
  func mixed(with other: Color, _ t: Double) -> Color {
    guard let a = rgb, let b = other.rgb else { return self.rgb == nil ? self : other }
    var mixed: UInt32 = 0
    for shift: UInt32 in [16, 8, 0] {
      let from = Double((a >> shift) & 0xff)
      let to = Double((b >> shift) & 0xff)
      mixed |= UInt32((from + (to - from) * t).rounded()) << shift
    }
    return Color(mixed)
  }
}
