import Foundation
import Testing
import TinyNet

/// The rows of point tables are written straight into a snapshot's text, byte for byte as
/// Foundation's `JSONEncoder` writes them, so that snapshots of a million points need no
/// tree of a million values and earlier snapshots keep their checksums.
@Suite struct PointTableJSONTests {
  static let values: [Double] = [
    1, -1, 0, -0.0, 1e-05, 1.5e-07, 0.1, 2.5, 100, 1_000_000, -999_999.9999999999, .leastNonzeroMagnitude, 1e-300,
    0.30000000000000004, -1.2345678901234567, 12345.678,
  ]

  static func table(_ source: String, subsets: Bool) -> PointTable {
    PointTable(
      source: source,
      rows: values.indices.map { index in
        PointTable.Row(
          x1: values[index], x2: values[(index * 7 + 3) % values.count], label: index % 3 == 0 ? 1 : 0,
          subset: subsets ? (index % 4 == 0 ? .test : .train) : nil)
      })
  }

  /// An experiment whose own table and a case's are written in another order than they are
  /// encoded (sorted keys put `cases` before `data`), with a title that holds the
  /// placeholder's text.
  static let experiment: Experiment = {
    var lab = Experiment.seedLab
    lab.title = "\u{1}nnlab-points-0 \"points\" : \"\u{1}nnlab-points-1\""
    lab.data = DataSpec(seed: 3, table: table("a.csv", subsets: false), testFraction: 0.25)
    lab.cases = [lab.cases[0], lab.cases[1]]
    lab.cases[1].data = DataSpec(seed: 4, table: table("b.csv", subsets: true))
    lab.histograms = []
    return lab
  }()

  @Test func rowsAreWrittenAsJSONEncoderWritesThem() throws {
    for formatting: JSONEncoder.OutputFormatting in [[.prettyPrinted, .sortedKeys], [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]] {
      let plain = JSONEncoder()
      plain.outputFormatting = formatting
      let streamed = JSONEncoder()
      streamed.outputFormatting = formatting
      let rows = PointTable.JSONRows()
      streamed.userInfo[PointTable.JSONRows.key] = rows
      let expected = try plain.encode(Self.experiment)
      let spliced = rows.splice(into: try streamed.encode(Self.experiment))
      #expect(String(decoding: spliced, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
      #expect(try Experiment(json: spliced) == Self.experiment)
    }
  }

  @Test func aTableInsideAListIsIndentedAsItsLevel() throws {
    struct Nested: Encodable { var labs: [[String: DataSpec]] }
    let value = Nested(labs: [["data": Self.experiment.data], ["data": Self.experiment.cases[1].data]])
    let plain = JSONEncoder()
    plain.outputFormatting = [.prettyPrinted, .sortedKeys]
    let streamed = JSONEncoder()
    streamed.outputFormatting = [.prettyPrinted, .sortedKeys]
    let rows = PointTable.JSONRows()
    streamed.userInfo[PointTable.JSONRows.key] = rows
    #expect(rows.splice(into: try streamed.encode(value)) == (try plain.encode(value)))
  }
}
