import CSV
import Foundation
import SafeText
import TinyNet

/// A CSV file of points that cannot be used, with the line of the first problem.
public struct TableError: Error, Equatable, CustomStringConvertible {
  /// The file as the user named it.
  public var source: String
  /// The 1-based line of the problem, nil for the file as a whole.
  public var line: Int?
  public var message: String

  public var description: String {
    "\(SafeText.quoted(source, truncation: .middle))\(line.map { " line \($0)" } ?? ""): \(message)"
  }
}

extension PointTable {
  /// The largest CSV file read, in bytes: far more than `maximumRows` rows of numbers need
  /// (a row of two shortest-form doubles, a label and a set takes at most about 60 bytes).
  public static let maximumFileSize = 256 * 1024 * 1024

  /// The columns a table has: `x1,x2,label`, optionally followed by `set`.
  static let columns = ["x1", "x2", "label"]

  /// Reads the CSV file at `path` (relative paths from `folder`), naming it `path` in errors.
  public static func read(_ path: String, relativeTo folder: URL?) throws(TableError) -> PointTable {
    let url = folder.map { URL(fileURLWithPath: path, relativeTo: $0) } ?? URL(fileURLWithPath: path)
    let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
    guard let size = attributes?[.size] as? Int, attributes?[.type] as? FileAttributeType == .typeRegular,
      let data = size <= maximumFileSize ? FileManager.default.contents(atPath: url.path) : nil
    else {
      let reason = attributes == nil ? "cannot be read" : "is not a regular file of at most \(maximumFileSize / 1024 / 1024) MiB"
      throw TableError(source: path, line: nil, message: reason)
    }
    return try PointTable(csv: data, source: path)
  }

  /// Reads a table from CSV bytes with the header `x1,x2,label` or `x1,x2,label,set`:
  /// UTF-8 text (a leading byte order mark is ignored) whose fields are stripped of spaces
  /// and tabs, blank lines skipped. Coordinates are decimal numbers (`-1.5`, `2e-3`; no
  /// `nan`, `inf` or hex) of magnitude at most `maximumCoordinate`, labels `0` or `1`, sets
  /// `train` or `test`.
  /// - Throws: `TableError` with the line of a bad header, a bad or missing value, a row of
  ///   the wrong length, or a row beyond `maximumRows`; for text that is not UTF-8, without
  ///   a line.
  public init(csv data: Data, source: String) throws(TableError) {
    func fail(_ line: Int?, _ message: String) -> TableError { TableError(source: source, line: line, message: message) }
    guard let text = String(data: data, encoding: .utf8) else { throw fail(nil, "is not UTF-8 text") }
    let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    guard let reader = try? CSVReader(string: body, hasHeaderRow: false, trimFields: true) else {
      throw fail(nil, "cannot be read as CSV")
    }
    guard let header = reader.next() else { throw fail(1, "is empty; the first line must be x1,x2,label") }
    let hasSubsets = header == Self.columns + ["set"]
    guard header == Self.columns || hasSubsets else {
      throw fail(1, "the header must be x1,x2,label or x1,x2,label,set, got \(SafeText.quoted(header.joined(separator: ",")))")
    }
    var rows: [Row] = []
    var line = 1
    while let fields = reader.next() {
      line += 1
      if fields.allSatisfy(\.isEmpty) { continue }
      guard rows.count < Self.maximumRows else { throw fail(line, "more than \(Self.maximumRows) rows") }
      guard fields.count == header.count else {
        throw fail(line, "has \(fields.count) values; the header has \(header.count)")
      }
      var coordinates: [Double] = []
      for (name, field) in zip(["x1", "x2"], fields) {
        guard let value = Self.decimal(field), abs(value) <= Self.maximumCoordinate else {
          throw fail(
            line,
            "\(name) must be a finite number of magnitude at most \(Self.maximumCoordinateText), got \(SafeText.quoted(field))")
        }
        coordinates.append(value)
      }
      guard let label = ["0": 0, "1": 1][fields[2]] else {
        throw fail(line, "label must be 0 or 1, got \(SafeText.quoted(fields[2]))")
      }
      var subset: Subset?
      if hasSubsets {
        guard let named = Subset(rawValue: fields[3]) else {
          throw fail(line, "set must be 'train' or 'test', got \(SafeText.quoted(fields[3]))")
        }
        subset = named
      }
      rows.append(Row(x1: coordinates[0], x2: coordinates[1], label: label, subset: subset))
    }
    if let error = reader.error { throw fail(line, "cannot be read as CSV (\(error))") }
    guard !rows.isEmpty else { throw fail(nil, "has no rows of points") }
    self.init(source: source, rows: rows)
  }

  /// The value of `field` when it is a decimal number as the oracle reads one,
  /// `[+-]?(digits[.digits]|.digits)([eE][+-]?digits)?`, and finite; nil otherwise.
  ///
  /// Checked byte by byte: a regular expression per field took seconds for a million rows.
  static func decimal(_ field: String) -> Double? {
    let bytes = Array(field.utf8)
    var cursor = 0
    /// Skips digits and tells how many there were.
    func digits() -> Int {
      let first = cursor
      while cursor < bytes.count && bytes[cursor] &- 0x30 < 10 { cursor += 1 }
      return cursor - first
    }
    if cursor < bytes.count && (bytes[cursor] == 0x2B || bytes[cursor] == 0x2D) { cursor += 1 }
    let whole = digits()
    var fraction = 0
    if cursor < bytes.count && bytes[cursor] == 0x2E {
      cursor += 1
      fraction = digits()
    }
    guard whole > 0 || fraction > 0 else { return nil }
    if cursor < bytes.count && (bytes[cursor] == 0x65 || bytes[cursor] == 0x45) {
      cursor += 1
      if cursor < bytes.count && (bytes[cursor] == 0x2B || bytes[cursor] == 0x2D) { cursor += 1 }
      guard digits() > 0 else { return nil }
    }
    guard cursor == bytes.count, let value = Double(field), value.isFinite else { return nil }
    return value
  }
}
