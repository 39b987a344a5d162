import Foundation
import Testing
import TestSupport

/// `nnlab verify`: committed and fresh snapshots train again to the same numbers; damaged
/// or unreadable ones are refused with status 65.
@Suite struct VerifyCommandTests {
  @Test(arguments: [("seed-lab", "verified: 4 cases, 32683 numbers identical"), ("playground", "verified: 5 cases, 32126 numbers identical")])
  func committedSnapshotsVerify(_ lab: String, _ line: String) throws {
    let output = try runProcess(Repository.nnlab, ["verify", Repository.root.appendingPathComponent("output/\(lab)/snapshot.json").path])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(output.stdout == line + "\n")
    #expect(output.stderr.isEmpty)
  }

  @Test func aFreshReportVerifiesFromAnotherFolder() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let lab = try folder.write(
      #"{"name": "fresh", "title": "Fresh", "data": {"set": "circle", "seed": 3, "n_obs": 40, "noise": 0.1}, "network": {"hidden": [4, 2], "init": "random"}, "cases": [{"name": "tanh", "activation": "tanh", "batch_size": 4, "epochs": 3, "learning_rate": 0.3, "gradient": "analytic"}, {"name": "l1", "batch_size": 8, "epochs": 2, "learning_rate": 0.1, "regularization": "l1", "regularization_rate": 0.01}]}"#,
      to: "lab.json")
    let report = try runProcess(Repository.nnlab, ["report", lab, "--quiet", "--out", folder.path("report")])
    #expect(report.status == 0, "\(report.stderr)")
    let output = try runProcess(Repository.nnlab, ["verify", "report/snapshot.json"], in: folder.url)
    #expect(output.status == 0, "\(output.stderr)")
    // The 2-4-2-1 network has 25 parameters in 3 layers. The step: before, gradient and
    // after, index, class and 2 coordinates; the cases: two losses and 2 + 2 · 3 curves for
    // each of 30 and 10 iterations, the parameters, 4 finals, iterations, count and stride,
    // and the checkpoints (iteration and parameters) 0, 1, 2, 5, 10, 20, 30 and 0, 1, 2, 5, 10.
    let numbers: Int = 3 * 25 + 4 + (10 * 30 + 25 + 7 + 7 * 26) + (10 * 10 + 25 + 7 + 5 * 26)
    #expect(output.stdout == "verified: 2 cases, \(numbers) numbers identical\n")
  }

  @Test func damagedAndUnreadableSnapshotsAreRefusedWith65() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let text = try String(contentsOf: Repository.root.appendingPathComponent("output/seed-lab/snapshot.json"), encoding: .utf8)
    let edited = try folder.write(text.replacingOccurrences(of: "\"iterations\" : 1000", with: "\"iterations\" : 1001"), to: "edited.json")
    let cut = try folder.write(String(text.prefix(text.count / 2)), to: "cut.json")
    for (file, message) in [
      (edited, "cases[0].iterations: does not fit the case's settings"), (cut, "is the file truncated?"),
      (folder.path("missing.json"), "cannot read"),
    ] {
      let output = try runProcess(Repository.nnlab, ["verify", file])
      #expect(output.status == 65)
      #expect(output.stdout.isEmpty)
      #expect(output.stderr.hasPrefix("nnlab: error: bad snapshot: ") && output.stderr.contains(message), "\(output.stderr)")
    }
  }
}
