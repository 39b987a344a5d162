import Foundation
import Testing

@testable import SVGCharts

/// Renders the figures shown in `docs/` from the notebook's own data and training run.
///
/// Opt-in, as it runs numpy and headless Chromium: `SVGCHARTS_DOCS=1 swift test --filter
/// DocumentationFigures` rewrites `docs/figure-*.png`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["SVGCHARTS_DOCS"] != nil))
struct DocumentationFigures {
  /// The notebook's data set (seed 317), its single update of point 74, and its third case
  /// (batch 20, 200 epochs, learning rate 0.1), with and without batch normalisation.
  static let notebookRun = """
    import json, numpy as np
    np.random.seed(317)
    X = np.random.rand(100, 2) * 4 - 2
    y = (X[:, 1] + 1 > X[:, 0] ** 2).astype(int)
    Xt = np.random.rand(100, 2) * 4 - 2
    yt = ((Xt[:, 1] + 0.2) + 1 > (Xt[:, 0] + 0.2) ** 2).astype(int)
    INIT = {'b11': 0.0, 'b12': 0.0, 'b13': 0.0, 'b21': 0.0, 'w11': 0.2, 'w12': 0.3, 'w13': 0.8,
            'w21': 0.7, 'w22': 0.8, 'w23': 0.3, 'w31': 0.3, 'w32': 0.1, 'w33': 0.2}
    def forward(X, p, bn):
        a = [p[f'b1{j}'] + p[f'w1{j}'] * X[:, 0] + p[f'w2{j}'] * X[:, 1] for j in (1, 2, 3)]
        if bn:
            a = [(v - v.mean()) / v.std() for v in a]
        z = [np.maximum(v, 0) for v in a]
        return z, 1 / (1 + np.exp(-(p['b21'] + p['w31'] * z[0] + p['w32'] * z[1] + p['w33'] * z[2])))
    def loss(X, y, p, bn=False):
        yhat = forward(X, p, bn)[1]
        return float(-(y * np.log(yhat) + (1 - y) * np.log(1 - yhat)).mean())
    def gradient(X, y, p, bn=False):
        g = {}
        for k in p:
            q = dict(p); q[k] = p[k] - 1e-7; l1 = loss(X, y, q, bn)
            q[k] = p[k] + 1e-7; g[k] = (loss(X, y, q, bn) - l1) / 2e-7
        return g
    def train(batch, epochs, rate, bn):
        p = dict(INIT); train_loss, test_loss = [], []
        np.random.seed(317)
        for _ in range(100 // batch * epochs):
            i = np.random.choice(range(100), batch)
            g = gradient(X[i, :], y[i], p, bn)
            p = {k: p[k] - g[k] * rate for k in p}
            train_loss.append(loss(X, y, p, bn)); test_loss.append(loss(Xt, yt, p, bn))
        return {'params': p, 'train': train_loss, 'test': test_loss,
                'z': [list(v) for v in forward(X, p, bn)[0]]}
    np.random.seed(317)
    index = int(np.random.choice(range(100), 1)[0])
    g = gradient(X[[index], :], y[[index]], INIT)
    after = {k: INIT[k] - 0.2 * g[k] for k in INIT}
    print(json.dumps({'X': X.tolist(), 'y': y.tolist(), 'Xt': Xt.tolist(), 'yt': yt.tolist(),
                      'index': index, 'before': INIT, 'after': after,
                      'case3': train(20, 200, 0.1, False), 'case4': train(20, 200, 0.1, True)}))
    """

  struct Run: Decodable {
    struct Case: Decodable {
      var params: [String: Double]
      var train: [Double]
      var test: [Double]
      var z: [[Double]]
    }
    var X: [[Double]]
    var y: [Int]
    var Xt: [[Double]]
    var yt: [Int]
    var index: Int
    var before: [String: Double]
    var after: [String: Double]
    var case3: Case
    var case4: Case
  }

  /// The network's probability of class 1 at `(x1, x2)` (ReLU, no batch normalisation).
  static func probability(_ p: [String: Double], _ x1: Double, _ x2: Double) -> Double {
    var ay = p["b21", default: 0]
    for j in 1...3 {
      let a = p["b1\(j)", default: 0] + p["w1\(j)", default: 0] * x1 + p["w2\(j)", default: 0] * x2
      ay += p["w3\(j)", default: 0] * max(a, 0)
    }
    return 1 / (1 + exp(-ay))
  }

  static func grid(_ run: Run, _ params: [String: Double]) -> ProbabilityGrid {
    let all = run.X + run.Xt
    let x1 = all.map { $0[0] }
    let x2 = all.map { $0[1] }
    return ProbabilityGrid(
      x: ((x1.min() ?? 0) - 0.1)...((x1.max() ?? 0) + 0.1),
      y: ((x2.min() ?? 0) - 0.1)...((x2.max() ?? 0) + 0.1),
      step: 0.02
    ) { probability(params, $0, $1) }
  }

  static func trainingPoints(_ run: Run) -> [ScatterPoint] {
    zip(run.X, run.y).map { ScatterPoint(x: $0[0], y: $0[1], color: $1 == 0 ? .blue : .yellow) }
  }

  static func testPoints(_ run: Run) -> [ScatterPoint] {
    zip(run.Xt, run.yt).map { ScatterPoint(x: $0[0], y: $0[1], color: $1 == 0 ? .green : .purple) }
  }

  static func figures(_ run: Run) -> [(name: String, figure: Figure)] {
    let training = trainingPoints(run)
    let boundaryLabels = { (title: String) in
      ChartLabels(title: title, xLabel: "Feature 1", yLabel: "Feature 2")
    }
    let dataSet = Figure(
      title: "The data set", description: "Training and test points of the notebook's data set, seed 317.",
      panels: [
        .scatter(
          training + testPoints(run), labels: boundaryLabels("Data set"),
          legend: [
            LegendEntry(label: "train, class 0", color: .blue),
            LegendEntry(label: "train, class 1", color: .yellow),
            LegendEntry(label: "test, class 0", color: .green),
            LegendEntry(label: "test, class 1", color: .purple),
          ])
      ], panelWidth: 520, panelHeight: 380)
    let lossAndBoundary = Figure(
      title: "Case 3: loss and decision boundary",
      description: "Loss per iteration and the trained network's probability of class 1.",
      panels: [
        .lossCurve(
          train: run.case3.train, test: run.case3.test,
          labels: ChartLabels(title: "Loss", xLabel: "Iteration", yLabel: "Binary cross-entropy"),
          trainName: "train", testName: "test"),
        .decisionBoundary(
          grid(run, run.case3.params), points: training, highlighted: [],
          labels: boundaryLabels("Decision Boundary"),
          colorBarLabel: "P(class 1)"),
      ])
    let point = training[run.index]
    let update = Figure(
      title: "One update", description: "The decision boundary before and after one update on point 74.",
      panels: [
        .decisionBoundary(
          grid(run, run.before), points: training, highlighted: [point],
          labels: boundaryLabels("Before Update"),
          colorBarLabel: "P(class 1)"),
        .decisionBoundary(
          grid(run, run.after), points: training, highlighted: [point],
          labels: boundaryLabels("After Update"),
          colorBarLabel: "P(class 1)"),
      ])
    let colors: [Color] = [.skyblue, .lightgreen, .salmon]
    let histograms = Figure(
      title: "Hidden activations", description: "Histograms of z1, z2 and z3 over the training set.",
      panels: (0..<3).map { unit in
        .histogram(
          run.case3.z[unit], bins: 20, color: colors[unit],
          labels: ChartLabels(title: "Histogram of z\(unit + 1)", xLabel: "Value", yLabel: "Frequency"))
      }, panelWidth: 340)
    return [
      ("figure-data-set", dataSet), ("figure-loss-curve", lossAndBoundary),
      ("figure-decision-boundary", update), ("figure-histograms", histograms),
    ]
  }

  @Test func renderDocumentationFigures() throws {
    let notebook = try JSONDecoder().decode(Run.self, from: Data(try python(Self.notebookRun).utf8))
    let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("docs")
    let directory = try temporaryDirectory()
    for (name, figure) in Self.figures(notebook) {
      let svg = try figure.svg(idPrefix: "\(name)-", standalone: true)
      try expectWellFormed(svg)
      let file = directory.appendingPathComponent("\(name).svg")
      try svg.write(to: file, atomically: true, encoding: .utf8)
      let png = docs.appendingPathComponent("\(name).png")
      let width = Int(figure.panelWidth) * figure.panels.count
      let result = try run(
        "chromium",
        [
          "--headless", "--no-sandbox", "--hide-scrollbars",
          "--window-size=\(width),\(Int(figure.panelHeight))",
          "--screenshot=\(png.path)", file.path,
        ])
      #expect(result.status == 0, "chromium: \(result.output)")
      #expect(FileManager.default.fileExists(atPath: png.path))
    }
    print("SVG files in \(directory.path)")
  }
}
