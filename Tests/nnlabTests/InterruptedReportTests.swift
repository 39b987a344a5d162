import Foundation
import Testing
import TestSupport

/// Reports stay whole whatever happens to the process writing them: killed at any moment,
/// interrupted, terminated, or racing other nnlab processes on the same folder. The folder
/// given to `--out` always holds a complete report, and no temporary folder survives the
/// next run.
///
/// The suite runs serialized because its kill delays are measured on this machine.
@Suite(.serialized) struct InterruptedReportTests {
  /// A one-case experiment with six iterations: the process spends its time drawing and writing.
  static func tinyExperiment(seed: Int) -> String {
    """
    {"name": "tiny", "title": "Tiny", "data": {"seed": \(seed), "n_obs": 30},
     "cases": [{"name": "one", "batch_size": 10, "epochs": 2, "learning_rate": 0.1}]}
    """
  }

  /// An experiment that trains for many seconds.
  static let longExperiment = """
    {"name": "long", "title": "Long", "data": {"seed": 317, "n_obs": 100},
     "cases": [{"name": "one", "batch_size": 1, "epochs": 1000, "learning_rate": 0.01}]}
    """

  @Test func killedAtAnyMomentLeavesACompleteReportAndNoLeftovers() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let old = try folder.write(Self.tinyExperiment(seed: 317), to: "old.json")
    let new = try folder.write(Self.tinyExperiment(seed: 318), to: "new.json")
    let out = folder.path("out/report")
    try expectSuccess(["report", old, "--quiet", "--out", out])
    let oldFiles = try folder.files("out/report")

    // Measure the process: when its temporary folder appears, and for how long it stays
    // (writing, then removing the earlier report it set aside).
    let probe = folder.path("probe/report")
    var timings: [WriteTimings] = []
    for _ in 0..<3 {
      timings.append(try measure(["report", new, "--quiet", "--out", probe]))
    }
    let newFiles = try folder.files("probe/report")
    let lifetime = timings.map(\.lifetime).sorted()[1]
    let writeStart = timings.compactMap(\.writeStart).sorted().first ?? lifetime * 0.8
    let writing = max(timings.compactMap(\.writing).max() ?? 0, 0.005)

    // 10 kills spread over the time before writing, timed from the start; 30 over the write
    // phase and just after, timed from the moment the temporary folder appears, since the
    // machine's load moves that moment from run to run.
    var kills = (0..<10).map { Kill.afterStart(writeStart * Double($0) / 10) }
    kills += (0..<30).map { Kill.afterWriteStarts(writing * 1.2 * Double($0) / 29) }

    // The machine's load decides how many of those land while the report is written; kills
    // right as the temporary folder appears are added until ten have (at most 40 more).
    var insideWritePhase = 0
    var extra = 0
    while let kill = kills.first ?? (insideWritePhase < 10 && extra < 40 ? Kill.afterWriteStarts(0) : nil) {
      if kills.isEmpty { extra += 1 } else { kills.removeFirst() }
      let process = try launch(["report", new, "--quiet", "--out", out])
      let pid = process.processIdentifier
      switch kill {
      case .afterStart(let delay):
        Thread.sleep(forTimeInterval: delay)
      case .afterWriteStarts(let delay):
        while process.isRunning, try !leftovers(in: folder.path("out")).contains(where: { $0.contains("-\(pid)-") }) {
          usleep(200)
        }
        Thread.sleep(forTimeInterval: delay)
      }
      Glibc.kill(pid, SIGKILL)
      process.waitUntilExit()
      let files = try folder.files("out/report")
      #expect(files == oldFiles || files == newFiles, "\(kill): \(files.keys.sorted())")
      try expectComplete(out)
      if try leftovers(in: folder.path("out")).contains(where: { $0.contains("-\(pid)-") }) {
        insideWritePhase += 1
      }
    }
    print(
      "killed nnlab report \(40 + extra) times over its \(Int(lifetime * 1000)) ms life "
        + "(writing from \(Int(writeStart * 1000)) ms for \(Int(writing * 1000)) ms); "
        + "\(insideWritePhase) kills landed inside the write phase")
    #expect(insideWritePhase >= 10, "only \(insideWritePhase) kills landed while the report was being written")

    try expectSuccess(["report", new, "--quiet", "--out", out])
    #expect(try folder.files("out/report") == newFiles)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("out")) == ["report"])
  }

  @Test(arguments: [SIGINT, SIGTERM])
  func signalWhileWritingRemovesTheTemporaryFolderAndKeepsTheOldReport(_ signal: Int32) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let old = try folder.write(Self.tinyExperiment(seed: 317), to: "old.json")
    let new = try folder.write(Self.tinyExperiment(seed: 318), to: "new.json")
    let out = folder.path("out/report")
    try expectSuccess(["report", old, "--quiet", "--out", out])
    let oldFiles = try folder.files("out/report")

    // Stop the process as soon as its temporary folder appears; when the old report is still
    // in place, the signal arrives before the swap, in the middle of writing.
    var caughtWriting = false
    for _ in 0..<6 where !caughtWriting {
      let process = try launch(["report", new, "--quiet", "--out", out])
      let deadline = Date().addingTimeInterval(20)
      while process.isRunning, Date() < deadline, try leftovers(in: folder.path("out")).isEmpty {
        usleep(200)
      }
      var signalled = false
      if process.isRunning {
        signalled = true
        kill(process.processIdentifier, SIGSTOP)
        waitUntilStopped(process.processIdentifier)
        caughtWriting = try folder.files("out/report") == oldFiles
          && !leftovers(in: folder.path("out")).isEmpty
        kill(process.processIdentifier, signal)
        kill(process.processIdentifier, SIGCONT)
      }
      process.waitUntilExit()
      #expect(shellStatus(process) == (signalled ? 128 + signal : 0))
      #expect(try leftovers(in: folder.path("out")).isEmpty)
      try expectComplete(out)
      if caughtWriting {
        #expect(try folder.files("out/report") == oldFiles)
      } else {
        // Too late: the new report was complete; start again from the old one.
        try expectSuccess(["report", old, "--quiet", "--out", out])
      }
    }
    #expect(caughtWriting, "never caught the process while it was writing")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("out")) == ["report"])
  }

  @Test(arguments: [SIGINT, SIGTERM])
  func signalWhileTrainingEndsAtOnceWithTheOldReportIntact(_ signal: Int32) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let old = try folder.write(Self.tinyExperiment(seed: 317), to: "old.json")
    let long = try folder.write(Self.longExperiment, to: "long.json")
    let out = folder.path("out/report")
    try expectSuccess(["report", old, "--quiet", "--out", out])
    let oldFiles = try folder.files("out/report")

    let process = try launch(["report", long, "--quiet", "--out", out])
    Thread.sleep(forTimeInterval: 0.5)
    #expect(process.isRunning, "the long experiment finished too early to be interrupted while training")
    let sent = Date()
    kill(process.processIdentifier, signal)
    process.waitUntilExit()
    #expect(Date().timeIntervalSince(sent) < 2, "nnlab kept running after the signal")
    #expect(shellStatus(process) == 128 + signal)
    #expect(try folder.files("out/report") == oldFiles)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("out")) == ["report"])
  }

  @Test func concurrentRunsOnOneFolderLeaveOneCompleteReport() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let out = folder.path("out/report")
    let seeds = Array(400..<408)
    let experiments = try seeds.map { try folder.write(Self.tinyExperiment(seed: $0), to: "experiments/\($0).json") }
    try expectSuccess(["report", experiments[0], "--quiet", "--out", out])
    let names = try folder.files("out/report").keys.sorted()

    for round in 0..<1 {
      var runs: [(process: Process, stderr: String)] = []
      for (index, experiment) in experiments.enumerated() {
        let stderr = folder.path("logs/\(round)-\(index).txt")
        runs.append((try launch(["report", experiment, "--quiet", "--out", out], stderr: stderr), stderr))
      }
      for run in runs {
        run.process.waitUntilExit()
        let message = try String(contentsOfFile: run.stderr, encoding: .utf8)
        let status = run.process.terminationStatus
        #expect(run.process.terminationReason == .exit && (status == 0 || status == 73), "\(status): \(message)")
        if status == 0 {
          #expect(message.isEmpty, "\(message)")
        } else {
          #expect(message.hasPrefix("nnlab: error: ") && message.contains("another nnlab"), "\(message)")
          #expect(message.split(separator: "\n").count == 1, "\(message)")
        }
      }
      #expect(runs.contains { $0.process.terminationStatus == 0 })
      try expectComplete(out)
      #expect(try folder.files("out/report").keys.sorted() == names)
      let snapshot = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/snapshot.json")))
      let seed = ((snapshot as? [String: Any])?["experiment"] as? [String: Any])
        .flatMap { ($0["data"] as? [String: Any])?["seed"] as? Int }
      #expect(seed.map(seeds.contains) == true, "the report is none of the runs': seed \(String(describing: seed))")
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("out")) == ["report"])
    }
  }

  @Test func outputFolderExistsAtEveryMomentWhileReportsAreRewritten() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let experiment = try folder.write(Self.tinyExperiment(seed: 317), to: "tiny.json")
    let out = folder.path("out/report")
    try expectSuccess(["report", experiment, "--quiet", "--out", out])
    try FileManager.default.copyItem(atPath: out + "/snapshot.json", toPath: folder.path("snapshot.json"))

    let poller = Poller(files: [out + "/index.html", out + "/snapshot.json", out + "/.nnlab-report"])
    poller.start()
    for _ in 0..<6 {
      try expectSuccess(["render", folder.path("snapshot.json"), "--quiet", "--out", out])
    }
    let (checks, misses) = poller.stop()
    #expect(checks > 1000, "the poller hardly ran: \(checks) checks")
    #expect(misses == 0, "\(misses) of \(checks) checks found the report missing")
    try expectComplete(out)
  }

  // MARK: Helpers

  enum Kill: CustomStringConvertible {
    case afterStart(Double)
    case afterWriteStarts(Double)

    var description: String {
      switch self {
      case .afterStart(let delay): "killed \(Int(delay * 1000)) ms after the start"
      case .afterWriteStarts(let delay): "killed \(Int(delay * 1000)) ms after writing began"
      }
    }
  }

  struct WriteTimings {
    var lifetime: Double
    var writeStart: Double?
    var writeEnd: Double?

    /// How long the temporary folder existed.
    var writing: Double? {
      guard let writeStart, let writeEnd else { return nil }
      return writeEnd - writeStart
    }
  }

  /// Runs nnlab to completion, watching for its temporary folder beside the output.
  func measure(_ arguments: [String]) throws -> WriteTimings {
    let out = URL(fileURLWithPath: arguments[arguments.firstIndex(of: "--out")! + 1])
    let parent = out.deletingLastPathComponent().path
    try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
    let started = Date()
    let process = try launch(arguments)
    var timings = WriteTimings(lifetime: 0)
    while process.isRunning {
      let writing = try !leftovers(in: parent).isEmpty
      let now = Date().timeIntervalSince(started)
      if writing, timings.writeStart == nil { timings.writeStart = now }
      if writing { timings.writeEnd = now }
      usleep(500)
    }
    process.waitUntilExit()
    timings.lifetime = Date().timeIntervalSince(started)
    #expect(process.terminationStatus == 0)
    return timings
  }

  func launch(_ arguments: [String], stderr: String? = nil) throws -> Process {
    let process = Process()
    process.executableURL = Repository.nnlab
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    if let stderr {
      try FileManager.default.createDirectory(
        atPath: (stderr as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      _ = FileManager.default.createFile(atPath: stderr, contents: nil)
      process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderr))
    } else {
      process.standardError = FileHandle.nullDevice
    }
    try process.run()
    return process
  }

  func expectSuccess(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
    let output = try runProcess(Repository.nnlab, arguments)
    #expect(output.status == 0, "\(output.stderr)", sourceLocation: sourceLocation)
  }

  /// The status a shell reports: 128 plus the signal for a process that a signal ended.
  func shellStatus(_ process: Process) -> Int32 {
    process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
  }

  /// Hidden entries that nnlab writes beside a report while it works (`.NAME.nnlab-*`).
  func leftovers(in parent: String) throws -> [String] {
    guard FileManager.default.fileExists(atPath: parent) else { return [] }
    return try FileManager.default.contentsOfDirectory(atPath: parent)
      .filter { $0.hasPrefix(".") && $0.contains(".nnlab-") }
  }

  func expectComplete(_ report: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let manager = FileManager.default
    #expect(manager.fileExists(atPath: report + "/index.html"), sourceLocation: sourceLocation)
    #expect(manager.fileExists(atPath: report + "/.nnlab-report"), sourceLocation: sourceLocation)
    let snapshot = manager.contents(atPath: report + "/snapshot.json")
    #expect(
      snapshot.flatMap { try? JSONSerialization.jsonObject(with: $0) } != nil,
      "snapshot.json is missing or not JSON", sourceLocation: sourceLocation)
  }

  /// Waits until the kernel shows `pid` stopped (state T), at most a second.
  func waitUntilStopped(_ pid: Int32) {
    for _ in 0..<1000 {
      guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let end = stat.lastIndex(of: ")")
      else { return }
      if stat[stat.index(end, offsetBy: 2)] == "T" { return }
      usleep(1000)
    }
  }
}

/// Checks on a thread of its own, as fast as it can, that files exist.
final class Poller: @unchecked Sendable {
  private let files: [String]
  private let lock = NSLock()
  private var running = true
  private var checks = 0
  private var misses = 0
  private let done = DispatchSemaphore(value: 0)

  init(files: [String]) { self.files = files }

  func start() {
    Thread {
      var checks = 0, misses = 0
      while self.lock.withLock({ self.running }) {
        for _ in 0..<100 {
          for file in self.files where access(file, F_OK) != 0 { misses += 1 }
          checks += 1
        }
      }
      self.lock.withLock { (self.checks, self.misses) = (checks, misses) }
      self.done.signal()
    }.start()
  }

  func stop() -> (checks: Int, misses: Int) {
    lock.withLock { running = false }
    done.wait()
    return lock.withLock { (checks, misses) }
  }
}
