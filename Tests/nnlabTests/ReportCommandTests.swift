import Foundation
import Testing
import TestSupport

/// `nnlab report` and `nnlab render` as a user runs them.
@Suite struct ReportCommandTests {
  @Test func worksFromAnyWorkingDirectoryAndSaysWhereTheReportIs() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let output = try runProcess(Repository.nnlab, ["report"], in: folder.url)
    #expect(output.status == 0, "\(output.stderr)")
    let index = folder.url.appendingPathComponent("output/seed-lab/index.html").resolvingSymlinksInPath().path
    #expect(output.stdout.trimmingCharacters(in: .newlines).hasSuffix("output/seed-lab/index.html"))
    #expect(output.stdout.hasPrefix("report written to "))
    #expect(FileManager.default.fileExists(atPath: index))
    // stderr is not a terminal here: no progress bars.
    #expect(output.stderr.isEmpty)
  }

  @Test func quietPrintsNothing() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let output = try runProcess(Repository.nnlab, ["report", "--quiet", "--out", folder.path("r")])
    #expect(output.status == 0)
    #expect(output.stdout.isEmpty && output.stderr.isEmpty)
    // Quiet, yet the report is written: a run that did nothing would print nothing too.
    #expect(try folder.files("r").keys.contains("index.html"))
  }

  @Test func showsOneProgressBarPerCaseOnATerminal() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let experiment = try folder.write(
      """
      {"name": "long", "title": "Long", "cases": [
        {"name": "first", "epochs": 300}, {"name": "second", "epochs": 300, "learning_rate": 0.1}]}
      """, to: "long.json")
    // `script` gives the command a pseudo-terminal and copies what it shows to stdout.
    let command = [Repository.nnlab.path, "report", experiment, "--out", folder.path("r")].joined(separator: " ")
    let output = try runProcess(URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"])
    #expect(output.status == 0, "\(output.stdout)")
    #expect(output.stdout.contains("first"))
    #expect(output.stdout.contains("second"))
    #expect(output.stdout.contains("it/s"))
    #expect(output.stdout.contains("[########################] 100%"))
    #expect(output.stdout.contains("report written to"))
  }

  /// A sweep's many cases share one bar: the cases done, the rate and the time left.
  @Test func showsOneBarForASweepOnATerminal() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let experiment = try folder.write(
      """
      {"name": "sweep", "title": "Sweep", "sweep": {"learning_rate": [0.01, 0.1, 1, 10], "data_seed": [1, 2, 3, 4], "epochs": [3]}}
      """, to: "sweep.json")
    let command = [Repository.nnlab.path, "report", experiment, "--out", folder.path("r")].joined(separator: " ")
    let output = try runProcess(URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"])
    #expect(output.status == 0, "\(output.stdout)")
    let lines = output.stdout.components(separatedBy: "\r").map { $0.replacingOccurrences(of: "\u{1B}[2K", with: "") }
    let bars = lines.filter { $0.hasPrefix("[") }
    #expect(!bars.isEmpty && bars.allSatisfy { $0.contains(" cases") })
    #expect(bars.last?.hasPrefix("[########################] 100%  16/16 cases") == true, "\(bars.last ?? "")")
    #expect(bars.last?.contains(" it/s  done") == true)
    #expect(!output.stdout.contains("learning rate 0.01, data seed 1"))
  }

  @Test func escapeSequencesInACaseNameNeverReachTheTerminal() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    // A colour, a window title, a screen clear and a bell, as JSON escapes.
    let name = #"evil\u001b[31mred\u001b]0;pwned\u0007\u001b[2J\u009b1m"#
    let experiment = try folder.write(
      """
      {"name": "evil", "title": "Evil", "cases": [{"name": "\(name)", "epochs": 100}]}
      """, to: "evil.json")
    let command = [Repository.nnlab.path, "report", experiment, "--out", folder.path("r")].joined(separator: " ")
    let output = try runProcess(URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"])
    #expect(output.status == 0, "\(output.stdout)")
    #expect(output.stdout.contains("[########################] 100%"))
    #expect(output.stdout.contains(#"evil\u{1B}[31mred\u{1B}]0;pw"#))
    for raw in ["\u{1B}[31m", "\u{1B}]0;", "\u{7}", "\u{1B}[2J", "\u{9B}"] {
      #expect(!output.stdout.contains(raw), "\(raw.unicodeScalars.map(\.value))")
    }
  }

  @Test func printedDefaultIsTheEmbeddedSeedLab() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let printed = try runProcess(Repository.nnlab, ["report", "--print-default"])
    #expect(printed.status == 0)
    let file = try folder.write(printed.stdout, to: "seed-lab.json")
    let fromFile = try runProcess(Repository.nnlab, ["report", file, "--quiet", "--out", folder.path("from-file")])
    #expect(fromFile.status == 0, "\(fromFile.stderr)")
    let embedded = try runProcess(Repository.nnlab, ["report", "--quiet", "--out", folder.path("embedded")])
    #expect(embedded.status == 0)
    #expect(differences(try folder.files("from-file"), try folder.files("embedded")) == [])
  }

  @Test func renderReplacesItsOwnEarlierReportAndCanChangeLanguage() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try #require(try runProcess(Repository.nnlab, ["report", "--quiet", "--out", folder.path("r")]).status == 0)
    let english = try folder.files("r")
    let snapshot = try folder.write(String(decoding: english["snapshot.json"] ?? Data(), as: UTF8.self), to: "snapshot.json")
    let korean = try runProcess(Repository.nnlab, ["render", snapshot, "--lang", "ko", "--out", folder.path("r")])
    #expect(korean.status == 0, "\(korean.stderr)")
    let html = String(decoding: try folder.files("r")["index.html"] ?? Data(), as: UTF8.self)
    #expect(html.contains("<html lang=\"ko\">"))
    let again = try runProcess(Repository.nnlab, ["render", snapshot, "--quiet", "--out", folder.path("r")])
    #expect(again.status == 0)
    #expect(differences(english, try folder.files("r")) == [])
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["r", "snapshot.json"])
  }
}
