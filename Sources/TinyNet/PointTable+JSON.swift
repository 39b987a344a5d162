import Foundation

extension PointTable {
  /// Writes the rows of tables into pretty-printed JSON without building them as a tree.
  ///
  /// Foundation's `JSONEncoder` builds a tree of every value before it writes any text:
  /// for a million rows that takes hundreds of megabytes and seconds. Given to an encoder in
  /// `userInfo[JSONRows.key]`, this collects each table that `DataSpec` encodes and has a
  /// placeholder string encoded for its `points`; `splice(into:)` then writes the rows in
  /// the placeholder's place, byte for byte as `JSONEncoder` with `.prettyPrinted` would
  /// have written them. Not for use from several threads.
  public final class JSONRows: @unchecked Sendable {
    /// The `userInfo` key an encoder carries a collector under.
    public static let key = CodingUserInfoKey(rawValue: "nnlab.pointTableRows")!

    private var tables: [PointTable] = []

    public init() {}

    /// Keeps `table` and returns the string to encode in place of its rows.
    func placeholder(for table: PointTable) -> String {
      tables.append(table)
      return "\u{1}nnlab-points-\(tables.count - 1)"
    }

    /// `json`, written by `JSONEncoder` with `.prettyPrinted` and this collector, with each
    /// table's rows in place of its placeholder.
    ///
    /// A placeholder is found as the whole value of a `points` key: `JSONEncoder` escapes
    /// the quotes and the control character of any string that merely contains one.
    public func splice(into json: Data) -> Data {
      var result = Data()
      result.reserveCapacity(json.count + tables.reduce(0) { $0 + 120 * $1.rows.count })
      // Sorted keys put the tables in another order than they were encoded in.
      let places = tables.indices.compactMap { index in
        json.range(of: Data(#""points" : "\u0001nnlab-points-\#(index)""#.utf8)).map { (range: $0, rows: tables[index].rows) }
      }.sorted { $0.range.lowerBound < $1.range.lowerBound }
      var position = json.startIndex
      for place in places {
        let lineStart = json[..<place.range.lowerBound].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? json.startIndex
        result.append(contentsOf: json[position..<place.range.lowerBound])
        result.append(contentsOf: #""points" : "#.utf8)
        Self.append(place.rows, indent: place.range.lowerBound - lineStart, to: &result)
        position = place.range.upperBound
      }
      result.append(contentsOf: json[position...])
      return result
    }

    /// Appends the rows as `JSONEncoder` pretty-prints a list of lists at `indent` spaces:
    /// one value per line, a double in its shortest form without a trailing `.0`.
    static func append(_ rows: [Row], indent: Int, to data: inout Data) {
      let space = UInt8(ascii: " ")
      var line: [UInt8] = []
      func number(_ value: Double) {
        line.append(contentsOf: repeatElement(space, count: indent + 4))
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        line.append(contentsOf: text.utf8)
        line.append(contentsOf: ",\n".utf8)
      }
      data.append(contentsOf: "[\n".utf8)
      for (index, row) in rows.enumerated() {
        line.removeAll(keepingCapacity: true)
        if index > 0 { line.append(contentsOf: ",\n".utf8) }
        line.append(contentsOf: repeatElement(space, count: indent + 2))
        line.append(contentsOf: "[\n".utf8)
        number(row.x1)
        number(row.x2)
        line.append(contentsOf: repeatElement(space, count: indent + 4))
        line.append(row.label == 1 ? UInt8(ascii: "1") : UInt8(ascii: "0"))
        if let subset = row.subset {
          line.append(contentsOf: ",\n".utf8)
          line.append(contentsOf: repeatElement(space, count: indent + 4))
          line.append(contentsOf: "\"\(subset.rawValue)\"".utf8)
        }
        line.append(UInt8(ascii: "\n"))
        line.append(contentsOf: repeatElement(space, count: indent + 2))
        line.append(UInt8(ascii: "]"))
        data.append(contentsOf: line)
      }
      data.append(contentsOf: "\n".utf8)
      data.append(contentsOf: repeatElement(space, count: indent))
      data.append(contentsOf: "]".utf8)
    }
  }
}
