import Foundation
import Testing

@testable import SVGCharts

/// The notebook's `draw_hist`: z1, z2, z3 in 20 bins each, numpy's binning.
struct HistogramTests {
  /// Deterministic pseudo-normal values (sum of uniforms from a linear congruential generator).
  static func normal(_ count: Int, seed: UInt64) -> [Double] {
    var state = seed
    func uniform() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / Double(1 << 53)
    }
    return (0..<count).map { _ in (0..<6).map { _ in uniform() }.reduce(0, +) - 3 }
  }

  static let dataSets: [(String, [Double])] = [
    ("normal", normal(100, seed: 1)),
    ("normal, many", normal(5000, seed: 2).map { $0 * 1e-3 + 7 }),
    ("duplicates", [1, 1, 2, 2, 2, 3, 3, 3, 3, 0.5, 0.5]),
    ("negative range", normal(60, seed: 3).map { $0 - 10 }),
    ("all equal", [0.7, 0.7, 0.7, 0.7]),
    ("all zero", [0, 0, 0]),
    ("ReLU outputs", normal(100, seed: 4).map { max($0, 0) }),
    ("values on edges", (0...20).map { Double($0) * 0.05 } + [0.15, 0.35, 0.45]),
    ("tiny spread", (0..<30).map { 1 + Double($0) * 1e-15 }),
    ("huge magnitude", normal(40, seed: 5).map { $0 * 1e150 }),
    ("one value", [-3.25]),
    ("empty", []),
  ]

  @Test func countsAndEdgesEqualNumpys() throws {
    for (name, values) in Self.dataSets {
      let histogram = try Histogram(values: values, bins: 20)
      let list = values.map { "\($0)" }.joined(separator: ",")
      let output = try python(
        """
        import numpy as np
        counts, edges = np.histogram(np.array([\(list)], dtype=float), bins=20)
        print(' '.join(str(c) for c in counts)); print(' '.join(float(e).hex() for e in edges))
        """)
      let lines = output.split(separator: "\n")
      try #require(lines.count == 2, "\(name): \(output)")
      let counts = lines[0].split(separator: " ").compactMap { Int($0) }
      let edges = lines[1].split(separator: " ").compactMap { Double(String($0)) }
      #expect(histogram.counts == counts, "\(name)")
      #expect(histogram.edges.map(\.bitPattern) == edges.map(\.bitPattern), "\(name)")
    }
  }

  @Test func otherBinCountsToo() throws {
    let values = Self.normal(200, seed: 9)
    for bins in [1, 3, 7, 64] {
      let histogram = try Histogram(values: values, bins: bins)
      #expect(histogram.counts.count == bins && histogram.edges.count == bins + 1)
      #expect(histogram.counts.reduce(0, +) == values.count)
    }
  }

  @Test func allEqualValuesGetNumpysUnitRange() throws {
    let histogram = try Histogram(values: [2, 2, 2], bins: 20)
    #expect(histogram.edges.first == 1.5 && histogram.edges.last == 2.5)
    #expect(histogram.counts[10] == 3)
  }

  @Test func invalidInputThrows() {
    #expect(throws: ChartError.self) { try Histogram(values: [1, 2], bins: 0) }
    #expect(throws: ChartError.self) { try Histogram(values: [1, .nan, 2], bins: 20) }
    #expect(throws: ChartError.self) { try Histogram(values: [1, .infinity], bins: 20) }
    #expect(throws: ChartError.self) { try Histogram(values: [-1e308, 1e308], bins: 20) }
  }

  static let colors: [Color] = [.skyblue, .lightgreen, .salmon]

  static func figure(_ units: [[Double]]) -> Figure {
    Figure(
      title: "Hidden activations", description: "Histograms of z1, z2 and z3.",
      panels: units.enumerated().map { index, values in
        .histogram(
          values, bins: 20, color: colors[index],
          labels: ChartLabels(title: "Histogram of z\(index + 1)", xLabel: "Value", yLabel: "Frequency"))
      }, panelWidth: 340)
  }

  @Test func threePanelsInTheNotebooksColoursWithBlackEdges() throws {
    let units = (1...3).map { Self.normal(100, seed: UInt64($0)).map { max($0 + 0.5, 0) } }
    let svg = try Self.figure(units).svg(idPrefix: "hist-", standalone: true)
    try expectWellFormed(svg)
    let bars = try elements("path", role: "bars", in: svg)
    try #require(bars.map { $0.attributes["fill"] } == ["#87ceeb", "#90ee90", "#fa8072"])
    #expect(bars.allSatisfy { $0.attributes["stroke"] == "#000" })
    for (path, values) in zip(bars, units) {
      let counts = try Histogram(values: values, bins: 20).counts
      let heights = path.subpaths.map { ($0.map(\.y).max() ?? 0) - ($0.map(\.y).min() ?? 0) }
      #expect(heights.count == counts.filter { $0 > 0 }.count)
      let pixelsPerCount = (heights.max() ?? 0) / Double(counts.max() ?? 1)
      for (height, count) in zip(heights, counts.filter { $0 > 0 }) {
        #expect(abs(height - Double(count) * pixelsPerCount) < 0.2)
      }
    }
    #expect(try elements(of: svg).first?.attributes["viewBox"] == "0 0 1020 320")
  }

  @Test func nonFiniteValuesThrowWhenDrawn() {
    #expect(throws: ChartError.self) { try Self.figure([[1, 2, .nan]]).svg(idPrefix: "h", standalone: true) }
    #expect(throws: ChartError.self) {
      try Self.figure([[1, -.infinity]]).svg(idPrefix: "h", standalone: true)
    }
  }
}
