import Foundation
import Testing
import TestSupport

/// Experiments that ask for a lot: a long case keeps its snapshot and memory small, and one
/// estimated to train for longer than the limit is refused before any work.
@Suite struct ResourceLimitTests {
  /// One training point and `epochs` updates of the full batch.
  static func longExperiment(epochs: Int) -> String {
    """
    {"name": "long", "title": "Long", "data": {"n_obs": 1, "n_test": 1},
     "cases": [{"name": "long", "epochs": \(epochs)}]}
    """
  }

  @Test func longCaseKeepsItsSnapshotAndMemorySmallAndRendersAgainByteForByte() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let iterations = 200_000
    let long = try runMeasuringPeakMemory(
      Repository.nnlab,
      ["report", try folder.write(Self.longExperiment(epochs: iterations), to: "long.json"), "--quiet", "--out", folder.path("long")])
    #expect(long.status == 0, "\(long.stderr)")
    // A run short enough to keep every loss: the memory any report needs.
    let short = try runMeasuringPeakMemory(
      Repository.nnlab,
      ["report", try folder.write(Self.longExperiment(epochs: 2000), to: "short.json"), "--quiet", "--out", folder.path("short")])
    #expect(short.status == 0, "\(short.stderr)")

    let snapshot = try Data(contentsOf: folder.url.appendingPathComponent("long/snapshot.json"))
    // Eight series of at most 2000 values, however long the run: the two losses, the two
    // accuracies, and per layer the gradient norm and the update ratio.
    #expect(snapshot.count < 600_000, "the snapshot of one case has \(snapshot.count) bytes")
    let document = try JSONDocument(parsing: snapshot)
    let history = try #require(document["cases.0.loss"])
    #expect(history["stride"]?.text == String(iterations / 500))
    #expect(history["train"]?.count == 2000, "500 buckets of first, lowest, highest and last")
    #expect(document["cases.0.curves.accuracy_test"]?.count == 2000)
    #expect(document["cases.0.curves.update_ratio.1"]?.count == 2000)
    #expect(document["cases.0.checkpoints"]?.count == 10)

    // Whole histories would hold 2 × 200,000 doubles (3.2 MB) and their JSON text (over 8 MB).
    let growth = long.peakKilobytes - short.peakKilobytes
    #expect(growth < 2048, "peak memory \(long.peakKilobytes) KB for \(iterations) iterations, \(short.peakKilobytes) KB for 2000")

    let again = try runProcess(
      Repository.nnlab, ["render", folder.path("long/snapshot.json"), "--quiet", "--out", folder.path("again")])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(differences(try folder.files("long"), try folder.files("again")) == [])
  }

  @Test func experimentEstimatedToTrainLongerThanTheLimitIsRefusedAtOnce() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let experiment = try folder.write(
      """
      {"name": "huge", "title": "Huge", "data": {"n_obs": 10000}, "cases": [{"name": "huge", "epochs": 1000}]}
      """, to: "huge.json")
    let start = Date()
    let output = try runProcess(Repository.nnlab, ["report", experiment, "--out", folder.path("report")], timeout: 60)
    let seconds = Date().timeIntervalSince(start)
    #expect(output.status == 65, "\(output.stderr)")
    #expect(output.stderr.split(separator: "\n").count == 1, "\(output.stderr)")
    #expect(output.stderr.contains("training would take about "), "\(output.stderr)")
    #expect(output.stderr.contains(" minutes on "), "\(output.stderr)")
    #expect(output.stderr.contains("--no-time-limit"), "\(output.stderr)")
    // Refused before drawing the data set or training: about as fast as a bad file.
    #expect(seconds < 10, "took \(seconds) s")
    #expect(!FileManager.default.fileExists(atPath: folder.path("report")))
  }
}
