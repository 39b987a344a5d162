import Foundation
import Testing
import TestSupport

/// `nnlab data` as a user runs it: every generated data set, in JSON and in CSV, is the numpy
/// oracle's bit for bit.
@Suite struct DataCommandTests {
  /// Every generated set at several seeds (the smallest, the seed lab's, the largest) and
  /// noise levels (none, some, the most); odd sizes, where a set's two blocks differ by one.
  static let configurations: [OracleDataConfiguration] =
    ["parabola", "circle", "xor", "gauss", "spiral"].flatMap { data in
      [(0, 0.0), (317, 0.2), (4_294_967_295, 0.5), (12_345, 0.05)].map { seed, noise in
        OracleDataConfiguration(
          data: data, seed: seed, nObs: 51, nTest: 26, noise: data == "parabola" ? 0 : noise)
      }
    }

  static func arguments(_ configuration: OracleDataConfiguration) -> [String] {
    [
      "data", "--data", configuration.data, "--seed", String(configuration.seed), "--n-obs",
      String(configuration.nObs), "--n-test", String(configuration.nTest), "--noise", "\(configuration.noise)",
    ]
  }

  @Test func jsonAndCSVAreTheOraclesBitForBit() throws {
    let oracle = try runOracle(Self.configurations)
    try #require(oracle.count == Self.configurations.count)
    for (configuration, expected) in zip(Self.configurations, oracle) {
      let arguments = Self.arguments(configuration)
      let json = try runProcess(Repository.nnlab, arguments + ["--json"])
      try #require(json.status == 0, "\(configuration): \(json.stderr)")
      #expect(json.stderr.isEmpty)
      let printed = try JSONDecoder().decode(PointSets.self, from: Data(json.stdout.utf8))
      expectSameBits(printed, PointSets(expected), "\(configuration) --json")
      // Written without JSONEncoder, as JSONEncoder writes it.
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
      #expect(String(decoding: try encoder.encode(printed), as: UTF8.self) + "\n" == json.stdout, "\(configuration)")

      let csv = try runProcess(Repository.nnlab, arguments)
      try #require(csv.status == 0, "\(configuration): \(csv.stderr)")
      expectSameBits(try parseDataCSV(csv.stdout), PointSets(expected), "\(configuration) csv")
    }
  }

  /// The oracle's own command line prints the same points: one process per data set, since
  /// numpy's start-up is slow.
  @Test(arguments: ["parabola", "circle", "xor", "gauss", "spiral"])
  func theOraclesCommandLinePrintsTheSamePoints(_ data: String) throws {
    let arguments = ["data", "--data", data, "--seed", "9", "--n-obs", "33", "--n-test", "8"]
      + (data == "parabola" ? [] : ["--noise", "0.35"])
    let ours = try runProcess(Repository.nnlab, arguments)
    let theirs = try runPython([Repository.oracle.path] + arguments)
    try #require(ours.status == 0, "\(ours.stderr)")
    try #require(theirs.status == 0, "\(theirs.stderr)")
    expectSameBits(try parseDataCSV(ours.stdout), try parseDataCSV(theirs.stdout), "\(data) csv")
    let ourJSON = try runProcess(Repository.nnlab, arguments + ["--json"])
    let theirJSON = try runPython([Repository.oracle.path] + arguments + ["--json"])
    expectSameBits(
      try JSONDecoder().decode(PointSets.self, from: Data(ourJSON.stdout.utf8)),
      try JSONDecoder().decode(PointSets.self, from: Data(theirJSON.stdout.utf8)), "\(data) --json")
  }

  /// The CSV output is a table that `--csv` reads back: the same points, the same split.
  @Test func theCSVOutputReadsBackAsTheSameDataSet() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let arguments = ["data", "--data", "spiral", "--noise", "0.4", "--n-obs", "60", "--n-test", "21"]
    let printed = try runProcess(Repository.nnlab, arguments)
    try #require(printed.status == 0)
    let file = try folder.write(printed.stdout, to: "spiral.csv")
    let again = try runProcess(Repository.nnlab, ["data", "--csv", file])
    try #require(again.status == 0, "\(again.stderr)")
    #expect(again.stdout == printed.stdout)
  }
}

/// A data set's rows `[x1, x2, class]`, as `nnlab data --json` and the oracle print them.
struct PointSets: Codable, Equatable {
  var train: [[Double]]
  var test: [[Double]]

  init(train: [[Double]] = [], test: [[Double]] = []) {
    self.train = train
    self.test = test
  }

  init(_ oracle: OracleDataSet) { self.init(train: oracle.train, test: oracle.test) }
}

/// Expects the same rows, class and coordinates bit for bit, in both sets.
func expectSameBits(
  _ ours: PointSets, _ theirs: PointSets, _ comment: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  for (name, mine, numpy) in [("train", ours.train, theirs.train), ("test", ours.test, theirs.test)] {
    #expect(mine.count == numpy.count, "\(comment) \(name)", sourceLocation: sourceLocation)
    #expect(!mine.isEmpty, "\(comment) \(name)", sourceLocation: sourceLocation)
    let differing = zip(mine, numpy).filter { $0.map(\.bitPattern) != $1.map(\.bitPattern) }
    #expect(
      differing.isEmpty, "\(comment) \(name): \(differing.count) rows differ, first \(differing.first.map { "\($0)" } ?? "")",
      sourceLocation: sourceLocation)
  }
}

/// A failure to read a printed table.
struct UnreadableTable: Error, CustomStringConvertible {
  var description: String
}

/// The rows of `nnlab data`'s CSV (header `x1,x2,label,set`), split by the set column.
func parseDataCSV(_ text: String) throws -> PointSets {
  var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
  guard lines.first == "x1,x2,label,set", lines.last == "" else {
    throw UnreadableTable(description: "not the documented table: \(text.prefix(80))")
  }
  lines.removeFirst()
  lines.removeLast()
  var table = PointSets()
  for line in lines {
    let fields = line.split(separator: ",", omittingEmptySubsequences: false)
    guard fields.count == 4, let x1 = Double(fields[0]), let x2 = Double(fields[1]),
      fields[2] == "0" || fields[2] == "1", let label = Double(fields[2])
    else { throw UnreadableTable(description: "bad row \(line)") }
    switch fields[3] {
    case "train": table.train.append([x1, x2, label])
    case "test": table.test.append([x1, x2, label])
    default: throw UnreadableTable(description: "bad set in \(line)")
    }
  }
  return table
}

/// Expects a refusal: `status`, nothing on stdout, one line on stderr holding each of `texts`.
func expectRefusal(
  _ output: ProcessOutput, status: Int32, mentioning texts: [String], _ comment: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(output.status == status, "\(comment): \(output.stderr)", sourceLocation: sourceLocation)
  #expect(output.stdout.isEmpty, "\(comment)", sourceLocation: sourceLocation)
  #expect(output.stderr.hasPrefix("nnlab: error: "), "\(comment): \(output.stderr)", sourceLocation: sourceLocation)
  #expect(
    output.stderr.split(separator: "\n").count == 1 && output.stderr.hasSuffix("\n"), "\(comment): \(output.stderr)",
    sourceLocation: sourceLocation)
  for text in texts {
    #expect(output.stderr.contains(text), "\(comment): \(output.stderr) lacks \(text)", sourceLocation: sourceLocation)
  }
}

/// Command-line mistakes about data sets and networks: status 64, one line naming the value.
@Suite struct DataCommandLineErrorTests {
  struct Bad: Sendable, CustomStringConvertible {
    var arguments: [String]
    var mentions: String
    var description: String { arguments.joined(separator: " ") }
  }

  static let csv = Repository.root.appendingPathComponent("Tests/data/csv/points.csv").path

  static let bad: [Bad] = ["data", "train"].flatMap { command in
    [
      Bad(arguments: [command, "--data", "csv"], mentions: "--data csv needs --csv FILE"),
      Bad(arguments: [command, "--csv", csv, "--data", "circle"], mentions: "not of 'circle'"),
      Bad(arguments: [command, "--noise", "0.1"], mentions: "the parabola data set has no noise"),
      Bad(arguments: [command, "--data", "parabola", "--noise", "0.5"], mentions: "noise must be 0"),
      Bad(arguments: [command, "--data", "xor", "--noise", "0.6"], mentions: "noise must be 0 to 0.5, got 0.6"),
      Bad(arguments: [command, "--data", "gauss", "--noise=-0.1"], mentions: "noise must be 0 to 0.5, got -0.1"),
      Bad(arguments: [command, "--data", "moons"], mentions: "moons"),
      Bad(arguments: [command, "--data", "spiral", "--n-test", "0"], mentions: "n-test must be 1 to 1000000, got 0"),
      Bad(arguments: [command, "--csv", csv, "--test-fraction", "1"], mentions: "test-fraction must be a number between 0 and 1, got 1.0"),
      Bad(arguments: [command, "--csv", csv, "--test-fraction", "0"], mentions: "test-fraction"),
      Bad(arguments: [command, "--csv", csv, "--noise", "0.1"], mentions: "noise applies to generated data sets"),
    ]
  } + [
    Bad(arguments: ["train", "--features", "x1,x3"], mentions: "got 'x3'"),
    Bad(arguments: ["train", "--features", "x1,x1"], mentions: "x1"),
    Bad(arguments: ["train", "--features", ""], mentions: "features"),
    Bad(arguments: ["train", "--hidden", "0"], mentions: "1 to 16"),
    Bad(arguments: ["train", "--hidden", "17"], mentions: "1 to 16"),
    Bad(arguments: ["train", "--hidden", "4,,4"], mentions: "hidden must list widths such as 8,8 or be none, got '4,,4'"),
    Bad(arguments: ["train", "--hidden", "1,1,1,1,1,1,1"], mentions: "6"),
    Bad(arguments: ["train", "--regularization", "l3"], mentions: "l3"),
    Bad(arguments: ["train", "--regularization", "l2", "--regularization-rate=-1"], mentions: "regularization-rate"),
    Bad(arguments: ["train", "--init", "zeros"], mentions: "zeros"),
    Bad(arguments: ["train", "--data", "xor", "--hidden", "4", "--init-seed=-1"], mentions: "init-seed must be 0 to 4294967295, got -1"),
    Bad(arguments: ["data", "--hidden", "4"], mentions: "--hidden"),
  ]

  @Test(arguments: bad)
  func aMistakeGivesOneLineAndStatus64(_ bad: Bad) throws {
    let output = try runProcess(Repository.nnlab, bad.arguments)
    expectRefusal(output, status: 64, mentioning: [bad.mentions], bad.description)
  }
}
