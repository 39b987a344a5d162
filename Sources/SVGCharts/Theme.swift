/// The look shared by every figure: fonts, sizes and the colours of axes and text.
enum Theme {
  /// Fonts with Latin and Hangul glyphs, so labels read the same in English and Korean.
  static let fontFamily =
    "'DejaVu Sans', 'Noto Sans CJK KR', 'Noto Sans KR', 'Apple SD Gothic Neo', 'Malgun Gothic', NanumGothic, sans-serif"
  static let tickFontSize = 11.0
  static let labelFontSize = 12.0
  static let titleFontSize = 13.0
  static let legendFontSize = 11.0
  /// The smallest size a title or label shrinks to when it is too long for its panel.
  static let minimumFontSize = 9.0
  /// Outward tick length in pixels.
  static let tickLength = 4.0

  static let text = Color(0x262626)
  static let axis = Color(0x4d4d4d)
  static let grid = Color(0xe6e6e6)
  static let legendEdge = Color(0xc8c8c8)
  static let axisWidth = 0.8
}
