import Foundation
import Testing
import TestSupport

/// Bad experiment files, templates, output folders and snapshots: each gives one line on
/// stderr with the documented exit status, and leaves no report behind.
@Suite struct ReportErrorTests {
  /// A valid one-case experiment; each bad case below changes one thing in it.
  static let valid = """
    {"name": "tiny", "title": "Tiny", "data": {"seed": 317, "n_obs": 30},
     "cases": [{"name": "one", "batch_size": 10, "epochs": 2, "learning_rate": 0.1}]}
    """

  struct BadExperiment: Sendable, CustomStringConvertible {
    var kind: String
    var json: String
    var message: String
    var description: String { kind }
  }

  static let badExperiments = [
    BadExperiment(kind: "malformed JSON", json: #"{"name": "tiny", "title": "#, message: "not valid JSON"),
    BadExperiment(kind: "not an object", json: "[1, 2]", message: "expected an object"),
    BadExperiment(
      kind: "unknown top-level key", json: valid.replacingOccurrences(of: #""title""#, with: #""titel""#),
      message: "unknown key 'titel' (allowed: name, title"),
    BadExperiment(
      kind: "unknown case key", json: valid.replacingOccurrences(of: #""epochs""#, with: #""epoch""#),
      message: "cases[0]: unknown key 'epoch' (allowed: name, activation"),
    BadExperiment(
      kind: "wrong type", json: valid.replacingOccurrences(of: #""epochs": 2"#, with: #""epochs": "2""#),
      message: "cases[0].epochs: expected an integer"),
    BadExperiment(
      kind: "fractional integer", json: valid.replacingOccurrences(of: #""epochs": 2"#, with: #""epochs": 2.5"#),
      message: "cases[0].epochs: expected an integer, got 2.5"),
    BadExperiment(
      kind: "learning rate not positive",
      json: valid.replacingOccurrences(of: "0.1}", with: "-1}"),
      message: "cases[0].learning_rate: learning-rate must be a finite number greater than 0, got -1.0"),
    BadExperiment(
      kind: "seed out of range", json: valid.replacingOccurrences(of: "317", with: "-4"),
      message: "data.seed: must be 0 to 4294967295, got -4"),
    BadExperiment(
      kind: "too many points", json: valid.replacingOccurrences(of: #""n_obs": 30"#, with: #""n_obs": 1000001"#),
      message: "data.n_obs: n-obs must be 1 to 1000000, got 1000001"),
    BadExperiment(
      kind: "record_every 0",
      json: valid.replacingOccurrences(of: #""name": "one""#, with: #""name": "one", "record_every": 0"#),
      message: "cases[0].record_every: record-every must be a whole number from 1 to 10000000, got 0"),
    BadExperiment(
      kind: "unknown activation",
      json: valid.replacingOccurrences(of: #""name": "one","#, with: #""name": "one", "activation": "softmax","#),
      message: "cases[0].activation: must be one of 'relu', 'tanh', 'sigmoid', 'linear', got 'softmax'"),
    BadExperiment(
      kind: "name escaping the output folder", json: valid.replacingOccurrences(of: #""tiny""#, with: #""../evil""#),
      message: "name: must be 1 to 64 lowercase letters"),
    BadExperiment(
      kind: "histogram of an unknown case", json: valid.replacingOccurrences(of: "]}", with: #"], "histograms": ["two"]}"#),
      message: "histograms: 'two' is not the name of a case"),
    BadExperiment(
      kind: "repeated case name",
      json: valid.replacingOccurrences(of: #"{"name": "one","#, with: #"{"name": "one"}, {"name": "one","#),
      message: "cases[1].name: repeats an earlier case's name"),
    BadExperiment(
      kind: "missing required key", json: #"{"name": "tiny", "title": "Tiny"}"#, message: "cases: is missing"),
    BadExperiment(
      kind: "batch norm on one point",
      json: valid.replacingOccurrences(of: #""batch_size": 10"#, with: #""batch_size": 1, "batch_norm": true"#),
      message: "cases[0].batch_norm: batch normalisation needs a batch of at least 2 points"),
    BadExperiment(
      kind: "incomplete parameters",
      json: valid.replacingOccurrences(of: #""cases""#, with: #""initial_parameters": {"b11": 0}, "cases""#),
      message: "initial_parameters: parameter 'w11' is missing"),
    BadExperiment(
      kind: "too many iterations",
      json: valid.replacingOccurrences(of: #""epochs": 2"#, with: #""epochs": 9000000"#),
      message: "cases[0].epochs: floor(n-obs / batch-size) * epochs gives 27000000 iterations"),
    BadExperiment(
      kind: "no cases", json: #"{"name": "tiny", "title": "Tiny", "cases": []}"#,
      message: "cases: must list 1 to 12 cases"),
  ]

  @Test(arguments: badExperiments)
  func badExperimentFileIsRefusedWith65(_ bad: BadExperiment) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = try folder.write(bad.json, to: "experiment.json")
    let output = try runProcess(Repository.nnlab, ["report", file, "--out", folder.path("report")])
    expectOneLineError(output, status: 65, mentions: bad.message)
    #expect(!FileManager.default.fileExists(atPath: folder.path("report")))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["experiment.json"])
  }

  @Test func missingExperimentFileIsRefusedWith65() throws {
    let output = try runProcess(Repository.nnlab, ["report", "/nonexistent/experiment.json"])
    expectOneLineError(output, status: 65, mentions: "cannot read '/nonexistent/experiment.json'")
  }

  @Test func templateSetMissingATemplateIsRefusedWith64() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try copyTemplates(to: folder.path("templates"))
    try FileManager.default.removeItem(atPath: folder.path("templates/figure.mustache"))
    let output = try runProcess(
      Repository.nnlab, ["report", "--templates", folder.path("templates"), "--out", folder.path("report")])
    expectOneLineError(output, status: 64, mentions: "figure.mustache' is missing")
    #expect(!FileManager.default.fileExists(atPath: folder.path("report")))
  }

  @Test func unparsableTemplateIsRefusedWith64() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try copyTemplates(to: folder.path("templates"))
    try folder.write("{{#cases}}never closed", to: "templates/case.mustache")
    let output = try runProcess(
      Repository.nnlab, ["report", "--templates", folder.path("templates"), "--out", folder.path("report")])
    expectOneLineError(output, status: 64, mentions: "case.mustache' cannot be parsed (line 1, column ")
  }

  struct BadPartials: Sendable, CustomStringConvertible {
    var kind: String
    /// Text appended to each named template.
    var appended: [String: String]
    var message: String
    var description: String { kind }
  }

  static let badPartials = [
    BadPartials(
      kind: "missing partial", appended: ["report": "{{> nosuchpartial}}"],
      message: "report.mustache' includes the partial 'nosuchpartial', which is not one of the set's templates (report, figure, case, parameters, diagnostics, style, sweep, ranked, case-page, ranking)"),
    BadPartials(
      kind: "missing partial without space", appended: ["case": "{{>nosuchpartial}}"],
      message: "case.mustache' includes the partial 'nosuchpartial'"),
    BadPartials(
      kind: "self-inclusion", appended: ["style": "{{> style}}"], message: "style.mustache' includes itself"),
    BadPartials(
      kind: "two-template cycle", appended: ["style": "{{> report}}"],
      message: "include each other in a cycle (report.mustache → style.mustache → report.mustache)"),
    BadPartials(
      kind: "cycle inside sections", appended: ["figure": "{{#links}}{{>\tcase }}{{/links}}"],
      message: "include each other in a cycle (figure.mustache → case.mustache → figure.mustache)"),
    BadPartials(
      kind: "cycle after new delimiters", appended: ["case": "{{=<% %>=}}<%> report %>"],
      message: "include each other in a cycle (report.mustache → case.mustache → report.mustache)"),
    BadPartials(
      kind: "inheritance cycle", appended: ["figure": "{{<figure}}{{$x}}y{{/x}}{{/figure}}"],
      message: "figure.mustache' includes itself"),
    BadPartials(
      kind: "dynamic partial", appended: ["case": "{{>*name}}"],
      message: "case.mustache' includes a partial chosen while rendering ({{>*name}})"),
  ]

  @Test(arguments: badPartials)
  func templateSetWithBadPartialsIsRefusedWith64(_ bad: BadPartials) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try copyTemplates(to: folder.path("templates"))
    for (name, text) in bad.appended {
      let file = folder.path("templates/\(name).mustache")
      try folder.write(try String(contentsOfFile: file, encoding: .utf8) + text, to: "templates/\(name).mustache")
    }
    let output = try runProcess(
      Repository.nnlab, ["report", "--templates", folder.path("templates"), "--out", folder.path("report")])
    expectOneLineError(output, status: 64, mentions: bad.message)
    #expect(!FileManager.default.fileExists(atPath: folder.path("report")))
  }

  @Test func partialsMentionedInACommentAreNotIncluded() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try copyTemplates(to: folder.path("templates"))
    let file = folder.path("templates/style.mustache")
    try folder.write(
      // The comment ends at the first `}}`: it holds `{{> nosuchpartial` and `{{> report`.
      try String(contentsOfFile: file, encoding: .utf8) + "{{! not {{> nosuchpartial}}{{! nor {{> report}}",
      to: "templates/style.mustache")
    let output = try runProcess(
      Repository.nnlab, ["report", "--quiet", "--templates", folder.path("templates"), "--out", folder.path("report")])
    #expect(output.status == 0, "\(output.stderr)")
  }

  @Test func localeLackingATextIsRefusedWith64() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try copyTemplates(to: folder.path("templates"))
    try folder.write(#"{"language_name": "English"}"#, to: "templates/locale/en.json")
    let output = try runProcess(
      Repository.nnlab, ["report", "--templates", folder.path("templates"), "--out", folder.path("report")])
    expectOneLineError(output, status: 64, mentions: "lacks the text")
  }

  @Test func outputUnderAFileIsRefusedWith73() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("not a folder", to: "file")
    let output = try runProcess(Repository.nnlab, ["report", "--out", folder.path("file/report")])
    expectOneLineError(output, status: 73, mentions: "cannot write the report")
  }

  @Test func outputThatIsAFileIsRefusedWith73() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("keep me", to: "report")
    let output = try runProcess(Repository.nnlab, ["report", "--out", folder.path("report")])
    expectOneLineError(output, status: 73, mentions: "exists and is not a folder")
    #expect(try String(contentsOfFile: folder.path("report"), encoding: .utf8) == "keep me")
  }

  @Test func folderNnlabDidNotMakeIsNeverOverwritten() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("my thesis", to: "report/thesis.txt")
    let output = try runProcess(Repository.nnlab, ["report", "--out", folder.path("report")])
    expectOneLineError(output, status: 73, mentions: "was not made by nnlab")
    #expect(try folder.files("report") == ["thesis.txt": Data("my thesis".utf8)])
  }

  @Test func truncatedSnapshotIsRefusedWith65() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let snapshot = try seedSnapshot(in: folder)
    try folder.write(String(snapshot.prefix(snapshot.count / 2)), to: "truncated.json")
    let output = try runProcess(
      Repository.nnlab, ["render", folder.path("truncated.json"), "--out", folder.path("again")])
    expectOneLineError(output, status: 65, mentions: "is the file truncated?")
    #expect(!FileManager.default.fileExists(atPath: folder.path("again")))
  }

  @Test func tamperedSnapshotIsRefusedWith65() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let snapshot = try seedSnapshot(in: folder)
    let tampered = snapshot.replacingOccurrences(of: #""learning_rate" : 0.3"#, with: #""learning_rate" : 0.4"#)
    try #require(tampered != snapshot, "the snapshot has no \"learning_rate\" : 0.3 to change")
    try folder.write(tampered, to: "tampered.json")
    let output = try runProcess(
      Repository.nnlab, ["render", folder.path("tampered.json"), "--out", folder.path("again")])
    expectOneLineError(output, status: 65, mentions: "checksum mismatch")
  }

  @Test func snapshotOfAnotherFormatIsRefusedWith65() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let snapshot = try seedSnapshot(in: folder)
    let future = snapshot.replacingOccurrences(of: #""format" : 3"#, with: #""format" : 4"#)
    try #require(future != snapshot, "the snapshot has no \"format\" : 3 to change")
    try folder.write(future, to: "future.json")
    let output = try runProcess(
      Repository.nnlab, ["render", folder.path("future.json"), "--out", folder.path("again")])
    expectOneLineError(output, status: 65, mentions: "format 4 is not supported")
  }

  @Test func jsonThatIsNoSnapshotIsRefusedWith65() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(Self.valid, to: "experiment.json")
    let output = try runProcess(
      Repository.nnlab, ["render", folder.path("experiment.json"), "--out", folder.path("again")])
    expectOneLineError(output, status: 65, mentions: "not an nnlab snapshot")
  }

  @Test func renderWithoutOutIsRefusedWith64() throws {
    let output = try runProcess(Repository.nnlab, ["render", "snapshot.json"])
    expectOneLineError(output, status: 64, mentions: "--out")
  }

  @Test func unknownLanguageIsRefusedWith64() throws {
    let output = try runProcess(Repository.nnlab, ["report", "--lang", "fr"])
    expectOneLineError(output, status: 64, mentions: "fr")
  }

  @Test func failedRenderLeavesTheEarlierReportIntact() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    _ = try seedSnapshot(in: folder)
    let before = try folder.files("report")
    try copyTemplates(to: folder.path("templates"))
    try folder.write(#"{"language_name": "English"}"#, to: "templates/locale/en.json")
    let output = try runProcess(
      Repository.nnlab,
      ["render", folder.path("report/snapshot.json"), "--out", folder.path("report"), "--templates", folder.path("templates")])
    #expect(output.status == 64)
    #expect(differences(before, try folder.files("report")) == [])
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["report", "templates"])
  }

  // MARK: Helpers

  /// Writes the seed lab's report to `report/` and returns its snapshot's text.
  func seedSnapshot(in folder: TemporaryFolder) throws -> String {
    let output = try runProcess(Repository.nnlab, ["report", "--quiet", "--out", folder.path("report")])
    #expect(output.status == 0, "\(output.stderr)")
    return try String(contentsOfFile: folder.path("report/snapshot.json"), encoding: .utf8)
  }

  func copyTemplates(to path: String) throws {
    try FileManager.default.copyItem(at: Repository.root.appendingPathComponent("templates"), to: URL(fileURLWithPath: path))
  }

  func expectOneLineError(
    _ output: ProcessOutput, status: Int32, mentions: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(output.status == status, "\(output.stderr)", sourceLocation: sourceLocation)
    #expect(output.stdout.isEmpty, sourceLocation: sourceLocation)
    #expect(output.stderr.split(separator: "\n").count == 1, "\(output.stderr)", sourceLocation: sourceLocation)
    #expect(output.stderr.hasPrefix("nnlab: error: "), sourceLocation: sourceLocation)
    #expect(output.stderr.contains(mentions), "\(output.stderr)", sourceLocation: sourceLocation)
  }
}
