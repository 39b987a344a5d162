import Foundation

/// Number formatting that matches what the notebook's `print` calls showed.
enum PythonText {
  /// `round(value, digits)` as Python prints it (`0.52`, `1.0`), or `none` for nil.
  static func rounded(_ value: Double?, digits: Int) -> String {
    guard let value else { return "none" }
    var text = String(format: "%.\(digits)f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text += "0" }
    return text == "-0.0" ? "0.0" : text
  }

  /// A row as numpy prints a 2-D float array's row: `[0.8216662  0.16103194]`.
  ///
  /// Up to 8 decimals without trailing zeros (a whole number keeps its point, `1.`),
  /// fractions padded to a common width.
  static func numpyRow(_ values: [Double]) -> String {
    let texts = values.map { value -> String in
      var text = String(format: "%.8f", value)
      while text.hasSuffix("0") { text.removeLast() }
      return text
    }
    let width = texts.map { $0.split(separator: ".", omittingEmptySubsequences: false).last?.count ?? 0 }.max() ?? 0
    let padded = texts.map { text in
      let fraction = text.split(separator: ".", omittingEmptySubsequences: false).last?.count ?? 0
      return text + String(repeating: " ", count: width - fraction)
    }
    return "[" + padded.joined(separator: " ").trimmingCharacters(in: .whitespaces) + "]"
  }
}

/// JSON as nnlab prints it: sorted keys, shortest round-trip numbers, no escaped slashes.
enum JSONText {
  static func encode(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }
}
