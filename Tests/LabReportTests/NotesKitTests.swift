import Foundation
import LabReport
import SafeText
import Testing
import TestSupport
import TinyNet

/// The notes kits, checked with the tools a teacher would use: pandoc and pdfLaTeX.
@Suite struct NotesKitTests {
  static let templates = Result { try TemplateSet(folder: Repository.root.appendingPathComponent("templates"), chosenByUser: true) }

  /// Writes the seed lab (or `experiment`) in `language` with `formats` into `folder/name`.
  static func report(
    _ folder: TemporaryFolder, _ name: String, language: ReportLanguage = .en, formats: Set<FigureFormat>,
    experiment: Experiment? = nil
  ) throws -> URL {
    let templates = try Self.templates.get()
    let url = folder.url.appendingPathComponent(name)
    try LabReport.report(
      experiment ?? templates.strings(language).seedLab, language: language, templates: templates,
      to: OutputFolder(url), output: ReportOutput(formats: formats))
    return url
  }

  /// `text` with the five references that Mustache and pandoc write decoded.
  static func unescaped(_ text: Substring) -> String {
    text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
      .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&amp;", with: "&")
  }

  /// The caption of every figure in the report's page, by the file name in its anchor.
  static func pageCaptions(_ report: URL) throws -> [String: String] {
    let html = try String(contentsOf: report.appendingPathComponent("index.html"), encoding: .utf8)
    var captions: [String: String] = [:]
    for match in html.matches(of: /<figure id="figure-([a-z0-9-]+)">.*?<figcaption>(.*?) <span class=/.dotMatchesNewlines()) {
      captions[String(match.1)] = unescaped(match.2.split(separator: " <span class=\"note\">")[0])
    }
    return captions
  }

  /// Every image of the Markdown kit (path relative to `figures/`) and the caption after
  /// it, as pandoc reads them.
  static func pandocFigures(_ report: URL) throws -> [(image: String, caption: String)] {
    let pandoc = try toolExecutable("pandoc", package: "pandoc")
    let output = try runProcess(
      pandoc, ["-f", "markdown-smart", "-t", "html", "--wrap=none", "figures.md"], in: report.appendingPathComponent("figures"))
    try #require(output.status == 0, "\(output.stderr)")
    return output.stdout.matches(of: /<img src="([^"]+)"[^>]*>.*?(?:<p><em>(.*?)<\/em><\/p>|$)/.dotMatchesNewlines())
      .map { (String($0.1), $0.2.map(unescaped) ?? "") }
  }

  /// Compiles a document that `\input`s the LaTeX kit with pdfLaTeX in `report`; returns
  /// the files it read (its `-recorder` list).
  static func pdflatex(_ report: URL) throws -> String {
    let document = """
      \\documentclass{article}
      \\usepackage{graphicx}
      \\begin{document}
      \\input{figures/figures.tex}
      \\end{document}
      """
    try Data(document.utf8).write(to: report.appendingPathComponent("notes.tex"))
    let pdflatex = try toolExecutable("pdflatex", package: "texlive-latex-base")
    let output = try runProcess(pdflatex, ["-interaction=nonstopmode", "-halt-on-error", "-recorder", "notes.tex"], in: report)
    #expect(output.status == 0, "\(output.stdout.suffix(2000))")
    return try String(contentsOf: report.appendingPathComponent("notes.fls"), encoding: .utf8)
  }

  @Test func theMarkdownKitShowsEveryPNGWithThePagesCaption() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let report = try Self.report(folder, "seed", formats: [.png])
    let figures = try Self.pandocFigures(report)
    let svgs = try folder.files("seed").keys.filter { $0.hasSuffix(".svg") }
    #expect(svgs.count >= 20)
    #expect(
      Set(figures.map { URL(fileURLWithPath: $0.image, relativeTo: report.appendingPathComponent("figures/")).path })
        == Set(svgs.map { report.appendingPathComponent($0.replacingOccurrences(of: ".svg", with: ".png")).path }))
    for figure in figures {
      let path = report.appendingPathComponent("figures").appendingPathComponent(figure.image).path
      #expect(FileManager.default.fileExists(atPath: path), "\(figure.image)")
    }
    let captions = try Self.pageCaptions(report)
    #expect(captions.count >= 12)
    for figure in figures {
      let name = URL(fileURLWithPath: figure.image).deletingPathExtension().lastPathComponent
      if let caption = captions[name], !caption.isEmpty { #expect(figure.caption == caption, "\(name)") }
    }
    #expect(captions["data-set"] == figures.first?.caption)
    #expect(captions["data-set"]?.hasPrefix("Training points (class 0 blue") == true)
  }

  @Test func theLaTeXKitCompilesWithPdfLaTeXAndIncludesEveryPDF() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let report = try Self.report(folder, "seed", formats: [.pdf])
    let kit = try String(contentsOf: report.appendingPathComponent("figures/figures.tex"), encoding: .utf8)
    #expect(!kit.contains("SVG figures only") && !kit.contains("CJK"))
    let pdfs = try folder.files("seed").keys.filter { $0.hasSuffix(".pdf") }
    #expect(pdfs.count >= 20)
    let read = try Self.pdflatex(report)
    for pdf in pdfs { #expect(read.contains("INPUT ./\(pdf)\n"), "\(pdf) was not included") }
    let captions = try Self.pageCaptions(report)
    for (name, caption) in captions where !caption.isEmpty {
      #expect(kit.contains("  \\caption{\(SafeText.latex(caption))}\n  \\label{fig:\(name)}"), "\(name)")
    }
    #expect(try pdfInfo(report.appendingPathComponent("notes.pdf"))["Pages"].flatMap(Int.init) ?? 0 >= 10)
  }

  /// Without PDFs, LaTeX takes the PNGs; with SVG alone, the kit says what it needs.
  @Test func theLaTeXKitTakesPNGsAndSaysWhenItHasNothingToInclude() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let report = try Self.report(folder, "png", formats: [.png])
    let read = try Self.pdflatex(report)
    #expect(read.contains("INPUT ./figures/data-set.png\n") && read.contains("INPUT ./graphs/initial-network.png\n"))

    let svgOnly = try Self.report(folder, "svg", formats: [.svg])
    let kit = try String(contentsOf: svgOnly.appendingPathComponent("figures/figures.tex"), encoding: .utf8)
    #expect(kit.contains("% This report has SVG figures only, which LaTeX cannot include: write it again with\n% --formats pdf"))
    let markdown = try String(contentsOf: svgOnly.appendingPathComponent("figures/figures.md"), encoding: .utf8)
    #expect(markdown.contains("](data-set.svg)") && markdown.contains("](../graphs/initial-network.svg)"))
  }

  @Test func theKoreanKitsCarryThePagesCaptionsAndNameTheEngineTheyNeed() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let report = try Self.report(folder, "ko", language: .ko, formats: [.svg])
    let captions = try Self.pageCaptions(report)
    let figures = try Self.pandocFigures(report)
    #expect(captions["data-set"] == figures.first?.caption)
    #expect(figures.first?.caption.hasPrefix("학습 데이터") == true)
    let kit = try String(contentsOf: report.appendingPathComponent("figures/figures.tex"), encoding: .utf8)
    #expect(kit.contains("% The captions use Hangul or Han characters: compile with a CJK-capable engine"))
    #expect(kit.contains("\\caption{\(try #require(captions["data-set"]))}"))
  }

  /// User text with every special character of Markdown and LaTeX reaches both kits
  /// escaped: pandoc reads it back as it was, and pdfLaTeX compiles it.
  @Test func hostileNamesAreEscapedInBothKits() throws {
    let hostile = #"50% of $x_1^2$ & {#id} \N <b>*not*</b> [link](x) ~ | -- @cite"#
    let data = DataSpec(seed: 3, trainCount: 30)
    let experiment = Experiment(
      name: "hostile", title: hostile, notes: "", data: data, network: NetworkSpec(initSeed: 3),
      initialNetwork: .notebookFirstDiagram, initialParameters: .notebookInitial, step: StepSpec(learningRate: 0.2),
      cases: [
        CaseSpec(
          name: hostile + "\nline two", settings: TrainingSettings(batchSize: 10, epochs: 3, learningRate: 0.1),
          data: data, network: NetworkSpec(initSeed: 3), initialParameters: .notebookInitial)
      ],
      histograms: [])
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let report = try Self.report(folder, "hostile", formats: [.pdf, .png], experiment: experiment)
    _ = try Self.pdflatex(report)
    let text = try pdfText(report.appendingPathComponent("notes.pdf"))
    #expect(text.contains("{#id}") && text.contains("50%"), "\(text.prefix(500))")

    let pandoc = try toolExecutable("pandoc", package: "pandoc")
    let output = try runProcess(
      pandoc, ["-f", "markdown-smart", "-t", "plain", "--wrap=none", "figures.md"], in: report.appendingPathComponent("figures"))
    try #require(output.status == 0, "\(output.stderr)")
    #expect(output.stdout.hasPrefix(hostile + "\n"), "\(output.stdout.prefix(300))")
    #expect(output.stdout.contains(hostile + " line two"))
  }
}
