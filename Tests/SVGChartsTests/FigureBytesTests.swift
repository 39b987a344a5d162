import Foundation
import TestSupport
import Testing

@testable import SVGCharts

/// Identical inputs give identical bytes in separate processes.
///
/// Two calls in one process share a hash seed, dictionary order and memory layout, so they
/// cannot show output that depends on any of them. This test therefore runs the test
/// executable a second time, as a new process, draws every kind of figure there too, and
/// compares the bytes with what this process drew.
struct FigureBytesTests {
  /// Set only in the second process: the folder where it writes the figures it draws.
  static let folderVariable = "SVGCHARTS_FIGURE_BYTES_FOLDER"

  /// One figure of every kind, standalone and inline, from fixed inputs.
  static func figures() throws -> [String: String] {
    let smooth = ProbabilityGrid(x: -2.1...2.1, y: -2.1...2.1, step: 0.02) { x, y in
      DecisionBoundaryTests.sigmoid(2.5 * (y + 1 - x * x) + 0.3 * sin(3 * x))
    }
    let annulus = ProbabilityGrid(x: -2.1...2.1, y: -2.1...2.1, step: 0.02) { x, y in
      let r = (x * x + y * y).squareRoot()
      return exp(-4 * (r - 1) * (r - 1))
    }
    let points = ScatterTests.points()
    let units = (1...3).map { HistogramTests.normal(100, seed: UInt64($0)).map { max($0 + 0.5, 0) } }
    let hostile = "<script>alert(\"x\")</script> & 'quoted'\nsecond line 손실"
    let hostileFigure = Figure(
      title: hostile, description: hostile,
      panels: [
        .lossCurve(
          train: [1, 0.5], test: [1.1, 0.6], labels: ChartLabels(title: hostile, xLabel: hostile, yLabel: hostile),
          trainName: hostile, testName: "t&t")
      ], panelWidth: 600)
    let figures: [(String, Figure, Bool)] = [
      ("scatter.svg", ScatterTests.figure(), true),
      ("scatter-inline.svg", ScatterTests.figure(), false),
      ("loss-curve-5000.svg", LossCurveTests.figure(train: LossCurveTests.loss(5000), test: LossCurveTests.loss(5000, offset: 0.05)), true),
      ("histograms.svg", HistogramTests.figure(units), true),
      ("boundary.svg", DecisionBoundaryTests.figure(smooth, points: points, highlighted: [points[74]]), true),
      ("boundary-with-holes.svg", DecisionBoundaryTests.figure(annulus), false),
      ("hostile-text.svg", hostileFigure, true),
      ("heat-maps.svg", HeatMapTests.lossFigure((0..<4).map { HeatMapTests.grid(raise: Double($0) * 0.04) }, columns: 2), true),
    ]
    var drawn: [String: String] = [:]
    for (name, figure, standalone) in figures {
      drawn[name] = try figure.svg(idPrefix: "f-", standalone: standalone)
    }
    return drawn
  }

  @Test func everyKindOfFigureIsTheSameBytesInAnotherProcess() throws {
    let figures = try Self.figures()
    if let folder = ProcessInfo.processInfo.environment[Self.folderVariable] {
      // The second process's part: write what it drew, for the first to compare.
      for (name, svg) in figures {
        try Data(svg.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent(name))
      }
      return
    }
    let folder = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let child = try runThisTestExecutable(
      filter: "FigureBytesTests/everyKindOfFigureIsTheSameBytesInAnotherProcess",
      adding: [Self.folderVariable: folder.path])
    try #require(child.status == 0, "the second process failed: \(child.output)")
    for (name, svg) in figures.sorted(by: { $0.key < $1.key }) {
      let written = try #require(
        FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
        "the second process wrote no \(name): \(child.output)")
      #expect(written == Data(svg.utf8), "\(name) differs between two processes")
    }
  }
}
