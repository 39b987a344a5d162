import Foundation
import LabReport
import Testing
import TestSupport
import TinyNet

/// Text from an experiment file reaches HTML, SVG and DOT only escaped, and never a path.
@Suite struct HostileTextTests {
  static let hostile = "<script>alert(\"x\")</script> 'quoted' & ../../etc/passwd \\N\nsecond line"

  @Test func titleCaseNameAndNotesAreEscapedEverywhere() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let spec = NetworkSpec(initSeed: 3)
    let data = DataSpec(seed: 3, trainCount: 30)
    let experiment = Experiment(
      name: "hostile", title: Self.hostile, notes: Self.hostile, data: data,
      network: spec, initialNetwork: .notebookFirstDiagram, initialParameters: .notebookInitial,
      step: StepSpec(learningRate: 0.2),
      cases: [
        CaseSpec(
          name: Self.hostile, settings: TrainingSettings(batchSize: 10, epochs: 3, learningRate: 0.1), data: data,
          network: spec, initialParameters: .notebookInitial)
      ],
      histograms: [Self.hostile])
    let templates = try TemplateSet(folder: Repository.root.appendingPathComponent("templates"), chosenByUser: true)
    try LabReport.report(experiment, language: .en, templates: templates, to: OutputFolder(folder.url.appendingPathComponent("out")))
    let files = try folder.files("out")

    // Only nnlab's own names: nothing from the case name becomes a path.
    #expect(files.keys.allSatisfy { $0.range(of: #"^(\.nnlab-report|index\.html|snapshot\.json|(figures|graphs)/[a-z0-9-]+\.(svg|dot)|figures/figures\.(md|tex))$"#, options: .regularExpression) != nil })
    #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("etc").path))

    let html = String(decoding: try #require(files["index.html"]), as: UTF8.self)
    #expect(!html.contains("<script>"))
    #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &#39;quoted&#39; &amp; ../../etc/passwd"))

    for (path, data) in files where path.hasSuffix(".svg") {
      let svg = String(decoding: data, as: UTF8.self)
      #expect(!svg.contains("<script"), "\(path)")
    }
    let svgs = files.keys.filter { $0.hasSuffix(".svg") }.map { folder.url.appendingPathComponent("out/\($0)") }
    #expect(try xmllintComplaints(svgs) == "")

    let network = String(decoding: try #require(files["graphs/case-1-network.svg"]), as: UTF8.self)
    #expect(network.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
    let dot = String(decoding: try #require(files["graphs/case-1-network.dot"]), as: UTF8.self)
    #expect(dot.contains(#"<script>alert(\"x\")</script>"#))
    #expect(!dot.contains("\nsecond line"))
  }

  /// NUL, ESC, BEL, U+FFFE, U+FFFF, U+FDD0 and U+0085, as an experiment file spells them.
  static let controlsInJSON = #"a\u0000b\u001bc\u0007d\ufffee\uffff f\ufdd0g\u0085h"#
  /// The same text as it must appear on the page.
  static let controlsShown = "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD} f\u{FFFD}g\u{FFFD}h"
  /// Their UTF-8 bytes, none of which may appear in the report's files.
  static let forbiddenBytes: [[UInt8]] = [
    [0x00], [0x1B], [0x07], [0xEF, 0xBF, 0xBE], [0xEF, 0xBF, 0xBF], [0xEF, 0xB7, 0x90], [0xC2, 0x85],
  ]

  @Test func controlCharactersAndNoncharactersNeverReachAFileRaw() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let json = """
      {"name": "controls", "title": "T \(Self.controlsInJSON)", "notes": "N \(Self.controlsInJSON)",
       "data": {"seed": 3, "n_obs": 30},
       "cases": [{"name": "C \(Self.controlsInJSON)", "batch_size": 10, "epochs": 3, "learning_rate": 0.1}],
       "histograms": ["C \(Self.controlsInJSON)"]}
      """
    let experiment = try Experiment(json: Data(json.utf8))
    #expect(experiment.title.unicodeScalars.contains("\u{0}") && experiment.cases[0].name.unicodeScalars.contains("\u{85}"))
    let templates = try TemplateSet(folder: Repository.root.appendingPathComponent("templates"), chosenByUser: true)
    try LabReport.report(experiment, language: .en, templates: templates, to: OutputFolder(folder.url.appendingPathComponent("out")))
    let files = try folder.files("out")

    // The snapshot keeps the experiment as it was (JSON escapes the controls); every other
    // file holds none of those characters.
    for (path, data) in files where path != "snapshot.json" {
      let bytes = [UInt8](data)
      let found = Self.forbiddenBytes.filter { contains(bytes, $0) }
      #expect(found.isEmpty, "\(path) holds \(found)")
    }
    let html = String(decoding: try #require(files["index.html"]), as: UTF8.self)
    #expect(html.contains("<h1>T \(Self.controlsShown)</h1>"))
    #expect(html.contains("<p class=\"notes\">N \(Self.controlsShown)</p>"))
    #expect(html.contains("<h3>C \(Self.controlsShown)</h3>"))

    // The page parses as HTML without complaint, its inline SVG as XML, and so do the files.
    #expect(try htmlComplaints(folder.url.appendingPathComponent("out/index.html")) == "")
    var inline: [URL] = []
    var rest = html[...]
    while let start = rest.range(of: "<svg "), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
      let file = folder.url.appendingPathComponent("inline-\(inline.count).svg")
      try Data(rest[start.lowerBound..<end.upperBound].utf8).write(to: file)
      inline.append(file)
      rest = rest[end.upperBound...]
    }
    // Data set, initial network and boundary, update network and boundary, and the case's
    // loss and boundary, network, curves, boundary over time and activations over time.
    #expect(inline.count == 11)
    let svgs = files.keys.filter { $0.hasSuffix(".svg") }.map { folder.url.appendingPathComponent("out/\($0)") }
    #expect(try xmllintComplaints(inline + svgs) == "")
  }

  private func contains(_ bytes: [UInt8], _ pattern: [UInt8]) -> Bool {
    guard bytes.count >= pattern.count else { return false }
    return (0...(bytes.count - pattern.count)).contains { start in
      bytes[start] == pattern[0] && Array(bytes[start..<start + pattern.count]) == pattern
    }
  }
}
