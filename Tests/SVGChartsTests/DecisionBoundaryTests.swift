import Foundation
import Testing

@testable import SVGCharts

/// The notebook's `decision_boundary`: the model's probability on its grid as filled bands,
/// the 0.5 line, and points on top.
struct DecisionBoundaryTests {
  static let labels = ChartLabels(title: "Decision Boundary", xLabel: "Feature 1", yLabel: "Feature 2")

  static func sigmoid(_ a: Double) -> Double { 1 / (1 + exp(-a)) }

  static func figure(_ grid: ProbabilityGrid, points: [ScatterPoint] = [], highlighted: [ScatterPoint] = [])
    -> Figure
  {
    Figure(
      title: "Decision boundary", description: "Probability of class 1.",
      panels: [
        .decisionBoundary(
          grid, points: points, highlighted: highlighted, labels: labels, colorBarLabel: "P(class 1)")
      ])
  }

  /// The boundary's points in data units, read back through the plot's scale.
  static func boundaryPoints(_ svg: String, _ grid: ProbabilityGrid) throws -> [Point] {
    let scale = try PlotScale(
      svg: svg, x: (grid.xs.first ?? 0)...(grid.xs.last ?? 0), y: (grid.ys.first ?? 0)...(grid.ys.last ?? 0))
    let path = try #require(try elements("path", role: "boundary", in: svg).first)
    return path.subpaths.flatMap { $0 }.map(scale.data)
  }

  /// The area of `{p ≥ level}` for each band path, in data units: the shoelace sum of its
  /// rings, holes (clockwise rings) subtracting.
  static func superlevelAreas(_ svg: String, _ grid: ProbabilityGrid) throws -> [Double] {
    let scale = try PlotScale(
      svg: svg, x: (grid.xs.first ?? 0)...(grid.xs.last ?? 0), y: (grid.ys.first ?? 0)...(grid.ys.last ?? 0))
    return try elements("path", role: "band", in: svg).map { band in
      band.subpaths.map { shoelaceArea($0.map(scale.data)) }.reduce(0, +)
    }
  }

  @Test func theGridFollowsNumpysArangeBitForBit() throws {
    let ranges: [(Double, Double, Double)] = [
      (-2.0966, 2.0977, 0.02), (-2.1, 2.1, 0.02), (0, 1, 0.1), (-1.37, 0.61, 0.02), (3, 3.3, 0.1),
    ]
    for (lower, upper, step) in ranges {
      let grid = ProbabilityGrid(x: lower...upper, y: 0...1, step: step) { _, _ in 0.5 }
      let numpy = try python(
        "import numpy as np; print(' '.join(float(v).hex() for v in np.arange(\(lower), \(upper), \(step))))")
      let expected = numpy.split(separator: " ").compactMap {
        Double(String($0).trimmingCharacters(in: .whitespacesAndNewlines))
      }
      #expect(grid.xs.count == expected.count)
      #expect(grid.xs.map(\.bitPattern) == expected.map(\.bitPattern))
    }
  }

  @Test func theGridIsEvaluatedOncePerPointRowMajor() {
    var calls = 0
    let grid = ProbabilityGrid(x: 0...0.5, y: 0...0.3, step: 0.1) { x, y in
      calls += 1
      return x / 2 + y
    }
    #expect(grid.xs.count == 5 && grid.ys.count == 3)
    #expect(calls == 15)
    for (j, y) in grid.ys.enumerated() {
      for (i, x) in grid.xs.enumerated() {
        #expect(grid.values[j * grid.xs.count + i] == x / 2 + y)
      }
    }
  }

  @Test func theBoundaryOfALinearModelLiesOnItsLine() throws {
    // p = 0.5 on x - 0.5y = 0.3.
    let grid = ProbabilityGrid(x: -2.1...2.1, y: -2.1...2.1, step: 0.02) { x, y in
      Self.sigmoid(4 * (x - 0.5 * y - 0.3))
    }
    let svg = try Self.figure(grid).svg(idPrefix: "b", standalone: true)
    try expectWellFormed(svg)
    let points = try Self.boundaryPoints(svg, grid)
    #expect(points.count >= 2)
    for point in points {
      #expect(abs(point.x - 0.5 * point.y - 0.3) / (1.25).squareRoot() < 0.02)
    }
    let ys = points.map(\.y)
    #expect((ys.min() ?? 0) < -2.05 && (ys.max() ?? 0) > 2.05)
  }

  @Test func theBoundaryOfARadialModelIsItsCircle() throws {
    // p = 0.5 on the unit circle.
    let grid = ProbabilityGrid(x: -2.1...2.1, y: -2.1...2.1, step: 0.02) { x, y in
      Self.sigmoid(3 * (1 - x * x - y * y))
    }
    let svg = try Self.figure(grid).svg(idPrefix: "b", standalone: true)
    let points = try Self.boundaryPoints(svg, grid)
    #expect(points.count >= 40)
    for point in points {
      #expect(abs((point.x * point.x + point.y * point.y).squareRoot() - 1) < 0.02)
    }
    let octants = Set(points.map { Int(((atan2($0.y, $0.x) + .pi) / (.pi / 4)).rounded(.down)) % 8 })
    #expect(octants.count == 8)
  }

  @Test func bandAreasOfARadialModelMatchTheirDisksAndAnnuli() throws {
    // p = e^(-r²): {p ≥ t} is the disk r² ≤ ln(1/t), of area π ln(1/t).
    let grid = ProbabilityGrid(x: -2.1...2.1, y: -2.1...2.1, step: 0.02) { x, y in exp(-(x * x + y * y)) }
    let svg = try Self.figure(grid).svg(idPrefix: "b", standalone: true)
    let areas = try Self.superlevelAreas(svg, grid)
    let total = ((grid.xs.last ?? 0) - (grid.xs.first ?? 0)) * ((grid.ys.last ?? 0) - (grid.ys.first ?? 0))
    let expected = [total] + (1...9).map { Double.pi * log(10 / Double($0)) }
    try Self.expectBands(areas, expected)
  }

  @Test func bandAreasWithHolesMatchTheirAnnuli() throws {
    // p = e^(-4(r - 1)²): {p ≥ t} is the annulus |r - 1| ≤ d, d = √(ln(1/t) / 4), of area 4πd.
    let grid = ProbabilityGrid(x: -2.1...2.1, y: -2.1...2.1, step: 0.02) { x, y in
      let r = (x * x + y * y).squareRoot()
      return exp(-4 * (r - 1) * (r - 1))
    }
    let svg = try Self.figure(grid).svg(idPrefix: "b", standalone: true)
    let areas = try Self.superlevelAreas(svg, grid)
    let total = ((grid.xs.last ?? 0) - (grid.xs.first ?? 0)) * ((grid.ys.last ?? 0) - (grid.ys.first ?? 0))
    let expected = [total] + (1...9).map { 4 * Double.pi * (log(10 / Double($0)) / 4).squareRoot() }
    try Self.expectBands(areas, expected)
  }

  /// Band k is `{p ≥ level k}` minus `{p ≥ level k+1}`; each within 1% of its analytic area.
  static func expectBands(_ superlevel: [Double], _ expected: [Double]) throws {
    try #require(superlevel.count == 10)
    for band in 0..<10 {
      let drawn = superlevel[band] - (band < 9 ? superlevel[band + 1] : 0)
      let exact = expected[band] - (band < 9 ? expected[band + 1] : 0)
      #expect(abs(drawn - exact) / exact < 0.01, "band \(band): \(drawn) drawn, \(exact) exact")
    }
  }

  @Test func saddlesAreResolvedByTheCellMean() {
    // Corners (0,0) and (1,1) high, the other two low: the mean is 0.5.
    let saddle = MarchingSquares(xs: [0, 1], ys: [0, 1], values: [1, 0, 0, 1])
    #expect(saddle.superlevelRings(0.5).count == 1)
    #expect(saddle.superlevelRings(0.6).count == 2)
    #expect(saddle.isolines(0.5).count == 2)
    let joined = saddle.superlevelRings(0.4).map { shoelaceArea($0.points) }.reduce(0, +)
    let apart = saddle.superlevelRings(0.6).map { shoelaceArea($0.points) }.reduce(0, +)
    #expect(abs(joined - (1 - 2 * 0.5 * 0.4 * 0.4)) < 1e-12)
    #expect(abs(apart - 2 * 0.5 * 0.4 * 0.4) < 1e-12)
  }

  @Test func aSmoothModelOnTheNotebooksGridStaysSmall() throws {
    let grid = ProbabilityGrid(x: -2.1...2.1, y: -2.1...2.1, step: 0.02) { x, y in
      Self.sigmoid(2.5 * (y + 1 - x * x) + 0.3 * sin(3 * x))
    }
    #expect(grid.xs.count >= 210 && grid.ys.count >= 210)
    let points = (0..<100).map { i in
      let x = 4 * Double((i * 37) % 100) / 100 - 2
      let y = 4 * Double((i * 61 + 7) % 100) / 100 - 2
      return ScatterPoint(x: x, y: y, color: y + 1 > x * x ? .yellow : .blue)
    }
    let svg = try Self.figure(grid, points: points, highlighted: [points[74]]).svg(
      idPrefix: "b", standalone: true)
    try expectWellFormed(svg)
    #expect(svg.utf8.count < 14_000, "\(svg.utf8.count) bytes")
    #expect(try elements("path", role: "band", in: svg).count == 10)
    let highlighted = try elements(of: svg).first {
      $0.name == "g" && $0.attributes["class"] == "highlighted"
    }
    #expect(highlighted?.attributes["stroke"] == "#000")
  }

  @Test func theColourBarExplainsTheBands() throws {
    let grid = ProbabilityGrid(x: 0...1.05, y: 0...1, step: 0.1) { x, _ in x }
    let svg = try Self.figure(grid).svg(idPrefix: "b", standalone: true)
    let texts = try elements(of: svg).filter { $0.name == "text" }.map(\.text)
    #expect(texts.contains("P(class 1)"))
    #expect(texts.contains("0.0") && texts.contains("1.0"))
    // The bands, from p < 0.1 up, each in its own colour, blue for class 0 to yellow for class 1.
    let fills = try elements("path", role: "band", in: svg).map { $0.attributes["fill"] ?? "none" }
    try #require(fills.count == 10)
    #expect(Set(fills).count == 10, "\(fills)")
    let low = try Self.rgb(fills[0]), high = try Self.rgb(fills[9])
    #expect(low.blue > low.red && low.blue > low.green, "p near 0 is not blue: \(fills[0])")
    #expect(high.red > high.blue && high.green > high.blue, "p near 1 is not yellow: \(fills[9])")
    // The bar beside the plot shows the same colours, bottom to top, one tenth of its height each.
    let plot = try plotRect(svg)
    let cells = try elements(of: svg)
      .filter { $0.name == "rect" && $0.rect.x > plot.maxX && ($0.attributes["fill"] ?? "none") != "none" }
      .sorted { $0.rect.y > $1.rect.y }
    #expect(cells.map { $0.attributes["fill"] ?? "none" } == fills)
    for cell in cells { #expect(abs(cell.rect.height - plot.height / 10) < 0.01, "\(cell.rect)") }
  }

  /// The channels of a `#rgb` or `#rrggbb` colour.
  static func rgb(_ hex: String) throws -> (red: Int, green: Int, blue: Int) {
    var digits = String(try #require(hex.first == "#" ? hex.dropFirst() : nil, "\(hex) is not #rgb"))
    if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
    let value = try #require(digits.count == 6 ? Int(digits, radix: 16) : nil, "\(hex) is not #rrggbb")
    return (value >> 16, (value >> 8) & 0xff, value & 0xff)
  }

  @Test func gridsThatCannotBeDrawnThrow() throws {
    var grid = ProbabilityGrid(x: -1...1, y: -1...1, step: 0.1) { x, y in Self.sigmoid(x + y) }
    grid.values[17] = .nan
    let error = try #require(throws: ChartError.self) {
      try Self.figure(grid).svg(idPrefix: "b", standalone: true)
    }
    #expect(error.description.contains("nan"))
    grid.values[17] = .infinity
    #expect(throws: ChartError.self) { try Self.figure(grid).svg(idPrefix: "b", standalone: true) }
    grid.values[17] = 1.5
    #expect(throws: ChartError.self) { try Self.figure(grid).svg(idPrefix: "b", standalone: true) }
    grid.values.removeLast()
    #expect(throws: ChartError.self) { try Self.figure(grid).svg(idPrefix: "b", standalone: true) }
    for step in [0, -0.1, .nan, 1e-9] {
      let bad = ProbabilityGrid(x: -1...1, y: -1...1, step: step) { _, _ in 0.5 }
      #expect(throws: ChartError.self) { try Self.figure(bad).svg(idPrefix: "b", standalone: true) }
    }
  }

  @Test func nonFinitePointsThrow() {
    let grid = ProbabilityGrid(x: -1...1, y: -1...1, step: 0.1) { x, y in Self.sigmoid(x + y) }
    #expect(throws: ChartError.self) {
      try Self.figure(grid, points: [ScatterPoint(x: .nan, y: 0, color: .blue)]).svg(
        idPrefix: "b", standalone: true)
    }
    #expect(throws: ChartError.self) {
      try Self.figure(grid, highlighted: [ScatterPoint(x: 0, y: .infinity, color: .blue)]).svg(
        idPrefix: "b", standalone: true)
    }
  }
}
