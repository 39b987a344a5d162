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

  /// Reads a table from CSV bytes with the header `x1,x2,label` or `x1,x2,label,set`, as
  /// the oracle reads one: lines end in LF or CR LF, lines of only spaces and tabs are
  /// skipped, a leading UTF-8 byte order mark is ignored, and fields are separated by
  /// commas (no quoting) and stripped of spaces and tabs. Coordinates are decimal numbers
  /// (`-1.5`, `2e-3`; no `nan`, `inf` or hex) of magnitude at most `maximumCoordinate`,
  /// labels `0` or `1`, sets `train` or `test`.
  ///
  /// One pass over the bytes, without a string per line: a million rows take a fraction of
  /// a second.
  /// - Throws: `TableError` with the line of a bad header, a bad or missing value, a row of
  ///   the wrong length, or a row beyond `maximumRows`; for text that is not UTF-8, without
  ///   a line.
  public init(csv data: Data, source: String) throws(TableError) {
    let result = data.withUnsafeBytes { buffer in
      Result { () throws(TableError) in try Self.parse(buffer.bindMemory(to: UInt8.self), source: source) }
    }
    self.init(source: source, rows: try result.get())
  }

  private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, source: String) throws(TableError) -> [Row] {
    func fail(_ line: Int?, _ message: String) -> TableError { TableError(source: source, line: line, message: message) }
    // Every byte a good table holds is ASCII; any other must at least be UTF-8 to be quoted.
    if bytes.contains(where: { $0 >= 0x80 }), String(validating: bytes, as: UTF8.self) == nil {
      throw fail(nil, "is not UTF-8 text")
    }
    let empty = fail(1, "is empty; the first line must be x1,x2,label")
    guard let start = bytes.baseAddress else { throw empty }
    var lines = CSVLines(start: start, count: bytes.count)
    guard let (headerLine, header) = lines.next() else { throw empty }
    let names = header.map(\.text)
    let hasSubsets = names == Self.columns + ["set"]
    guard names == Self.columns || hasSubsets else {
      throw fail(
        headerLine,
        "the header must be x1,x2,label or x1,x2,label,set, got \(SafeText.quoted(names.joined(separator: ",")))")
    }
    var rows: [Row] = []
    while let (line, fields) = lines.next() {
      guard rows.count < Self.maximumRows else { throw fail(line, "more than \(Self.maximumRows) rows") }
      guard fields.count == names.count else {
        throw fail(line, "has \(fields.count) values; the header has \(names.count)")
      }
      var coordinates = (0.0, 0.0)
      for column in 0..<2 {
        guard let value = fields[column].decimal, abs(value) <= Self.maximumCoordinate else {
          throw fail(
            line,
            "\(names[column]) must be a finite number of magnitude at most \(Self.maximumCoordinateText), got \(SafeText.quoted(fields[column].text))"
          )
        }
        if column == 0 { coordinates.0 = value } else { coordinates.1 = value }
      }
      guard let label = fields[2].label else {
        throw fail(line, "label must be 0 or 1, got \(SafeText.quoted(fields[2].text))")
      }
      var subset: Subset?
      if hasSubsets {
        guard let named = Subset(rawValue: fields[3].text) else {
          throw fail(line, "set must be 'train' or 'test', got \(SafeText.quoted(fields[3].text))")
        }
        subset = named
      }
      rows.append(Row(x1: coordinates.0, x2: coordinates.1, label: label, subset: subset))
    }
    guard !rows.isEmpty else { throw fail(nil, "has no rows of points") }
    return rows
  }
}

/// The non-blank lines of CSV bytes, each split into fields stripped of spaces and tabs.
///
/// Works on raw pointers and finds line ends with `memchr`, so that even an unoptimised
/// build reads a million rows in a few seconds.
struct CSVLines {
  private var cursor: UnsafePointer<UInt8>
  private let end: UnsafePointer<UInt8>
  private var line = 0
  /// The fields of the current line, reused from line to line.
  private var fields: [CSVField] = []

  /// The lines of the `count` bytes at `start`.
  init(start: UnsafePointer<UInt8>, count: Int) {
    end = start + count
    // A UTF-8 byte order mark.
    let bom = count >= 3 && start[0] == 0xEF && start[1] == 0xBB && start[2] == 0xBF
    cursor = bom ? start + 3 : start
  }

  /// The next line that holds more than spaces, tabs and a carriage return: its 1-based
  /// number and its fields; nil at the end.
  mutating func next() -> (line: Int, fields: [CSVField])? {
    while cursor < end {
      line += 1
      let start = cursor
      let newline = memchr(start, Int32(UInt8(ascii: "\n")), end - start).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) }
      var last = newline ?? end
      cursor = last + 1
      if last > start && last[-1] == UInt8(ascii: "\r") { last -= 1 }
      var first = start
      while first < last && Self.isBlank(first.pointee) { first += 1 }
      guard first < last else { continue }
      fields.removeAll(keepingCapacity: true)
      var fieldStart = start
      while true {
        let comma = memchr(fieldStart, Int32(UInt8(ascii: ",")), last - fieldStart)
          .map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) }
        let fieldEnd = comma ?? last
        var lower = fieldStart, upper = fieldEnd
        while lower < upper && Self.isBlank(lower.pointee) { lower += 1 }
        while upper > lower && Self.isBlank(upper[-1]) { upper -= 1 }
        fields.append(CSVField(bytes: UnsafeBufferPointer(start: lower, count: upper - lower)))
        guard let comma else { break }
        fieldStart = comma + 1
      }
      return (line, fields)
    }
    return nil
  }

  /// A space or a tab: what fields are stripped of.
  @inline(__always)
  private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
}

/// One field of a CSV line, a view of the file's bytes.
struct CSVField {
  let bytes: UnsafeBufferPointer<UInt8>

  /// The field as text, for headers, sets and messages.
  var text: String { String(decoding: bytes, as: UTF8.self) }

  /// The label `0` or `1`, nil for anything else.
  var label: Int? {
    guard bytes.count == 1, let byte = bytes.first, byte == 0x30 || byte == 0x31 else { return nil }
    return Int(byte - 0x30)
  }

  /// The field's value when it is a decimal number as the oracle reads one,
  /// `[+-]?(digits[.digits]|.digits)([eE][+-]?digits)?`, and finite; nil otherwise.
  var decimal: Double? {
    guard let start = bytes.baseAddress else { return nil }
    let end = start + bytes.count
    var cursor = start
    /// Skips digits and tells how many there were.
    func digits() -> Int {
      let first = cursor
      while cursor < end && cursor.pointee &- 0x30 < 10 { cursor += 1 }
      return cursor - first
    }
    if cursor < end && (cursor.pointee == 0x2B || cursor.pointee == 0x2D) { cursor += 1 }
    let whole = digits()
    var fraction = 0
    if cursor < end && cursor.pointee == 0x2E {
      cursor += 1
      fraction = digits()
    }
    guard whole > 0 || fraction > 0 else { return nil }
    if cursor < end && (cursor.pointee == 0x65 || cursor.pointee == 0x45) {
      cursor += 1
      if cursor < end && (cursor.pointee == 0x2B || cursor.pointee == 0x2D) { cursor += 1 }
      guard digits() > 0 else { return nil }
    }
    guard cursor == end, let value = Double(text), value.isFinite else { return nil }
    return value
  }
}
