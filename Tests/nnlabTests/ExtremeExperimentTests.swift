import Foundation
import Testing
import TestSupport

/// Valid experiments at the edges of floating point: each gives its report (exit 0, nothing
/// on stderr) that says what happened, with a snapshot that renders it again byte for byte.
@Suite struct ExtremeExperimentTests {
  @Test func singleUpdateThatDivergesIsReportedAsSuch() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let printed = try runProcess(Repository.nnlab, ["report", "--print-default"])
    var experiment = try JSONDocument(parsing: Data(printed.stdout.utf8))
    // The seed lab's first case from w32 = 100: the single update's loss is infinite, and
    // its boundary after the update cannot be drawn.
    experiment.set("initial_parameters.w32", .raw("100"))
    experiment.set("cases", .array([try #require(experiment["cases.0"])]))
    experiment.set("histograms", .array([]))
    let report = try reportAndRenderAgain(experiment.text, in: folder)
    #expect(report.html.contains("This update diverged"))
    #expect(report.snapshot["step.params_after"]?.text == "null")
  }

  @Test func histogramOfOneHugeHiddenOutputIsDrawn() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    // One training point whose hidden output is 10^18: too large for numpy's ±0.5 around
    // a single value to widen the histogram's range.
    let report = try reportAndRenderAgain(
      """
      {"name": "huge", "title": "Huge", "data": {"points": [[1000000, 1000000, 1, "train"], [0, 0, 1, "test"]]},
       "network": {"features": ["x1_x2"], "hidden": [1]},
       "initial_parameters": {"b1_1": 0, "w1_1_1": 1000000, "b2_1": 0, "w2_1_1": 0},
       "cases": [{"name": "one", "epochs": 1}], "histograms": ["one"]}
      """, in: folder)
    #expect(report.files.keys.contains("figures/case-1-histograms.svg"))
  }

  @Test func updateThatMakesAParameterInfiniteStopsTheCase() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    // Every point is of class 1, and the output weights' gradient times the learning rate
    // is beyond the largest double: w31, w32 and w33 would become infinite, while the loss
    // of that network is 0.
    let report = try reportAndRenderAgain(
      """
      {"name": "overflow", "title": "Overflow",
       "data": {"points": [[1, 2, 1, "train"], [2, 1, 1, "train"], [1, 1, 1, "test"]]},
       "initial_parameters": {"b11": 0, "b12": 0, "b13": 0, "b21": 0, "w11": 1, "w12": 1, "w13": 1,
                              "w21": 1, "w22": 1, "w23": 1, "w31": 0, "w32": 0, "w33": 0},
       "cases": [{"name": "one", "epochs": 3, "learning_rate": 1.7e308}]}
      """, in: folder)
    #expect(report.snapshot["cases.0.diverged_at"]?.text == "1")
    #expect(report.html.contains("Training diverged at iteration 1"))
  }

  @Test func hiddenOutputsThatOverflowAreLeftOutOfTheHistograms() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    // After one update of learning rate 10^300 the two linear layers' weights are about
    // 10^293 each: the second layer's output overflows to infinity, and the output unit,
    // certain and right on every point, has a loss of 0.
    let report = try reportAndRenderAgain(
      """
      {"name": "deep", "title": "Deep", "data": {"points": [[1, 2, 1, "train"], [2, 1, 1, "train"], [1, 1, 1, "test"]]},
       "network": {"features": ["x1"], "hidden": [1, 1]},
       "initial_parameters": {"b1_1": 0, "w1_1_1": 1, "b2_1": 0, "w2_1_1": 1, "b3_1": 0, "w3_1_1": 0.000001},
       "cases": [{"name": "one", "epochs": 2, "learning_rate": 1e300, "activation": "linear"}],
       "histograms": ["one"]}
      """, in: folder)
    #expect(report.snapshot["cases.0.diverged_at"]?.text == "null")
    #expect(report.files.keys.contains("figures/case-1-histograms-layer-2.svg"))
    #expect(report.html.contains("are left out of its histograms"))
  }

  @Test func batchNormalisedUnitThatIsConstantIsLeftOutOfTheHistograms() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    // The first hidden unit has no input weights: its pre-activation is the same on every
    // point, and batch normalisation divides 0 by a standard deviation of 0.
    let report = try reportAndRenderAgain(
      """
      {"name": "constant", "title": "Constant", "data": {"n_obs": 4},
       "initial_parameters": {"b11": 0, "b12": 0, "b13": 0, "b21": 0, "w11": 0, "w12": 0.3, "w13": 0.8,
                              "w21": 0, "w22": 0.8, "w23": 0.3, "w31": 0.3, "w32": 0.1, "w33": 0.2},
       "cases": [{"name": "constant", "batch_size": 4, "batch_norm": true}], "histograms": ["constant"]}
      """, in: folder)
    #expect(report.snapshot["cases.0.diverged_at"]?.text == "1")
    #expect(report.html.contains("4 hidden outputs of constant are not finite numbers"))
  }

  // MARK: Helpers

  struct Report {
    var files: [String: Data]
    var html: String
    var snapshot: JSONDocument
  }

  /// Reports `experiment` into `report/`, renders its snapshot into `again/`, checks that
  /// both succeed quietly and agree byte for byte, and returns the report.
  func reportAndRenderAgain(
    _ experiment: String, in folder: TemporaryFolder, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Report {
    let file = try folder.write(experiment, to: "experiment.json")
    let output = try runProcess(Repository.nnlab, ["report", file, "--quiet", "--out", folder.path("report")])
    #expect(output.status == 0 && output.stderr.isEmpty, "\(output.stderr)", sourceLocation: sourceLocation)
    let again = try runProcess(
      Repository.nnlab, ["render", folder.path("report/snapshot.json"), "--quiet", "--out", folder.path("again")])
    #expect(again.status == 0 && again.stderr.isEmpty, "\(again.stderr)", sourceLocation: sourceLocation)
    let files = try folder.files("report")
    #expect(differences(files, try folder.files("again")) == [], sourceLocation: sourceLocation)
    return Report(
      files: files, html: String(decoding: files["index.html"] ?? Data(), as: UTF8.self),
      snapshot: try JSONDocument(parsing: files["snapshot.json"] ?? Data()))
  }
}
