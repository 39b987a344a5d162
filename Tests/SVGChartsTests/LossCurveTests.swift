import Foundation
import Testing

@testable import SVGCharts

/// The notebook's `draw_loss`: train and test loss per iteration.
struct LossCurveTests {
  static let labels = ChartLabels(title: "Loss", xLabel: "Iteration", yLabel: "Loss")

  /// A decreasing, noisy loss: `0.2 + 0.5 · e^(-3i/n)` plus a deterministic wiggle.
  static func loss(_ count: Int, offset: Double = 0) -> [Double] {
    (0..<count).map { i in
      let t = Double(i) / Double(count)
      return 0.2 + offset + 0.5 * exp(-3 * t) + 0.01 * sin(Double(i) * 0.37) * sin(Double(i) * 0.011)
    }
  }

  static func figure(train: [Double], test: [Double]) -> Figure {
    Figure(
      title: "Loss", description: "Loss per iteration.",
      panels: [.lossCurve(train: train, test: test, labels: labels, trainName: "train", testName: "test")])
  }

  static func seriesPaths(_ svg: String) throws -> [[Point]] {
    try elements("path", role: "series", in: svg).map { try #require($0.subpaths.first) }
  }

  @Test func aThousandIterationsKeepWhatTheColumnsShowAndStaySmall() throws {
    let train = Self.loss(1000)
    let svg = try Self.figure(train: train, test: Self.loss(1000, offset: 0.05)).svg(
      idPrefix: "loss-", standalone: true)
    try expectWellFormed(svg)
    #expect(svg.utf8.count < 12_000, "\(svg.utf8.count) bytes")
    let paths = try Self.seriesPaths(svg)
    // At most the two extremes of each three-pixel column, and the curve still spans the run.
    let plot = try plotRect(svg)
    #expect(paths.allSatisfy { $0.count > 20 && Double($0.count) <= 2 * plot.width / 3 + 2 }, "\(paths.map(\.count))")
    let first = try #require(paths.first?.first)
    let last = try #require(paths.first?.last)
    #expect(last.x - first.x > 0.9 * plot.width)
    #expect(
      try elements("path", role: "series", in: svg).map { $0.attributes["stroke"] } == ["#1f77b4", "#ff7f0e"])
  }

  @Test func aMillionIterationsAreReducedButKeepASingleIterationSpike() throws {
    var train = Self.loss(1_000_000)
    let spikeIteration = 612_345
    train[spikeIteration - 1] = 2.5
    let test = Self.loss(1_000_000, offset: 0.05)
    let svg = try Self.figure(train: train, test: test).svg(idPrefix: "loss-", standalone: true)
    try expectWellFormed(svg)
    #expect(svg.utf8.count < 60_000, "\(svg.utf8.count) bytes")
    let xLimits = Axes.viewLimits(1...1_000_000, sticky: [], margin: 0.05)
    let yLimits = Axes.viewLimits((train.min() ?? 0)...2.5, sticky: [], margin: 0.05)
    let scale = try PlotScale(svg: svg, x: xLimits, y: yLimits)
    let trainPath = try #require(try Self.seriesPaths(svg).first).map(scale.data)
    #expect(trainPath.count < 4 * 400)
    let peak = try #require(trainPath.max { $0.y < $1.y })
    #expect(abs(peak.y - 2.5) < 0.01)
    let iterationsPerPixel = (xLimits.upperBound - xLimits.lowerBound) / scale.plot.width
    #expect(abs(peak.x - Double(spikeIteration)) < iterationsPerPixel)
    // Only the spike rises above the rest of the curve.
    #expect(trainPath.filter { $0.y > 1.2 }.count == 1)
  }

  @Test func reductionKeepsFirstLowestHighestAndLastOfEachColumnInOrder() {
    let values: [Double] = [5, 1, 9, 4, 4, 7, 3, 3, 8, 2]
    let columns = [0, 0, 0, 0, 1, 1, 1, 2, 3, 3]
    #expect(LineReduction.columnExtremes(values) { columns[$0] } == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    let long: [Double] = [3, 9, 1, 5, 6, 2, 8]
    #expect(LineReduction.columnExtremes(long) { _ in 0 } == [0, 1, 2, 6])
    #expect(LineReduction.columnExtremes(long) { $0 / 4 } == [0, 1, 2, 3, 4, 5, 6])
    #expect(LineReduction.columnExtremes([2, 2, 2, 2]) { _ in 0 } == [0, 3])
  }

  @Test func theLegendNamesBothSeriesAndSitsWhereNoLineIs() throws {
    let svg = try Self.figure(train: Self.loss(300), test: Self.loss(300, offset: 0.05)).svg(
      idPrefix: "l", standalone: true)
    let box = try legendFrame(svg)
    let plot = try plotRect(svg)
    #expect(box.minX > plot.midX && box.maxY < plot.midY, "upper right")
    let paths = try Self.seriesPaths(svg)
    try #require(paths.count == 2 && paths.allSatisfy { $0.count > 10 }, "\(paths.map(\.count))")
    for path in paths {
      for (a, b) in zip(path, path.dropFirst()) {
        #expect(!box.intersectsSegment(a, b))
      }
    }
    let labels = try elements(of: svg).filter { $0.name == "text" }.map(\.text)
    #expect(labels.contains("train") && labels.contains("test"))
  }

  @Test func anEmptySeriesIsLeftOutOfTheLegend() throws {
    let svg = try Self.figure(train: Self.loss(50), test: []).svg(idPrefix: "l", standalone: true)
    let labels = try elements(of: svg).filter { $0.name == "text" }.map(\.text)
    #expect(labels.contains("train") && !labels.contains("test"))
    #expect(try Self.seriesPaths(svg).count == 1)
  }

  @Test func nonFiniteLossThrowsNamingTheSeriesAndIteration() throws {
    var train = Self.loss(100)
    train[41] = .nan
    let error = try #require(throws: ChartError.self) {
      try Self.figure(train: train, test: Self.loss(100)).svg(idPrefix: "a", standalone: true)
    }
    #expect(error.description.contains("\"train\""))
    #expect(error.description.contains("x = 42.0"))
    var test = Self.loss(100)
    test[99] = .infinity
    #expect(throws: ChartError.self) {
      try Self.figure(train: Self.loss(100), test: test).svg(idPrefix: "a", standalone: true)
    }
  }

  @Test func xTicksStayOnWholeIterations() throws {
    let svg = try Self.figure(train: [0.7, 0.6, 0.65], test: []).svg(idPrefix: "a", standalone: true)
    let texts = try elements(of: svg).filter { $0.name == "text" }.map(\.text)
    #expect(["1", "2", "3"].allSatisfy(texts.contains))
    #expect(!texts.contains("1.5"))
  }

  @Test func aFlatLossStillGetsAnAxis() throws {
    let svg = try Self.figure(train: [0.5, 0.5, 0.5], test: [0.5, 0.5, 0.5]).svg(
      idPrefix: "a", standalone: true)
    try expectWellFormed(svg)
    let texts = try elements(of: svg).filter { $0.name == "text" }.map(\.text)
    #expect(texts.contains("0.50"))
  }

  @Test func aSingleIterationIsADot() throws {
    let svg = try Self.figure(train: [0.6], test: [0.7]).svg(idPrefix: "a", standalone: true)
    try expectWellFormed(svg)
    // A line of length zero whose round caps draw the dot.
    let dots = try elements("path", role: "series", in: svg)
    #expect(dots.count == 2 && dots.allSatisfy { $0.attributes["d"]?.hasSuffix("h0") == true })
  }
}
