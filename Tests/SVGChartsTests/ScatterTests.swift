import Foundation
import Testing

@testable import SVGCharts

/// The notebook's data-set figure: training and test points in their class colours.
struct ScatterTests {
  /// 200 points spread over [-2, 2]², classes by the notebook's rule (test shifted by 0.2).
  static func points() -> [ScatterPoint] {
    (0..<200).map { i in
      let x = 4 * (Double((i * 37) % 200) / 200) - 2
      let y = 4 * (Double((i * 91 + 13) % 200) / 200) - 2
      if i < 100 {
        return ScatterPoint(x: x, y: y, color: y + 1 > x * x ? .yellow : .blue)
      }
      return ScatterPoint(x: x, y: y, color: (y + 0.2) + 1 > (x + 0.2) * (x + 0.2) ? .purple : .green)
    }
  }

  static let legend = [
    LegendEntry(label: "train, class 0", color: .blue), LegendEntry(label: "train, class 1", color: .yellow),
    LegendEntry(label: "test, class 0", color: .green), LegendEntry(label: "test, class 1", color: .purple),
  ]

  static func figure(_ points: [ScatterPoint] = points()) -> Figure {
    Figure(
      title: "Data set", description: "Training and test points.",
      panels: [
        .scatter(
          points, labels: ChartLabels(title: "Data set", xLabel: "Feature 1", yLabel: "Feature 2"),
          legend: legend)
      ])
  }

  @Test func pointsHaveTheNotebooksClassColoursWithADarkerEdge() throws {
    let svg = try Self.figure().svg(idPrefix: "data-", standalone: true)
    try expectWellFormed(svg)
    let groups = try elements(of: svg).filter { $0.name == "g" && $0.attributes["class"] == "points" }
    let fills = groups.compactMap { $0.attributes["fill"] }
    #expect(Set(fills) == ["#00f", "#ff0", "#008000", "#800080"])
    let yellow = try #require(groups.first { $0.attributes["fill"] == "#ff0" })
    #expect(yellow.attributes["stroke"] == "#8c8c00")
    let circles = try elements(of: svg).filter { $0.name == "circle" }
    #expect(circles.count == 200 + Self.legend.count)
  }

  @Test func pointsLandWhereTheirCoordinatesSay() throws {
    let points = [
      ScatterPoint(x: -1, y: -2, color: .blue), ScatterPoint(x: 3, y: 2, color: .yellow),
      ScatterPoint(x: 0.5, y: 0, color: .blue),
    ]
    let svg = try Self.figure(points).svg(idPrefix: "p", standalone: true)
    let scale = try PlotScale(
      svg: svg, x: Axes.viewLimits(-1...3, sticky: [], margin: 0.05),
      y: Axes.viewLimits(-2...2, sticky: [], margin: 0.05))
    let centers = try elements(of: svg).filter { $0.name == "circle" }.prefix(3).map { scale.data($0.center) }
    try #require(centers.count == 3, "the three points are not drawn as circles")
    // Grouped by colour: both blue points first, then the yellow one.
    for (center, point) in zip(centers, [points[0], points[2], points[1]]) {
      #expect(abs(center.x - point.x) < 0.02 && abs(center.y - point.y) < 0.02)
    }
  }

  @Test func theLegendHidesNoPoint() throws {
    let svg = try Self.figure().svg(idPrefix: "data-", standalone: true)
    let frame = try legendFrame(svg)
    let dataCircles = try elements(of: svg).filter { $0.name == "circle" }.dropLast(Self.legend.count)
    #expect(dataCircles.count == 200)
    for circle in dataCircles {
      #expect(!frame.outset(by: Scatter.radius).contains(circle.center))
    }
    let labels = try elements(of: svg).filter { $0.name == "text" }.map(\.text)
    #expect(Self.legend.allSatisfy { labels.contains($0.label) })
  }

  @Test func aLegendGoesInTheUpperRightWhenThatCornerIsFree() throws {
    let corner = [ScatterPoint(x: 0, y: 0, color: .blue), ScatterPoint(x: 1, y: -0.1, color: .yellow)]
    let figure = Figure(
      title: "t", description: "d",
      panels: [
        .scatter(
          corner, labels: ChartLabels(title: "", xLabel: "", yLabel: ""),
          legend: [LegendEntry(label: "class 0", color: .blue)])
      ])
    let svg = try figure.svg(idPrefix: "p", standalone: true)
    let plot = try plotRect(svg)
    let box = try legendFrame(svg)
    #expect(box.minX > plot.midX && box.maxX < plot.maxX && box.minY > plot.minY && box.maxY < plot.midY)
  }

  @Test func nonFiniteCoordinatesThrow() throws {
    var points = Self.points()
    points[7].y = .nan
    let error = try #require(throws: ChartError.self) {
      try Self.figure(points).svg(idPrefix: "a", standalone: true)
    }
    #expect(error.description.contains("point 8"))
    points[7].y = 0
    points[0].x = -.infinity
    #expect(throws: ChartError.self) { try Self.figure(points).svg(idPrefix: "a", standalone: true) }
  }
}
