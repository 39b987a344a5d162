import Foundation
import Testing
import TestSupport

/// A sweep's report, written by the real nnlab: the same bytes for any `--jobs`, a ranked
/// table that follows the results, the spread over seeds, a page per case, and bad sweeps
/// and interruptions handled.
@Suite struct SweepReportTests {
  /// Three learning rates, two batch sizes and two data seeds on the circle: 12 cases.
  static let sweep = #"""
    {"name": "lr-batch", "title": "Learning rate against batch size",
     "data": {"set": "circle", "n_obs": 60, "noise": 0.1},
     "network": {"hidden": [4]},
     "sweep": {"learning_rate": [0.03, 0.3, 3], "batch_size": [1, 20], "data_seed": [1, 2], "epochs": [3],
               "activation": ["tanh"]}}
    """#

  /// The cases of a snapshot, each as its JSON object.
  static func cases(_ snapshot: Data) throws -> [[String: Any]] {
    let object = try #require(try JSONSerialization.jsonObject(with: snapshot) as? [String: Any])
    return try #require(object["cases"] as? [[String: Any]])
  }

  /// The text of every cell of the rows of the table with `class`, as the page writes them.
  static func rows(of table: String, in html: String) throws -> [[String]] {
    let start = try #require(html.range(of: "<table class=\"\(table)\">"))
    let end = try #require(html.range(of: "</table>", range: start.upperBound..<html.endIndex))
    let body = html[start.upperBound..<end.lowerBound]
    let tbody = try #require(body.range(of: "<tbody>"))
    return body[tbody.upperBound...].split(separator: "\n").filter { $0.hasPrefix("<tr>") }.map { row in
      row.split(separator: "<").compactMap { piece -> String? in
        guard let close = piece.firstIndex(of: ">"), piece.hasPrefix("td") || piece.hasPrefix("a ") else { return nil }
        let text = piece[piece.index(after: close)...]
        return text.isEmpty ? nil : String(text)
      }
    }
  }

  @Test func jobsDoNotChangeABitAndRenderAndVerifyAgree() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let lab = try folder.write(Self.sweep, to: "lab.json")
    var reports: [[String: Data]] = []
    for jobs in ["1", "2"] {
      let output = try runProcess(
        Repository.nnlab, ["report", lab, "--quiet", "--jobs", jobs, "--out", folder.path("jobs-\(jobs)")],
        environment: independentProcessEnvironment)
      #expect(output.status == 0, "\(output.stderr)")
      reports.append(try folder.files("jobs-\(jobs)"))
    }
    #expect(differences(reports[0], reports[1]).isEmpty, "\(differences(reports[0], reports[1]))")
    #expect(reports[0].keys.filter { $0.hasPrefix("cases/") }.count == 12)
    #expect(!reports[0].keys.contains { $0.hasPrefix("figures/case-") || $0.hasPrefix("graphs/case-") })

    let render = try runProcess(
      Repository.nnlab, ["render", folder.path("jobs-1/snapshot.json"), "--quiet", "--out", folder.path("render")])
    #expect(render.status == 0, "\(render.stderr)")
    #expect(differences(reports[0], try folder.files("render")).isEmpty)
    let verify = try runProcess(Repository.nnlab, ["verify", folder.path("jobs-1/snapshot.json")])
    #expect(verify.status == 0 && verify.stdout.hasPrefix("verified: 12 cases"), "\(verify.stdout)\(verify.stderr)")

    // The snapshot keeps each case's outcome and the digest of its recordings, not its curves.
    let snapshot = try #require(reports[0]["snapshot.json"])
    #expect(snapshot.count < 40_000)
    for entry in try Self.cases(snapshot) {
      #expect(Set(entry.keys) == ["iterations", "diverged_at", "params", "final", "recordings_sha256"])
    }
  }

  /// The table ranks the cases by their final test loss in the snapshot, links each to a
  /// page that holds its section, and every page is well-formed HTML.
  @Test func rankedTableFollowsTheSnapshotAndLinksEveryPage() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let lab = try folder.write(Self.sweep, to: "lab.json")
    let output = try runProcess(Repository.nnlab, ["report", lab, "--quiet", "--out", folder.path("out")])
    #expect(output.status == 0, "\(output.stderr)")
    let files = try folder.files("out")
    let html = String(decoding: try #require(files["index.html"]), as: UTF8.self)
    let entries = try Self.cases(try #require(files["snapshot.json"]))
    let losses = try entries.map { entry -> Double in
      let final = try #require(entry["final"] as? [String: Any])
      return entry["diverged_at"] is NSNull ? (final["loss_test"] as? Double ?? .infinity) : .infinity
    }
    let expected = losses.indices.sorted { losses[$0] != losses[$1] ? losses[$0] < losses[$1] : $0 < $1 }
    let rows = try Self.rows(of: "summary ranked", in: html)
    #expect(rows.count == 12)
    let rates = ["0.03", "0.3", "3.0"]
    for (rank, row) in rows.enumerated() {
      let index = expected[rank]
      #expect(row[0] == String(rank + 1))
      #expect(row[2] == rates[index / 4] && row[3] == ["1", "20"][index / 2 % 2] && row[4] == String(index % 2 + 1))
      if losses[index].isFinite { #expect(row[7] == String(format: "%.4f", losses[index])) }
    }
    let hrefs = html.components(separatedBy: "<a href=\"cases/").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    #expect(Set(hrefs).count == 12)
    for href in hrefs {
      let page = String(decoding: try #require(files["cases/" + href]), as: UTF8.self)
      #expect(page.contains("<a href=\"../index.html#sweep\">"))
      #expect(page.contains("<article class=\"run\""))
      #expect(page.components(separatedBy: "<svg").count >= 5)
      #expect(try htmlComplaints(folder.url.appendingPathComponent("out/cases/" + href)) == "")
    }
    #expect(try htmlComplaints(folder.url.appendingPathComponent("out/index.html")) == "")
  }

  /// Over the two data seeds, each learning rate and batch size shows the mean and the
  /// sample standard deviation of the final test loss and accuracy.
  @Test func seedTableShowsMeanAndSpread() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let lab = try folder.write(Self.sweep, to: "lab.json")
    let output = try runProcess(Repository.nnlab, ["report", lab, "--quiet", "--out", folder.path("out")])
    #expect(output.status == 0, "\(output.stderr)")
    let files = try folder.files("out")
    let entries = try Self.cases(try #require(files["snapshot.json"]))
    let finals = try entries.map { try #require($0["final"] as? [String: Any]) }
    let rows = try Self.rows(of: "summary seeds", in: String(decoding: try #require(files["index.html"]), as: UTF8.self))
    #expect(rows.count == 6)
    let script = """
      import json, sys
      import numpy as np
      values = json.load(sys.stdin)
      out = []
      for group in range(6):
          loss = np.array([values[2 * group + k][0] for k in range(2)])
          acc = np.array([values[2 * group + k][1] for k in range(2)])
          out.append(["%.4f" % loss.mean(), "%.4f" % loss.std(ddof=1), "%.0f%%" % (acc.mean() * 100), "%.1f" % (acc.std(ddof=1) * 100)])
      print(json.dumps(out))
      """
    let input = try finals.map { [try #require($0["loss_test"] as? Double), try #require($0["accuracy_test"] as? Double)] }
    let numpy = try runPython(
      ["-c", script], stdin: String(decoding: try JSONSerialization.data(withJSONObject: input), as: UTF8.self))
    let expected = try #require(try JSONSerialization.jsonObject(with: Data(numpy.stdout.utf8)) as? [[String]])
    let byGroup = Dictionary(uniqueKeysWithValues: rows.map { ($0[0] + "/" + $0[1], Array($0[3...])) })
    for group in 0..<6 {
      let key = ["0.03", "0.3", "3.0"][group / 2] + "/" + ["1", "20"][group % 2]
      #expect(byGroup[key] == expected[group], "\(key)")
    }
  }

  /// The cells of a heat map figure, panel by panel: each cell's row, column, hover title
  /// and text, in the order the SVG writes them.
  static func heatMapCells(_ svg: String) -> [[(row: Int, column: Int, title: String, text: String)]] {
    var panels: [[(row: Int, column: Int, title: String, text: String)]] = []
    for piece in svg.components(separatedBy: "<g class=\"cell\" data-row=\"").dropFirst() {
      let numbers = piece.split(separator: "\"", maxSplits: 3)
      let row = Int(numbers[0]) ?? -1
      let column = Int(numbers[2]) ?? -1
      func between(_ open: String, _ close: String) -> String {
        guard let start = piece.range(of: open), let end = piece.range(of: close, range: start.upperBound..<piece.endIndex)
        else { return "" }
        return String(piece[start.upperBound..<end.lowerBound])
      }
      if row == 0 && column == 0 { panels.append([]) }
      panels[panels.count - 1].append((row, column, between("<title>", "</title>"), between(">", "</text>").components(separatedBy: ">").last ?? ""))
    }
    return panels
  }

  /// Every cell of the heat maps is the mean over the seeds of its cases' final test loss
  /// or accuracy in the snapshot, in its row and column; other settings get a panel each.
  @Test func heatMapCellsAgreeWithTheCases() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let lab = try folder.write(Self.sweep, to: "lab.json")
    var output = try runProcess(Repository.nnlab, ["report", lab, "--quiet", "--out", folder.path("out")])
    #expect(output.status == 0, "\(output.stderr)")
    let finals = try Self.cases(try Data(contentsOf: folder.url.appendingPathComponent("out/snapshot.json"))).map {
      try #require($0["final"] as? [String: Any])
    }
    for (file, key) in [("sweep-test-loss", "loss_test"), ("sweep-test-accuracy", "accuracy_test")] {
      let svg = try String(contentsOfFile: folder.path("out/figures/\(file).svg"), encoding: .utf8)
      let panels = Self.heatMapCells(svg)
      #expect(panels.count == 1 && panels[0].count == 6)
      for cell in panels.first ?? [] {
        // Rows are the learning rates, columns the batch sizes; cases 4r + 2c + seed.
        let values = try (0..<2).map { try #require(finals[4 * cell.row + 2 * cell.column + $0][key] as? Double) }
        let mean = (values[0] + values[1]) / 2
        #expect(cell.text == (key == "loss_test" ? String(format: "%.3f", mean) : String(format: "%.0f%%", mean * 100)))
        #expect(cell.title.hasPrefix(key == "loss_test" ? String(format: "%.4f: mean of 2 runs, s.d. ", mean) : ""))
      }
    }
    // A setting that is neither an axis nor a seed makes a panel of its own.
    let panelled = try folder.write(
      #"{"name": "p", "title": "P", "sweep": {"learning_rate": [0.1, 1], "batch_size": [5, 20], "activation": ["tanh", "relu"], "epochs": [2]}}"#,
      to: "panelled.json")
    output = try runProcess(Repository.nnlab, ["report", panelled, "--quiet", "--out", folder.path("panelled")])
    #expect(output.status == 0, "\(output.stderr)")
    let finalsByCase = try Self.cases(try Data(contentsOf: folder.url.appendingPathComponent("panelled/snapshot.json")))
    let svg = try String(contentsOfFile: folder.path("panelled/figures/sweep-test-loss.svg"), encoding: .utf8)
    let panels = Self.heatMapCells(svg)
    #expect(panels.count == 2 && svg.contains(">activation tanh<") && svg.contains(">activation relu<"))
    for (panel, cells) in panels.enumerated() {
      for cell in cells {
        // Cases numbered learning rate, batch size, activation: 4r + 2c + panel.
        let final = try #require(finalsByCase[4 * cell.row + 2 * cell.column + panel]["final"] as? [String: Any])
        let loss = try #require(final["loss_test"] as? Double)
        #expect(cell.text == String(format: "%.3f", loss))
        #expect(cell.title.hasSuffix(String(format: ": %.4f", loss)))
      }
    }
  }

  @Test func expandPrintsEveryCaseItRuns() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let lab = try folder.write(Self.sweep, to: "lab.json")
    let output = try runProcess(Repository.nnlab, ["report", lab, "--expand"])
    #expect(output.status == 0, "\(output.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    let cases = try #require(object["cases"] as? [[String: Any]])
    #expect(cases.count == 12)
    #expect(cases.first?["name"] as? String == "learning rate 0.03, batch 1, data seed 1")
    #expect(cases.last?["learning_rate"] as? Double == 3 && cases.last?["batch_size"] as? Int == 20)
    #expect(object["sweep"] == nil)
    #expect(!FileManager.default.fileExists(atPath: "output/lr-batch"))
  }

  @Test(arguments: [
    (#"{"learning_rate": [0.1], "momentum": [0.9]}"#, "sweep: unknown key 'momentum'"),
    (#"{"learning_rate": []}"#, "sweep.learning_rate: must list at least one value"),
    (#"{"batch_size": [1, "2"]}"#, "sweep.batch_size[1]: expected a number"),
    (#"{"data_seed": [\#((1...100).map(String.init).joined(separator: ", "))], "init_seed": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], "learning_rate": [0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1, 0.2]}"#,
     "sweep: expands to 11000 cases (11 × 10 × 100); at most 10000"),
  ])
  func badSweepIsOneLineWithItsPath(sweep: String, message: String) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let lab = try folder.write(#"{"name": "bad", "title": "Bad", "sweep": \#(sweep)}"#, to: "lab.json")
    let output = try runProcess(Repository.nnlab, ["report", lab, "--out", folder.path("out")])
    #expect(output.status == 65)
    #expect(output.stderr.split(separator: "\n").count == 1)
    #expect(output.stderr.contains(message), "\(output.stderr)")
    #expect(!FileManager.default.fileExists(atPath: folder.path("out")))
  }

  @Test func badJobsIsAUsageError() throws {
    let output = try runProcess(Repository.nnlab, ["report", "--jobs", "0", "--out", "/nonexistent/out"])
    #expect(output.status == 64)
    #expect(output.stderr.contains("--jobs must be from 1 to 1024, got 0"), "\(output.stderr)")
  }

  /// A sweep of more cases than the table lists ranks every one on `cases/index.html`.
  @Test func largeSweepRanksEveryCaseOnItsOwnPage() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let rates = (1...21).map { "0.\($0 < 10 ? "0" : "")\($0)" }.joined(separator: ", ")
    let lab = try folder.write(
      #"""
      {"name": "large", "title": "Large",
       "sweep": {"learning_rate": [\#(rates)], "data_seed": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], "batch_size": [100]}}
      """#, to: "lab.json")
    let output = try runProcess(Repository.nnlab, ["report", lab, "--quiet", "--out", folder.path("out")])
    #expect(output.status == 0, "\(output.stderr)")
    let index = try String(contentsOfFile: folder.path("out/index.html"), encoding: .utf8)
    #expect(try Self.rows(of: "summary ranked", in: index).count == 200)
    #expect(index.contains("<a href=\"cases/index.html\">All 210 cases ranked</a>"))
    let all = try String(contentsOfFile: folder.path("out/cases/index.html"), encoding: .utf8)
    let rows = try Self.rows(of: "summary ranked", in: all)
    #expect(rows.map { $0[0] } == (1...210).map(String.init))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("out/cases")).count == 211)
  }

  /// SIGINT while a sweep trains or draws its pages ends nnlab with 130 and leaves no
  /// report and nothing temporary.
  @Test func interruptedSweepLeavesNoPartialReport() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let lab = try folder.write(
      #"""
      {"name": "long", "title": "Long",
       "sweep": {"learning_rate": [0.01, 0.03, 0.1, 0.3], "data_seed": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], "epochs": [10]}}
      """#, to: "lab.json")
    for delay in [0.3, 1.0] {
      let process = Process()
      process.executableURL = Repository.nnlab
      process.arguments = ["report", lab, "--quiet", "--out", folder.path("out/report")]
      process.standardError = FileHandle.nullDevice
      try process.run()
      Thread.sleep(forTimeInterval: delay)
      #expect(process.isRunning, "the sweep finished before the signal")
      kill(process.processIdentifier, SIGINT)
      process.waitUntilExit()
      #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGINT)
      let left = (try? FileManager.default.contentsOfDirectory(atPath: folder.path("out"))) ?? []
      #expect(left.isEmpty, "\(left)")
    }
  }
}
