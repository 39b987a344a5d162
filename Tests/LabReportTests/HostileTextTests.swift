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
    let experiment = Experiment(
      name: "hostile", title: Self.hostile, notes: Self.hostile, data: DataSpec(seed: 3, nObs: 30),
      initialNetwork: .notebookFirstDiagram, initialParameters: .notebookInitial, step: StepSpec(learningRate: 0.2),
      cases: [CaseSpec(name: Self.hostile, settings: TrainingSettings(batchSize: 10, epochs: 3, learningRate: 0.1))],
      histograms: [Self.hostile])
    let templates = try TemplateSet(folder: Repository.root.appendingPathComponent("templates"), chosenByUser: true)
    try LabReport.report(experiment, language: .en, templates: templates, to: OutputFolder(folder.url.appendingPathComponent("out")))
    let files = try folder.files("out")

    // Only nnlab's own names: nothing from the case name becomes a path.
    #expect(files.keys.allSatisfy { $0.range(of: #"^(\.nnlab-report|index\.html|snapshot\.json|(figures|graphs)/[a-z0-9-]+\.(svg|dot))$"#, options: .regularExpression) != nil })
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
}
