import ArgumentParser
import DataFiles
import Foundation
import LabReport
import SafeText
import TinyNet

extension ReportLanguage: ExpressibleByArgument {}

/// Options shared by `report` and `render`: where the templates are, how loud to be and
/// how many threads to use.
struct RenderingOptions: ParsableArguments {
  @Option(help: "A folder of templates to use instead of the installed ones.")
  var templates: String?

  @Flag(help: "Print nothing but errors: no progress bars, no final line.")
  var quiet = false

  @Option(help: "Train cases and draw a sweep's pages on N threads (default: one per core); the report is the same for any N.")
  var jobs: Int?

  /// The number of threads `--jobs` asks for, checked.
  func checkedJobs() throws -> Int? {
    guard let jobs else { return nil }
    guard (1...1024).contains(jobs) else {
      throw CommandFailure.usage("--jobs must be from 1 to 1024, got \(jobs)")
    }
    return jobs
  }

  /// The chosen template set, or the installed one.
  func templateSet() throws(LabReportError) -> TemplateSet {
    guard let templates else { return try TemplateSet.installed() }
    return try TemplateSet(folder: URL(fileURLWithPath: templates), chosenByUser: true)
  }

  /// Tells the user where the report is, unless quiet.
  func announce(_ folder: OutputFolder) {
    if !quiet { print("report written to \(folder.url.appendingPathComponent("index.html").path)") }
  }
}

extension NNLab {
  /// `nnlab report`: train an experiment and write its lab report.
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Train an experiment (the seed lab by default) and write its HTML lab report.",
      discussion: """
        Writes index.html, figures/*.svg (and the PNGs and PDFs of --formats), graphs/*.svg|dot, \
        the notes kits figures/figures.md and figures/figures.tex, and snapshot.json to the \
        output folder, atomically: an earlier report is replaced only when the new one is complete, \
        and a folder nnlab did not make is never overwritten.
        """)

    @Argument(help: "An experiment file (JSON); see --print-default. Without one, the seed lab.")
    var experiment: String?

    @Option(help: "The report folder (default: output/<experiment name>).")
    var out: String?

    @Option(help: "The report's language: en or ko.")
    var lang: ReportLanguage = .en

    @OptionGroup var rendering: RenderingOptions

    @OptionGroup var output: OutputOptions

    @Flag(help: "Print the embedded seed lab (its names in --lang) as an experiment file and exit.")
    var printDefault = false

    @Flag(help: "Print the experiment with its sweep expanded into the cases it runs, and exit.")
    var expand = false

    @Flag(help: "Train even an experiment estimated to take longer than \(Int(LabReport.timeLimit / 60)) minutes.")
    var noTimeLimit = false

    func run() throws {
      let templates = try rendering.templateSet()
      if printDefault {
        guard experiment == nil else {
          throw CommandFailure.usage("--print-default takes no experiment file")
        }
        print(String(decoding: try templates.strings(lang).seedLab.json(), as: UTF8.self))
        return
      }
      let reportOutput = try output.reportOutput()
      let jobs = try rendering.checkedJobs()
      let experiment = try loadExperiment(templates)
      if expand {
        var expanded = experiment
        expanded.sweep = nil
        print(String(decoding: expanded.json(), as: UTF8.self))
        return
      }
      if !noTimeLimit { try LabReport.checkTimeLimit(experiment, jobs: jobs) }
      let folder = OutputFolder(URL(fileURLWithPath: out ?? "output/\(experiment.name)"))
      let display = ProgressDisplay(
        names: experiment.cases.map(\.name),
        totals: experiment.cases.map { $0.settings.iterations(observations: $0.data.trainingPointCount) },
        quiet: rendering.quiet)
      var progress: (@Sendable (Int, Int) -> Void)?
      if let display {
        progress = { display.update(case: $0, iterations: $1) }
      }
      try LabReport.report(
        experiment, language: lang, templates: templates, to: folder, output: reportOutput, jobs: jobs,
        progress: progress)
      display?.finish()
      rendering.announce(folder)
    }

    private func loadExperiment(_ templates: TemplateSet) throws(LabReportError) -> Experiment {
      guard let path = experiment else { return try templates.strings(lang).seedLab }
      guard let data = FileManager.default.contents(atPath: path) else {
        throw .badExperiment("cannot read \(SafeText.quoted(path, truncation: .middle))")
      }
      let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
      do {
        return try Experiment(json: data) { try PointTable.read($0, relativeTo: folder) }
      } catch {
        throw .badExperiment("\(SafeText.quoted(path, truncation: .middle)): \(error)")
      }
    }
  }

  /// `nnlab render`: the same report again from its snapshot, without training.
  struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Render a report again from its snapshot.json, byte for byte, without training.")

    @Argument(help: "A snapshot.json written by nnlab report.")
    var snapshot: String

    @Option(help: "The report folder to write.")
    var out: String

    @Option(help: "Render in another language than the snapshot's: en or ko.")
    var lang: ReportLanguage?

    @OptionGroup var rendering: RenderingOptions

    @OptionGroup var output: OutputOptions

    func run() throws {
      let reportOutput = try output.reportOutput()
      guard let data = FileManager.default.contents(atPath: snapshot) else {
        throw LabReportError.badSnapshot("cannot read \(snapshot)")
      }
      let jobs = try rendering.checkedJobs()
      let snapshot = try Snapshot(json: data)
      let folder = OutputFolder(URL(fileURLWithPath: out))
      try LabReport.render(
        snapshot, language: lang, templates: try rendering.templateSet(), to: folder, output: reportOutput,
        jobs: jobs)
      rendering.announce(folder)
    }
  }
}
