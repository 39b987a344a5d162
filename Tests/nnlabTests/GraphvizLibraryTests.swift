import Foundation
import Testing
import TestSupport

/// Graphviz is loaded only to draw network diagrams: nnlab does not need it to start, the
/// commands that draw no diagram run without it, and without it a report is refused before
/// any work.
@Suite struct GraphvizLibraryTests {
  static let seedSnapshot = Repository.root.appendingPathComponent("output/seed-lab/snapshot.json").path

  /// The libraries nnlab's executable asks the dynamic loader for, read by `readelf`.
  @Test func nnlabStartsWithoutGraphviz() throws {
    let output = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["readelf", "-d", Repository.nnlab.path])
    try #require(output.status == 0, "\(output.stderr)")
    let needed = output.stdout.split(separator: "\n").filter { $0.contains("(NEEDED)") }
    #expect(needed.contains { $0.contains("[libc.so") }, "\(needed)")
    for library in ["libgvc", "libcgraph", "libcdt", "libpathplan", "libltdl", "libexpat"] {
      #expect(!needed.contains { $0.contains("[\(library).") }, "\(needed)")
    }
  }

  @Test(.enabled(if: FigureLibraryTests.canHideLibraries)) func withoutGraphvizReportsAreRefusedBeforeAnyWork() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let expected =
      "nnlab: error: cannot draw the report: Graphviz could not be loaded: network diagrams need the "
      + "Debian packages libgvc6 and libcgraph6: cannot load libgvc.so.6: "
    for arguments in [
      ["report", "--quiet", "--out", "report"],
      ["report", "--quiet", "--zip", "--out", "zipped"],
      ["render", Self.seedSnapshot, "--quiet", "--out", "render"],
    ] {
      let output = try FigureLibraryTests.nnlab(arguments, hiding: "libgvc.so.6", in: folder.url)
      #expect(output.status == 1, "\(arguments): \(output.stderr)")
      #expect(output.stderr.hasPrefix(expected), "\(output.stderr)")
      #expect(output.stderr.split(separator: "\n").count == 1, "\(output.stderr)")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == [])
  }

  /// `train`, `data`, `step`, `verify` and `diff` draw no diagram: without Graphviz they
  /// print what they print with it.
  @Test(.enabled(if: FigureLibraryTests.canHideLibraries)) func commandsWithoutDiagramsRunWithoutGraphviz() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    for arguments in [
      ["train", "--epochs", "2", "--json"],
      ["data", "--data", "spiral", "--n-obs", "20"],
      ["step", "--json"],
      ["verify", Self.seedSnapshot],
      ["diff", Self.seedSnapshot, Self.seedSnapshot],
    ] {
      let with = try runProcess(Repository.nnlab, arguments, in: folder.url, environment: independentProcessEnvironment)
      let without = try FigureLibraryTests.nnlab(arguments, hiding: "libgvc.so.6", in: folder.url)
      try #require(with.status == 0, "\(arguments): \(with.stderr)")
      #expect(without.status == 0, "\(arguments): \(without.stderr)")
      #expect(without.stdout == with.stdout, "\(arguments)")
      #expect(without.stderr == "", "\(arguments): \(without.stderr)")
    }
  }
}
