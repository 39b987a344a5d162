import Foundation
import Testing
import TestSupport

/// `make install` and `make uninstall` into a temporary prefix (with the nnlab these tests
/// built, through INSTALL_BIN, so no release build is needed).
@Suite(.serialized) struct InstallTests {
  static let make = URL(fileURLWithPath: "/usr/bin/make")

  static func runMake(_ target: String, prefix: TemporaryFolder, destination: String = "") throws -> ProcessOutput {
    try runProcess(
      make,
      ["-s", "-C", Repository.root.path, target, "PREFIX=\(prefix.url.path)", "DESTDIR=\(destination)",
       "INSTALL_BIN=\(Repository.nnlab.path)"])
  }

  /// Every file and folder below `folder`, relative, sorted.
  static func tree(_ folder: URL) -> [String] {
    (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted()
  }

  @Test func anInstalledNNLabWritesTheSeedReportFromAnotherFolder() throws {
    let prefix = try TemporaryFolder()
    defer { prefix.remove() }
    let install = try Self.runMake("install", prefix: prefix)
    #expect(install.status == 0, "\(install.stderr)")
    let installed = Set(Self.tree(prefix.url))
    for file in [
      "bin/nnlab", "share/man/man1/nnlab.1", "share/nnlab/templates/report.mustache",
      "share/nnlab/templates/locale/ko.json", "share/bash-completion/completions/nnlab",
      "share/zsh/site-functions/_nnlab", "share/fish/vendor_completions.d/nnlab.fish",
    ] {
      #expect(installed.contains(file), "\(file) is missing")
    }
    let bash = try String(contentsOfFile: prefix.path("share/bash-completion/completions/nnlab"), encoding: .utf8)
    #expect(bash.contains("verify") && bash.contains("--learning-rate"))

    // Started by name through PATH, in a folder of its own.
    let work = try TemporaryFolder()
    defer { work.remove() }
    // Only the installed folder on PATH; sanitizer settings pass on, as to every nnlab the
    // tests start (see `make sanitize`).
    var environment = ProcessInfo.processInfo.environment.filter { $0.key.hasSuffix("SAN_OPTIONS") }
    environment["PATH"] = prefix.path("bin") + ":/usr/bin:/bin"
    let report = try runProcess(
      URL(fileURLWithPath: "/usr/bin/env"), ["nnlab", "report", "--quiet"], in: work.url, environment: environment)
    #expect(report.status == 0, "\(report.stderr)")
    #expect(try work.files("output/seed-lab") == folderFiles(Repository.root.appendingPathComponent("output/seed-lab")))

    // It reads the installed templates, not the checkout's: an installed word shows.
    let locale = prefix.path("share/nnlab/templates/locale/en.json")
    let words = try String(contentsOfFile: locale, encoding: .utf8)
    try words.replacingOccurrences(of: "How a tiny neural network learns", with: "Installed words")
      .write(toFile: locale, atomically: true, encoding: .utf8)
    let printed = try runProcess(
      URL(fileURLWithPath: "/usr/bin/env"), ["nnlab", "report", "--print-default"], in: work.url,
      environment: environment)
    #expect(printed.stdout.contains("\"title\" : \"Installed words\""), "\(printed.stdout.prefix(400))")

    let uninstall = try Self.runMake("uninstall", prefix: prefix)
    #expect(uninstall.status == 0, "\(uninstall.stderr)")
    #expect(Self.tree(prefix.url) == [], "left behind: \(Self.tree(prefix.url))")
  }

  @Test func destdirStagesTheTreeAndUninstallKeepsOtherFiles() throws {
    let prefix = try TemporaryFolder()
    defer { prefix.remove() }
    let stage = try TemporaryFolder()
    defer { stage.remove() }
    try stage.write("someone else's", to: "\(prefix.url.path)/share/man/man1/other.1")
    #expect(try Self.runMake("install", prefix: prefix, destination: stage.path("")).status == 0)
    #expect(FileManager.default.isExecutableFile(atPath: stage.path("\(prefix.url.path)/bin/nnlab")))
    #expect(Self.tree(prefix.url) == [])
    #expect(try Self.runMake("uninstall", prefix: prefix, destination: stage.path("")).status == 0)
    #expect(Self.tree(stage.url.appendingPathComponent(prefix.url.path)) == ["share", "share/man", "share/man/man1", "share/man/man1/other.1"])
  }

  @Test func theManPageDescribesEveryOption() throws {
    let page = try String(contentsOf: Repository.root.appendingPathComponent("docs/nnlab.1"), encoding: .utf8)
    for command in ["data", "train", "step", "report", "render", "verify", "diff"] {
      let help = try runProcess(Repository.nnlab, [command, "--help"], environment: ["COLUMNS": "1000"]).stdout
      let options = Set(help.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" }).filter { $0.hasPrefix("--") })
      #expect(!options.isEmpty)
      for option in options {
        // mdoc writes `--seed` as the flag macro `Fl -seed`.
        #expect(page.contains("Fl \(option.dropFirst())"), "\(command) \(option) is not in docs/nnlab.1: run make man")
      }
      #expect(page.contains(".It Em \(command)\n"))
    }
  }
}
