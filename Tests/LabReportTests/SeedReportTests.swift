import Foundation
import LabReport
import Testing
import TestSupport
import TinyNet

/// The seed lab's report: the notebook's numbers, identical bytes on every run and render,
/// valid SVG everywhere, and the committed example kept up to date.
@Suite(.serialized) struct SeedReportTests {
  static let templates = Result { try TemplateSet(folder: Repository.root.appendingPathComponent("templates"), chosenByUser: true) }

  func writeSeedReport(_ folder: TemporaryFolder, _ name: String, language: ReportLanguage = .en) throws -> [String: Data] {
    try LabReport.report(
      try Self.templates.get().strings(language).seedLab, language: language, templates: try Self.templates.get(),
      to: OutputFolder(folder.url.appendingPathComponent(name)))
    return try folder.files(name)
  }

  @Test func pageShowsTheNotebooksGoldenNumbers() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let files = try writeSeedReport(folder, "report")
    let html = String(decoding: try #require(files["index.html"]), as: UTF8.self)
    for golden in [
      "Final loss: train 0.5197, test 0.5529", "Final loss: train 0.5488, test 0.5039",
      "Final loss: train 0.1336, test 0.2472", "Final loss: train 0.4771, test 0.4934",
      "index 74, x = (0.8217, 0.1610), class 1",
    ] {
      #expect(html.contains(golden), "\(golden)")
    }
    for (name, after) in [("b11", "0.0261"), ("b12", "0.0087"), ("b13", "0.0174"), ("b21", "0.0870")] {
      #expect(html.contains("<th scope=\"row\">\(name)</th><td>0.0000</td>"), "\(name)")
      #expect(html.contains("<td>\(after)</td></tr>"), "\(name)")
    }
  }

  @Test func everyFileIsWhereTheReportSaysAndAllSVGIsValidXML() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let files = try writeSeedReport(folder, "report")
    var expected: Set<String> = [
      ".nnlab-report", "index.html", "snapshot.json", "figures/data-set.svg",
      "figures/initial-decision-boundary.svg", "figures/update-decision-boundary.svg",
      "figures/case-3-histograms.svg", "figures/case-4-histograms.svg", "figures/figures.md", "figures/figures.tex",
    ]
    for name in ["initial-network", "update-network"] + (1...4).map({ "case-\($0)-network" }) {
      expected.formUnion(["graphs/\(name).svg", "graphs/\(name).dot"])
    }
    for index in 1...4 {
      for kind in ["loss-curve", "decision-boundary", "loss-and-boundary", "curves", "boundary-over-time", "unit-maps"] {
        expected.insert("figures/case-\(index)-\(kind).svg")
      }
    }
    expected.formUnion((1...4).map { "figures/case-\($0)-activations-over-time.svg" })
    #expect(Set(files.keys) == expected)
    let html = String(decoding: files["index.html"] ?? Data(), as: UTF8.self)
    // Every figure is linked; the notes kits, for course notes, are not part of the page.
    for path in expected where path.hasSuffix(".svg") || path.hasSuffix(".dot") {
      #expect(html.contains("href=\"\(path)\""), "\(path) is not linked")
    }
    let svgs = files.keys.filter { $0.hasSuffix(".svg") }.sorted().map { folder.url.appendingPathComponent("report/\($0)") }
    #expect(try xmllintComplaints(svgs) == "")
  }

  @Test func sizesStayWithinTheirBudgets() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let files = try writeSeedReport(folder, "report")
    #expect(try #require(files["index.html"]).count < 500_000)
    #expect(try #require(files["figures/case-3-decision-boundary.svg"]).count < 20_000)
    #expect(try #require(files["figures/case-3-loss-curve.svg"]).count < 30_000)
    for index in 1...4 {
      // Ten thumbnails of the boundary, each under 4 KB on average.
      let thumbnails = try #require(files["figures/case-\(index)-boundary-over-time.svg"])
      let panels = String(decoding: thumbnails, as: UTF8.self).components(separatedBy: "<g class=\"panel\"").count - 1
      #expect(panels == 10 && thumbnails.count < 4096 * panels, "\(thumbnails.count) bytes for \(panels) thumbnails")
      #expect(try #require(files["graphs/case-\(index)-network.svg"]).count < 60_000, "the diagram with its maps")
    }
    let korean = try writeSeedReport(folder, "ko", language: .ko)
    #expect(try #require(korean["index.html"]).count < 500_000)
  }

  /// `render` from the snapshot alone, without training, writes the report's bytes again.
  /// Both run in this one process: that the bytes are the same in separate processes is
  /// `ReportBytesTests` (nnlabTests), and `committedExampleIsWhatNnlabWritesToday` compares
  /// with the bytes a process wrote when the example was committed.
  @Test(arguments: [ReportLanguage.en, .ko])
  func renderingTheSnapshotGivesTheReportsBytes(_ language: ReportLanguage) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let report = try writeSeedReport(folder, "report", language: language)
    let snapshot = try Snapshot(json: try #require(report["snapshot.json"]))
    #expect(snapshot.language == language)
    try LabReport.render(
      snapshot, templates: try Self.templates.get(), to: OutputFolder(folder.url.appendingPathComponent("rendered")))
    #expect(differences(report, try folder.files("rendered")) == [])
  }

  @Test func committedExampleIsWhatNnlabWritesToday() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let fresh = try writeSeedReport(folder, "report")
    let committed = try folderFiles(Repository.root.appendingPathComponent("output/seed-lab"))
    #expect(
      differences(committed, fresh) == [], "output/seed-lab is not what nnlab writes today: run `make report` and commit it")
  }

  @Test func koreanReportIsKoreanThroughout() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let files = try writeSeedReport(folder, "report", language: .ko)
    let html = String(decoding: try #require(files["index.html"]), as: UTF8.self)
    #expect(html.contains("<html lang=\"ko\">"))
    for heading in ["데이터셋", "학습 전의 신경망", "한 번의 학습 단계", "학습 실행", "배치 정규화와 은닉 유닛", "요약"] {
      #expect(html.contains(heading), "\(heading)")
    }
    #expect(html.contains("<h1>작은 신경망은 어떻게 학습하는가</h1>"))
    #expect(html.contains("실행 4: 배치 크기 20, 배치 정규화"))
    for english in ["The data set", "Training runs", "Final loss", "Decision boundary", "Feature 1", "Case 1"] {
      #expect(!html.contains(english), "\(english)")
    }
    let boundary = String(decoding: try #require(files["figures/case-1-decision-boundary.svg"]), as: UTF8.self)
    #expect(boundary.contains("특성 1"))
    let snapshot = try Snapshot(json: try #require(files["snapshot.json"]))
    #expect(snapshot.language == .ko)
  }

  @Test func englishSeedLabIsTheEmbeddedOne() throws {
    #expect(try Self.templates.get().strings(.en).seedLab == Experiment.seedLab)
  }

  @Test func bothLocalesHaveTheSameTextsAndTemplatesUseOnlyThose() throws {
    let locale = Repository.root.appendingPathComponent("templates/locale")
    let english = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: locale.appendingPathComponent("en.json")))
    let korean = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: locale.appendingPathComponent("ko.json")))
    #expect(Set(english.keys) == Set(korean.keys))
    var used: Set<String> = []
    for name in TemplateSet.requiredTemplates {
      let text = try String(
        contentsOf: Repository.root.appendingPathComponent("templates/\(name).mustache"), encoding: .utf8)
      var rest = Substring(text)
      while let range = rest.range(of: "{{t.") {
        rest = rest[range.upperBound...]
        let key = String(rest.prefix { $0 != "}" })
        used.insert(key)
        #expect(english[key] != nil, "templates/\(name).mustache uses t.\(key), which en.json lacks")
      }
    }
    // The templates do reach their texts through `{{t.…}}`; otherwise the loop checked nothing.
    #expect(used.count >= 10, "the templates use only \(used.sorted()) through {{t.…}}")
  }
}
