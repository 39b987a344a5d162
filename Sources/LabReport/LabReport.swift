import Foundation
import TinyNet

/// Runs experiments and writes their reports.
public enum LabReport {
  /// The nnlab release, recorded in every snapshot and report.
  public static let version = "0.3.0"

  /// The longest training, in seconds, that `report` starts without being told to.
  public static let timeLimit = 600.0

  /// Refuses an experiment whose training is estimated to take longer than `timeLimit`
  /// on `jobs` threads (by default this machine's cores), naming the estimate.
  public static func checkTimeLimit(_ experiment: Experiment, jobs: Int? = nil) throws(LabReportError) {
    let cores = min(jobs ?? Self.cores, Self.cores)
    let seconds = experiment.estimatedTrainingSeconds(cores: cores)
    guard seconds <= timeLimit else {
      let minutes = Int((seconds / 60).rounded(.up))
      throw .badExperiment(
        "training would take about \(minutes) minutes on \(cores) cores (more than \(Int(timeLimit / 60))); "
          + "make it smaller or pass --no-time-limit")
    }
  }

  /// Trains `experiment` and writes its report to `folder`, with the figure formats and
  /// zip that `output` asks for; cases train, and a sweep's pages are drawn, on `jobs`
  /// threads (by default one per core), with the same bytes whatever `jobs` is.
  ///
  /// Everything is checked before training: the templates, the language's texts, the
  /// output folder, Graphviz, and librsvg and cairo when `output` asks for PNG or PDF. `progress` receives a case's index and completed iterations.
  /// - Returns: the snapshot the report was rendered from.
  @discardableResult
  public static func report(
    _ experiment: Experiment, language: ReportLanguage, templates: TemplateSet, to folder: OutputFolder,
    output: ReportOutput = ReportOutput(), jobs: Int? = nil,
    progress: (@Sendable (_ caseIndex: Int, _ iterations: Int) -> Void)? = nil
  ) throws(LabReportError) -> Snapshot {
    let strings = try templates.strings(language)
    try ReportAssembler.checkDiagramLibrary()
    try ReportAssembler.checkExportLibrary(formats: output.formats)
    try folder.checkTarget()
    if output.zip { try folder.checkArchiveTarget() }
    let results = experiment.run(jobs: jobs, progress: progress)
    let snapshot = Snapshot(experiment: experiment, language: language, results: results)
    try write(snapshot, strings: strings, templates: templates, to: folder, output: output, jobs: jobs ?? cores)
    return snapshot
  }

  /// Writes the report of `snapshot` to `folder` without training: byte for byte the
  /// report it was made with, unless `language` asks for another language; with the
  /// figure formats and zip that `output` asks for.
  public static func render(
    _ snapshot: Snapshot, language: ReportLanguage? = nil, templates: TemplateSet, to folder: OutputFolder,
    output: ReportOutput = ReportOutput(), jobs: Int? = nil
  ) throws(LabReportError) {
    var snapshot = snapshot
    if let language { snapshot.language = language }
    let strings = try templates.strings(snapshot.language)
    try ReportAssembler.checkDiagramLibrary()
    try ReportAssembler.checkExportLibrary(formats: output.formats)
    try folder.checkTarget()
    if output.zip { try folder.checkArchiveTarget() }
    try write(snapshot, strings: strings, templates: templates, to: folder, output: output, jobs: jobs ?? cores)
  }

  /// The number of cores this machine lets nnlab use: the default number of jobs.
  public static var cores: Int { ProcessInfo.processInfo.activeProcessorCount }

  /// Draws every file of `snapshot`'s report in memory (figures in every format of
  /// `output`, the notes kits), then writes the folder, and the zip, at once.
  private static func write(
    _ snapshot: Snapshot, strings: ReportStrings, templates: TemplateSet, to folder: OutputFolder,
    output: ReportOutput, jobs: Int
  ) throws(LabReportError) {
    var assembler = ReportAssembler(snapshot: snapshot, strings: strings, templates: templates)
    var files = try assembler.assembleAll(jobs: jobs)
    files.merge(assembler.notesKits(formats: output.formats)) { _, kit in kit }
    files.merge(try assembler.exports(formats: output.formats)) { _, export in export }
    let archive = output.zip ? try ReportArchive.zip(files, folderName: folder.url.lastPathComponent) : nil
    try folder.write(files, archive: archive)
  }
}
