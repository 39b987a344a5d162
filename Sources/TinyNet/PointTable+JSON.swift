import Foundation
import SafeText

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
      // Sorted keys put the tables in another order than they were encoded in.
      let places = tables.indices.compactMap { index in
        json.range(of: Data(#""points" : "\u0001nnlab-points-\#(index)""#.utf8)).map { range in
          let lineStart = json[..<range.lowerBound].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? json.startIndex
          return (range: range, indent: range.lowerBound - lineStart, rows: tables[index].rows)
        }
      }.sorted { $0.range.lowerBound < $1.range.lowerBound }
      // At most: four lines of indentation, two numbers of 24 characters and a set per row.
      let most = places.reduce(json.count) { $0 + $1.rows.count * (5 * ($1.indent + 4) + 64) }
      var result = Data()
      result.reserveCapacity(most)
      var position = json.startIndex
      for place in places {
        result.append(contentsOf: json[position..<place.range.lowerBound])
        result.append(contentsOf: #""points" : "#.utf8)
        Self.append(place.rows, indent: place.indent, to: &result)
        position = place.range.upperBound
      }
      result.append(contentsOf: json[position...])
      return result
    }

    /// Appends the rows as `JSONEncoder` pretty-prints a list of lists at `indent` spaces:
    /// one value per line, each double as `SafeText.json` writes it.
    static func append(_ rows: [Row], indent: Int, to data: inout Data) {
      let space = UInt8(ascii: " "), newline = UInt8(ascii: "\n"), comma = UInt8(ascii: ",")
      let outer = [UInt8](repeating: space, count: indent + 2)
      let inner = [UInt8](repeating: space, count: indent + 4)
      var line: [UInt8] = []
      line.reserveCapacity(4 * inner.count + 80)
      func number(_ value: Double) {
        line.append(contentsOf: inner)
        line.append(contentsOf: SafeText.json(value).utf8)
        line.append(comma)
        line.append(newline)
      }
      data.append(contentsOf: [UInt8(ascii: "["), newline])
      for (index, row) in rows.enumerated() {
        line.removeAll(keepingCapacity: true)
        if index > 0 {
          line.append(comma)
          line.append(newline)
        }
        line.append(contentsOf: outer)
        line.append(UInt8(ascii: "["))
        line.append(newline)
        number(row.x1)
        number(row.x2)
        line.append(contentsOf: inner)
        line.append(row.label == 1 ? UInt8(ascii: "1") : UInt8(ascii: "0"))
        if let subset = row.subset {
          line.append(comma)
          line.append(newline)
          line.append(contentsOf: inner)
          line.append(contentsOf: subset == .train ? #""train""#.utf8 : #""test""#.utf8)
        }
        line.append(newline)
        line.append(contentsOf: outer)
        line.append(UInt8(ascii: "]"))
        data.append(contentsOf: line)
      }
      data.append(newline)
      data.append(contentsOf: outer.dropLast(2))
      data.append(UInt8(ascii: "]"))
    }
  }
}
