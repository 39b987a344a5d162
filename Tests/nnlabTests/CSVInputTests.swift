import Foundation
import Testing
import TestSupport

/// Points from a CSV file, through `nnlab data --csv`, `nnlab train --csv` and an experiment
/// whose `data.csv` names the file: good files give the oracle's split, bad ones one line
/// naming the line and status 65.
@Suite struct CSVInputTests {
  static let folder = Repository.root.appendingPathComponent("Tests/data/csv")

  static func file(_ name: String) -> String { folder.appendingPathComponent(name).path }

  /// Copies the test file `name` into `folder` as `lab/copy` (when it exists).
  static func copy(_ name: String, to folder: TemporaryFolder, as copy: String) throws {
    guard FileManager.default.fileExists(atPath: file(name)) else { return }
    let lab = folder.url.appendingPathComponent("lab")
    try FileManager.default.createDirectory(at: lab, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: file(name), toPath: lab.appendingPathComponent(copy).path)
  }

  /// The plain file has no `set` column; the other has one, with CR LF line ends, a blank
  /// line, spaces around values and a byte order mark.
  static let goodFiles: [(file: String, flags: [String])] = [
    ("points.csv", []),
    ("points.csv", ["--seed", "8", "--test-fraction", "0.3"]),
    ("points.csv", ["--seed", "4294967295", "--test-fraction", "0.9"]),
    ("points-with-set.csv", []),
    ("points-with-set.csv", ["--seed", "3", "--test-fraction", "0.2"]),
  ]

  @Test func dataReadsAGoodFileAsTheOracleDoes() throws {
    for (name, flags) in Self.goodFiles {
      let arguments = ["data", "--csv", Self.file(name)] + flags + ["--json"]
      let ours = try runProcess(Repository.nnlab, arguments)
      let theirs = try runPython([Repository.oracle.path] + arguments)
      try #require(ours.status == 0, "\(name) \(flags): \(ours.stderr)")
      try #require(theirs.status == 0, "\(name) \(flags): \(theirs.stderr)")
      let mine = try JSONDecoder().decode(PointSets.self, from: Data(ours.stdout.utf8))
      expectSameBits(
        mine, try JSONDecoder().decode(PointSets.self, from: Data(theirs.stdout.utf8)), "\(name) \(flags)")
      #expect(mine.train.count + mine.test.count == (name == "points.csv" ? 40 : 24))
      // The CSV output holds the same split.
      let csv = try runProcess(Repository.nnlab, Array(arguments.dropLast()))
      expectSameBits(try parseDataCSV(csv.stdout), mine, "\(name) \(flags) csv")
    }
  }

  /// The set column decides the split, whatever the seed and test fraction.
  @Test func aSetColumnOverridesTheTestFraction() throws {
    let split = try runProcess(Repository.nnlab, ["data", "--csv", Self.file("points-with-set.csv"), "--json"])
    let other = try runProcess(
      Repository.nnlab, ["data", "--csv", Self.file("points-with-set.csv"), "--json", "--seed", "3", "--test-fraction", "0.2"])
    #expect(split.status == 0 && other.status == 0)
    #expect(split.stdout == other.stdout)
    let points = try JSONDecoder().decode(PointSets.self, from: Data(split.stdout.utf8))
    #expect(points.test.count == 8)
    #expect(points.train.count == 16)
  }

  @Test func trainOnAFileWithASetColumnIsTheOracles() throws {
    let arguments = [
      "train", "--csv", Self.file("points-with-set.csv"), "--hidden", "2", "--features", "x1_squared,x2_squared",
      "--activation", "tanh", "--batch-size", "4", "--epochs", "3", "--learning-rate", "0.3", "--json",
    ]
    let ours = try runProcess(Repository.nnlab, arguments)
    let theirs = try runPython([Repository.oracle.path] + arguments)
    try #require(ours.status == 0, "\(ours.stderr)")
    try #require(theirs.status == 0, "\(theirs.stderr)")
    let mine = try #require(try JSONSerialization.jsonObject(with: Data(ours.stdout.utf8)) as? [String: Any])
    let numpy = try #require(try JSONSerialization.jsonObject(with: Data(theirs.stdout.utf8)) as? [String: Any])
    for key in ["loss_train", "loss_test"] {
      let a = try #require(mine[key] as? [Double])
      let b = try #require(numpy[key] as? [Double])
      #expect(a.count == 12)
      #expect(a.map(\.bitPattern) == b.map(\.bitPattern), "\(key)")
    }
  }

  // MARK: Experiments

  /// An experiment in its own folder naming `points.csv`, run from another folder: the
  /// path is the experiment file's, and the trained losses are the oracle's on that split.
  @Test(arguments: [
    (file: "points.csv", data: #""csv": "points.csv", "seed": 8, "test_fraction": 0.3"#,
     flags: ["--seed", "8", "--test-fraction", "0.3"]),
    (file: "points-with-set.csv", data: #""csv": "points.csv""#, flags: []),
  ])
  func anExperimentReadsItsFileBesideItself(_ setup: (file: String, data: String, flags: [String])) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try Self.copy(setup.file, to: folder, as: "points.csv")
    let experiment = try folder.write(Self.experiment(data: setup.data), to: "lab/experiment.json")
    try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("elsewhere"), withIntermediateDirectories: true)
    let output = try runProcess(
      Repository.nnlab, ["report", experiment, "--quiet", "--out", folder.path("report")],
      in: folder.url.appendingPathComponent("elsewhere"))
    try #require(output.status == 0, "\(output.stderr)")
    #expect(output.stdout.isEmpty && output.stderr.isEmpty)

    let snapshot = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.path("report/snapshot.json"))))
        as? [String: Any])
    let cases = try #require(snapshot["cases"] as? [[String: Any]])
    let loss = try #require(cases.first?["loss"] as? [String: Any])
    #expect(loss["stride"] as? Int == 1)

    let oracle = try runPython(
      [Repository.oracle.path, "train", "--csv", Self.file(setup.file)] + setup.flags + Self.caseFlags + ["--json"])
    try #require(oracle.status == 0, "\(oracle.stderr)")
    let numpy = try #require(try JSONSerialization.jsonObject(with: Data(oracle.stdout.utf8)) as? [String: Any])
    for (ours, theirs) in [("train", "loss_train"), ("test", "loss_test")] {
      let a = try #require(loss[ours] as? [Double])
      let b = try #require(numpy[theirs] as? [Double])
      #expect(!a.isEmpty)
      #expect(a.map(\.bitPattern) == b.map(\.bitPattern), "\(ours)")
    }
  }

  /// The one case of the experiments above, and the same case as `train` flags.
  static func experiment(data: String) -> String {
    """
    {"name": "points-lab", "title": "Points from a file", "data": {\(data)},
     "network": {"hidden": [2], "features": ["x1", "x2"]},
     "cases": [{"name": "tanh", "activation": "tanh", "batch_size": 5, "epochs": 2, "learning_rate": 0.3}]}
    """
  }

  static let caseFlags = [
    "--hidden", "2", "--activation", "tanh", "--batch-size", "5", "--epochs", "2", "--learning-rate", "0.3",
  ]

  /// The snapshot holds the points: it renders again, byte for byte, with the file and the
  /// experiment gone.
  @Test func aCSVSnapshotRendersWithoutTheFile() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try Self.copy("points.csv", to: folder, as: "points.csv")
    let experiment = try folder.write(Self.experiment(data: #""csv": "points.csv""#), to: "lab/experiment.json")
    let report = try runProcess(Repository.nnlab, ["report", experiment, "--quiet", "--out", folder.path("report")])
    try #require(report.status == 0, "\(report.stderr)")
    try FileManager.default.removeItem(at: folder.url.appendingPathComponent("lab"))

    let rendered = try runProcess(
      Repository.nnlab, ["render", folder.path("report/snapshot.json"), "--quiet", "--out", folder.path("again")],
      environment: independentProcessEnvironment)
    try #require(rendered.status == 0, "\(rendered.stderr)")
    let first = try folder.files("report")
    #expect(first.count > 5)
    #expect(differences(first, try folder.files("again")) == [])
  }

  // MARK: Bad files

  struct BadFile: Sendable, CustomStringConvertible {
    var name: String
    /// What the error line must say besides the file's name.
    var mentions: String
    /// Whether the oracle refuses it too (it has no row limit).
    var oracleRefuses = true
    var description: String { name }
  }

  static let badFiles = [
    BadFile(name: "bad-header.csv", mentions: "line 1: the header must be x1,x2,label or x1,x2,label,set"),
    BadFile(name: "bad-number.csv", mentions: "line 3: x2 must be a finite number"),
    BadFile(name: "bad-nan.csv", mentions: "line 3: x1 must be a finite number"),
    BadFile(name: "bad-inf.csv", mentions: "line 4: x2 must be a finite number"),
    BadFile(name: "bad-label.csv", mentions: "line 3: label must be 0 or 1, got '2'"),
    BadFile(name: "bad-label-decimal.csv", mentions: "line 3: label must be 0 or 1, got '1.0'"),
    BadFile(name: "bad-hex.csv", mentions: "line 3: x1 must be a finite number"),
    BadFile(name: "bad-short-row.csv", mentions: "line 3: has 2 values; the header has 3"),
    BadFile(name: "bad-set.csv", mentions: "line 3: set must be 'train' or 'test', got 'validate'"),
    BadFile(name: "bad-no-test-rows.csv", mentions: "the test set is empty"),
    BadFile(name: "bad-no-training-rows.csv", mentions: "the train set is empty"),
    BadFile(name: "missing.csv", mentions: "cannot be read"),
  ]

  @Test(arguments: badFiles)
  func aBadFileIsRefusedWithItsLine(_ bad: BadFile) throws {
    let path = Self.file(bad.name)
    for command in [["data"], ["train", "--hidden", "2"]] {
      let output = try runProcess(Repository.nnlab, command + ["--csv", path])
      expectRefusal(output, status: 65, mentioning: [bad.name + "'", bad.mentions], "\(command[0]) \(bad.name)")
    }
    if bad.oracleRefuses {
      let oracle = try runPython([Repository.oracle.path, "data", "--csv", path])
      #expect(oracle.status != 0, "the oracle accepts \(bad.name)")
    }
  }

  @Test(arguments: badFiles)
  func anExperimentNamingABadFileIsRefused(_ bad: BadFile) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try Self.copy(bad.name, to: folder, as: bad.name)
    let experiment = try folder.write(Self.experiment(data: #""csv": "\#(bad.name)""#), to: "lab/experiment.json")
    let output = try runProcess(Repository.nnlab, ["report", experiment, "--quiet", "--out", folder.path("report")])
    // The key `data.csv` names the file; a message about a line quotes it too.
    expectRefusal(output, status: 65, mentioning: ["bad experiment", "experiment.json': data.csv: ", bad.mentions], bad.name)
    #expect(!FileManager.default.fileExists(atPath: folder.path("report")))
  }

  /// One row more than a table may have (two sets of a million points): refused at that
  /// row, before any work; a million points in either set is the most.
  @Test func aFileWithTooManyRowsOrPointsIsRefused() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let limit = 2_000_000
    let path = try folder.write("x1,x2,label\n" + String(repeating: "0.5,-0.25,1\n", count: limit + 1), to: "many.csv")
    expectRefusal(
      try runProcess(Repository.nnlab, ["data", "--csv", path]), status: 65,
      mentioning: ["many.csv' line \(limit + 2): more than \(limit) rows"], "data")
    // One row fewer is a table: a million training and a million test points.
    let rows = (0..<limit).map { "\(Double($0 % 400) / 100 - 2),\(Double($0 % 397) / 100 - 2),\($0 % 2)\n" }
    let enough = try folder.write("x1,x2,label\n" + rows.joined(), to: "enough.csv")
    let output = try runProcess(
      Repository.nnlab,
      ["train", "--csv", enough, "--hidden", "none", "--batch-size", "1000000", "--gradient", "analytic", "--json"])
    try #require(output.status == 0, "\(output.stderr)")
    let result = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    #expect(result["iterations"] as? Int == 1)
    #expect((result["loss_train"] as? [Double])?.count == 1)

    // A set column that puts a million and one points in the training set.
    let training = try folder.write(
      "x1,x2,label,set\n" + String(repeating: "0.5,-0.25,1,train\n", count: limit / 2 + 1) + "1,1,0,test\n",
      to: "lab/training.csv")
    expectRefusal(
      try runProcess(Repository.nnlab, ["train", "--csv", training]), status: 65,
      mentioning: ["training.csv': the train set has 1000001 points; at most 1000000 are allowed"], "train")
    let experiment = try folder.write(Self.experiment(data: #""csv": "training.csv""#), to: "lab/experiment.json")
    let report = try runProcess(Repository.nnlab, ["report", experiment, "--quiet", "--out", folder.path("report")])
    expectRefusal(
      report, status: 65,
      mentioning: ["experiment.json': data.csv: the train set has 1000001 points; at most 1000000 are allowed"], "report")
  }
}
