import Foundation
@testable import LabReport
import Synchronization
import Testing
import TestSupport
import TinyNet

/// Experiment files and snapshots changed at random, from a fixed seed, and run through
/// `nnlab report` and `nnlab render`: every run ends with a documented exit status and at
/// most one line on stderr, never a crash; every report written has a snapshot nnlab reads
/// back, and every snapshot rendered is kept byte for byte.
@Suite struct FuzzTests {
  /// Two tiny experiments, quick to train and draw (their points lie close together, so the
  /// decision boundaries' grids are small): points given in the file itself, and a
  /// generated set; between them most keys of an experiment file.
  static let experiments = [
    """
    {"name": "fuzz", "title": "Fuzz", "notes": "Changed at random.",
     "data": {"points": [[0, 0, 0, "train"], [0.1, 0.1, 1, "train"], [0.05, 0, 0, "test"], [0, 0.1, 1, "test"]]},
     "network": {"hidden": [2], "features": ["x1", "x2_squared"]},
     "step": {"learning_rate": 0.5, "activation": "tanh", "gradient": "analytic"},
     "cases": [{"name": "one", "batch_size": 2, "epochs": 1, "learning_rate": 0.1},
               {"name": "two", "batch_size": 2, "batch_norm": true, "activation": "sigmoid", "hidden": [1, 2],
                "regularization": "l2", "regularization_rate": 0.01}],
     "histograms": ["one", "two"]}
    """,
    """
    {"name": "gauss", "title": "Gauss", "data": {"set": "gauss", "seed": 5, "n_obs": 1, "n_test": 1, "noise": 0.1},
     "network": {"init": "random", "init_seed": 5},
     "initial_network": {"b11": 0, "b12": 0, "b13": 0, "b21": 0, "w11": 1, "w12": 1, "w13": 1, "w21": 1,
                         "w22": 1, "w23": 1, "w31": 1, "w32": 1, "w33": 1},
     "cases": [{"name": "a", "epochs": 1, "activation": "linear", "regularization": "l1", "regularization_rate": 0.5}]}
    """,
  ]

  static let extremeNumbers = [
    "-1", "0", "-0", "1", "2", "0.5", "5e-324", "1e-320", "1e308", "-1e308", "1.7976931348623157e308", "1e999",
    "-1e999", "9007199254740993", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
    "18446744073709551616", "1e30", "NaN", "Infinity", "-", "01", "1.", "true", "null",
  ]

  static let hostileStrings = [
    "", " ", String(repeating: "long ", count: 2000), "\u{0}\u{1B}[31mred\u{7}\r\n", "\u{202E}evil\u{200B}", "𝒳🧠",
    "../../etc/passwd", "<script>alert(1)</script>&amp;", "{{t.title}}{{{notes}}}", "%s%n%@", "csv", "spiral",
    "relu", "linear", "analytic", "random", "l1", "ko", "train", "b11", "x1_x2",
  ]

  @Test func mutatedExperimentsNeverCrashNNLab() throws {
    let folder = try TemporaryFolder("nnlab-fuzz")
    defer { folder.remove() }
    let bases = try Self.experiments.map { try JSONDocument(parsing: Data($0.utf8)) }
    var random = RandomState(seed: 2025)
    let runs = (0..<500).map { index in
      let file = folder.path("experiment-\(index).json")
      return Run(command: "report", input: Data(Self.mutant(of: bases[index % bases.count], &random).utf8), file: file)
    }
    let outcomes = try Self.runAll(runs, in: folder)
    for problem in outcomes.compactMap(\.problem) { Issue.record(Comment(rawValue: problem)) }
    #expect(outcomes.filter { $0.status == 0 }.count >= 25, "too few mutants were valid experiments")
  }

  @Test func mutatedSnapshotsNeverCrashNNLab() throws {
    let folder = try TemporaryFolder("nnlab-fuzz")
    defer { folder.remove() }
    let bases = try Self.experiments.map { text in
      let experiment = try Experiment(json: Data(text.utf8))
      let snapshot = Snapshot(experiment: experiment, language: .en, results: experiment.run())
      return try JSONDocument(parsing: snapshot.json())
    }
    var random = RandomState(seed: 2026)
    let runs = (0..<500).map { index in
      let text = Data(Self.mutant(of: bases[index % bases.count], &random).utf8)
      // A mutant nnlab's own types accept gets the checksum nnlab would write, so that
      // the data set, the drawn point and the rendering are tried too.
      let recomputed = (try? JSONDecoder().decode(SnapshotFile.self, from: text)).flatMap { try? $0.snapshot.json() }
      return Run(command: "render", input: recomputed ?? text, file: folder.path("snapshot-\(index).json"))
    }
    let outcomes = try Self.runAll(runs, in: folder)
    for problem in outcomes.compactMap(\.problem) { Issue.record(Comment(rawValue: problem)) }
    #expect(outcomes.filter { $0.status == 0 }.count >= 25, "too few mutants were rendered")
  }

  // MARK: Mutation

  /// `document` with one to three random changes, as text; one in twenty is also cut short.
  ///
  /// A change drops a value, repeats it (a repeated key in an object), renames its key, or
  /// replaces it: by an extreme number, a hostile string, another value of the document, the
  /// same value as another type, or deeply nested lists.
  static func mutant(of document: JSONDocument, _ random: inout RandomState) -> String {
    var document = document
    for _ in 0...random.choice(below: 3) {
      let positions = document.positions
      guard !positions.isEmpty else { break }
      let position = positions[random.choice(below: positions.count)]
      let (parent, index) = (position.dropLast(), position[position.count - 1])
      let value = document.value(at: position)
      let replacement: JSONDocument
      switch random.choice(below: 8) {
      case 0:
        document.editMembers(at: parent) { $0.remove(at: index) }
        continue
      case 1:
        document.editMembers(at: parent) { $0.insert($0[index], at: index) }
        continue
      case 2:
        document.editMembers(at: parent) { $0[index].key += "_" }
        continue
      case 3: replacement = .raw(extremeNumbers[random.choice(below: extremeNumbers.count)])
      case 4: replacement = .string(hostileStrings[random.choice(below: hostileStrings.count)])
      case 5: replacement = document.value(at: positions[random.choice(below: positions.count)])
      case 6: replacement = [.string(value.text), .array([value]), .object([("value", value)]), .raw("null")][random.choice(below: 4)]
      default:
        let depth = [2, 64, 600, 100_000][random.choice(below: 4)]
        replacement = .raw(String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
      }
      document.editMembers(at: parent) { $0[index].value = replacement }
    }
    let text = document.text
    return random.choice(below: 20) == 0 ? String(text.prefix(random.choice(below: text.count))) : text
  }

  // MARK: Running

  /// One file to run through `nnlab <command> FILE --out DIR`.
  struct Run: Sendable {
    var command: String
    var input: Data
    var file: String
  }

  /// How one run ended: its exit status, and what was wrong with it, if anything.
  struct Outcome: Sendable {
    var status: Int32
    var problem: String?
  }

  /// Runs every file, two processes at a time, and checks each outcome.
  static func runAll(_ runs: [Run], in folder: TemporaryFolder) throws -> [Outcome] {
    for run in runs { try run.input.write(to: URL(fileURLWithPath: run.file)) }
    let outcomes = Mutex([Outcome?](repeating: nil, count: runs.count))
    let workers = 2
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      for index in stride(from: worker, to: runs.count, by: workers) {
        let outcome = check(runs[index], output: folder.path("out-\(index)"))
        outcomes.withLock { $0[index] = outcome }
      }
    }
    return outcomes.withLock { $0.compactMap { $0 } }
  }

  /// Runs one file and says what is wrong with anything but a documented outcome.
  static func check(_ run: Run, output folder: String) -> Outcome {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let text = String(decoding: run.input.prefix(2000), as: UTF8.self)
    guard
      let output = try? runProcess(Repository.nnlab, [run.command, run.file, "--quiet", "--out", folder], timeout: 60)
    else {
      return Outcome(status: -1, problem: "nnlab could not be started for \(run.file)")
    }
    var problems: [String] = []
    if output.timedOut { problems.append("took longer than 60 s") }
    if ![0, 64, 65, 73].contains(output.status) { problems.append("exit status \(output.status)") }
    if ["Fatal error", "Backtrac", "crashed"].contains(where: { output.stderr.contains($0) }) { problems.append("a crash") }
    let lines = output.stderr.split(separator: "\n", omittingEmptySubsequences: false).count - 1
    if output.status == 0 && !output.stderr.isEmpty { problems.append("stderr not empty") }
    if output.status != 0 && (lines != 1 || !output.stderr.hasPrefix("nnlab: error: ")) {
      problems.append("not one error line on stderr")
    }
    if output.status == 0 {
      let written = FileManager.default.contents(atPath: folder + "/snapshot.json") ?? Data()
      if run.command == "render" && written != run.input { problems.append("the snapshot was not kept byte for byte") }
      if run.command == "report", case .failure(let error) = Result(catching: { try Snapshot(json: written) }) {
        problems.append("the report's snapshot cannot be read back: \(error)")
      }
    }
    guard !problems.isEmpty else { return Outcome(status: output.status) }
    return Outcome(
      status: output.status,
      problem: "\(run.command) \(run.file): \(problems.joined(separator: ", ")); stderr: \(output.stderr.prefix(3000))\n\(text)")
  }
}
