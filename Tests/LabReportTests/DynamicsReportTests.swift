import Foundation
import Testing
import TestSupport
import TinyNet

@testable import LabReport

/// The seed lab's learning over time and diagnostics, each figure's numbers against an
/// independent computation: numpy's histograms, confusion matrices and numeric gradient,
/// the forward pass, and the diagram's own layout.
@Suite(.serialized) struct DynamicsReportTests {
  static let templates = SeedReportTests.templates

  /// The seed lab's report, written once for the suite.
  static let seed = Result { () throws -> (files: [String: Data], snapshot: Snapshot) in
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let templates = try Self.templates.get()
    let snapshot = try LabReport.report(
      try templates.strings(.en).seedLab, language: .en, templates: templates,
      to: OutputFolder(folder.url.appendingPathComponent("report")))
    return (try folder.files("report"), snapshot)
  }

  /// The oracle's dynamics of each seed case.
  static let oracle = Result { () throws -> [OracleDynamics] in
    let configurations = Experiment.seedLab.cases.map { spec in
      OracleConfiguration(
        activation: spec.settings.activation.rawValue, batchSize: spec.settings.batchSize,
        epochs: spec.settings.epochs, learningRate: spec.settings.learningRate, batchNorm: spec.settings.batchNorm,
        dynamics: true)
    }
    return try runOracle(configurations).map { try #require($0.dynamics) }
  }

  func text(_ path: String) throws -> String {
    String(decoding: try #require(try Self.seed.get().files[path]), as: UTF8.self)
  }

  func assembler() throws -> ReportAssembler {
    let templates = try Self.templates.get()
    return ReportAssembler(snapshot: try Self.seed.get().snapshot, strings: try templates.strings(.en), templates: templates)
  }

  @Test func unitMapsAreTheForwardPassAtEveryGridPoint() throws {
    let assembler = try assembler()
    for index in [0, 1, 2] {  // the cases without batch normalisation
      let spec = assembler.experiment.cases[index]
      let parameters = assembler.results.cases[index].parameters
      let maps = assembler.unitMaps(parameters, data: assembler.results.caseData[index], options: spec.settings.options)
      let grid = try #require(maps.first?.first?.grid)
      let points = LabeledPoints(
        x1: grid.ys.flatMap { _ in grid.xs }, x2: grid.ys.flatMap { y in grid.xs.map { _ in y } },
        y: Array(repeating: 0, count: grid.xs.count * grid.ys.count))
      let trace = ForwardTrace(points: points, parameters: parameters, options: spec.settings.options)
      for (unit, map) in try #require(maps.first).enumerated() {
        #expect(map.grid.values.map(\.bitPattern) == trace.hidden[0].z[unit].map(\.bitPattern), "case \(index + 1) z\(unit + 1)")
      }
    }
  }

  /// With batch normalisation a map normalises each unit by the training set's statistics,
  /// so at the training points it shows exactly the training pass's outputs.
  @Test func aBatchNormalisedUnitMapShowsTheTrainingPassAtTheTrainingPoints() throws {
    let assembler = try assembler()
    let spec = assembler.experiment.cases[3]
    #expect(spec.settings.batchNorm)
    let parameters = assembler.results.cases[3].parameters
    let train = assembler.results.caseData[3].train
    let classifier = Classifier(parameters: parameters, options: spec.settings.options, training: train)
    let trace = ForwardTrace(points: train, parameters: parameters, options: spec.settings.options)
    for unit in 0..<3 {
      let mapped = (0..<train.count).map { classifier.unitOutput(train.x1[$0], train.x2[$0], layer: 0, unit: unit) }
      let differing = zip(mapped, trace.hidden[0].z[unit]).filter { abs($0 - $1) > 1e-12 * max(1, abs($1)) }.count
      #expect(differing == 0, "z\(unit + 1)")
    }
  }

  @Test func activationFiguresCountWhatNumpyCounts() throws {
    let oracle = try Self.oracle.get()
    for index in [2, 3] {
      let svg = try text("figures/case-\(index + 1)-activations-over-time.svg")
      let titles = matches(#"<title>(z\d at iteration \d+[^<]*)</title>"#, in: svg)
      let expected = oracle[index].unitHistograms.flatMap { $0 }
      #expect(titles.count == expected.count)
      // Line breaks are written as character references, which browsers show as such.
      for (title, counts) in zip(titles.map { $0.replacingOccurrences(of: "&#10;", with: "\n") }, expected) {
        let shown = title.split(separator: "\n").dropFirst().compactMap { line in line.split(separator: " ").last.flatMap { Int($0) } }
        #expect(shown == counts.filter { $0 > 0 }, "case \(index + 1): \(title.split(separator: "\n").first ?? "")")
      }
    }
  }

  @Test func thePageShowsNumpysConfusionMatricesAndGradientCheck() throws {
    let oracle = try Self.oracle.get()
    let html = try text("index.html")
    let sections = html.components(separatedBy: "<article class=\"run\" id=\"case-").dropFirst()
    #expect(sections.count == 4)
    for (section, expected) in zip(sections, oracle) {
      for (actual, row) in [expected.confusionTrain, expected.confusionTest].flatMap({ $0.enumerated() }) {
        let cells = row.enumerated().map { $0.offset == actual ? "<td class=\"correct\">\($0.element)</td>" : "<td>\($0.element)</td>" }
        #expect(section.contains("<tr><th scope=\"row\">class \(actual)</th>\(cells.joined())</tr>"))
      }
      let numeric = matches(#"<th scope="row">[bw]\d\d</th><td>([^<]+)</td>"#, in: section)
      #expect(numeric.compactMap(Double.init).map(\.bitPattern) == expected.gradientCheckNumeric.map(\.bitPattern))
    }
  }

  @Test func everyMapSitsInsideItsNodesCircle() throws {
    for index in 1...4 {
      let svg = try text("graphs/case-\(index)-network.svg")
      let placed = matches(
        #"<ellipse [^>]*cx="([-\d.]+)" cy="([-\d.]+)" rx="([\d.]+)" ry="([\d.]+)"/>\n<clipPath id="[^"]+-map-(z\d)"><ellipse cx="([-\d.]+)" cy="([-\d.]+)" rx="([\d.]+)" ry="([\d.]+)"/></clipPath>\n<g class="unit-map-place" [^>]*><g transform="translate\(([-\d.]+) ([-\d.]+)\) scale\(([\d.]+)\)">"#,
        in: svg, groups: 12)
      #expect(placed.count == 3, "case \(index): \(placed.count) maps")
      for match in placed {
        let v = match.map { Double($0) ?? .nan }
        let (cx, cy, rx, ry) = (v[0], v[1], v[2], v[3])
        let (clipX, clipY, clipR) = (v[5], v[6], v[7])
        let side = ReportAssembler.mapSide * v[11]
        #expect(abs(clipX - cx) < 0.01 && abs(clipY - cy) < 0.01 && clipR <= min(rx, ry))
        // The map's square is centred on the node, and its clip circle lies inside the node.
        #expect(abs(v[9] + side / 2 - cx) < 0.06 && abs(v[10] + side / 2 - cy) < 0.06, "\(match)")
        #expect(side >= 2 * clipR)
      }
    }
  }

  @Test func pointsAndDiagramsTellTheirValuesOnHover() throws {
    let assembler = try assembler()
    let svg = try text("figures/case-1-decision-boundary.svg")
    let titles = matches(#"<circle [^>]*><title>([^<]*)</title></circle>"#, in: svg)
    let train = assembler.results.caseData[0].train
    #expect(titles.count == train.count)
    let classifier = Classifier(
      parameters: assembler.results.cases[0].parameters, options: assembler.experiment.cases[0].settings.options,
      training: train)
    let p = classifier.probability(train.x1[0], train.x2[0])
    #expect(titles.first == "#0 (\(fixed(train.x1[0], 3)), \(fixed(train.x2[0], 3))) class \(train.y[0]) · p \(fixed(p, 3))")
    let diagram = try text("graphs/case-1-network.svg")
    let w11 = try #require(assembler.results.cases[0].parameters["w11"])
    #expect(diagram.contains("<title>w11 = \(w11)</title>"), "the weight in full precision")
  }

  @Test func deadReLUUnitsAreListedAndMarked() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    // b12 = -10 keeps a2 below 0 for every point of the parabola (|x| < 3): z2 is dead from
    // the start, and no gradient can revive it.
    let lab = try Experiment(
      json: Data(
        """
        {"name": "dead", "title": "Dead", "initial_parameters": {"b11": 0, "b12": -10, "b13": 0, "w11": 0.2,
         "w12": 0.7, "w13": 0, "w21": 0.3, "w22": 0.8, "w23": 0, "b21": 0.8, "w31": 0.3, "w32": 0.1, "w33": 0.2},
         "cases": [{"name": "one", "epochs": 2, "learning_rate": 0.1}]}
        """.utf8))
    let templates = try Self.templates.get()
    try LabReport.report(
      lab, language: .en, templates: templates, to: OutputFolder(folder.url.appendingPathComponent("dead")))
    let files = try folder.files("dead")
    let html = String(decoding: try #require(files["index.html"]), as: UTF8.self)
    #expect(html.contains("Dead units: z2."))
    let diagram = String(decoding: try #require(files["graphs/case-1-network.svg"]), as: UTF8.self)
    #expect(diagram.components(separatedBy: "class=\"dead-unit\"").count == 2)
    #expect(diagram.contains("dead unit: 0 for every training point"))
  }

  /// The capture groups of every match of `pattern` (the first group unless `groups` asks
  /// for more), in order.
  func matches(_ pattern: String, in text: String) -> [String] {
    matches(pattern, in: text, groups: 1).map { $0[0] }
  }

  func matches(_ pattern: String, in text: String, groups: Int) -> [[String]] {
    guard let regex = try? Regex(pattern) else { return [] }
    return text.matches(of: regex).map { match in
      (1...groups).map { match.output[$0].substring.map(String.init) ?? "" }
    }
  }
}
