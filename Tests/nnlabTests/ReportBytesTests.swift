import Foundation
import Testing
import TestSupport

/// Identical inputs give identical bytes in separate processes: each run below is its own
/// `nnlab` process, with its own hash seed and addresses, so output that depends on
/// dictionary order, hashing or memory layout shows up as a difference. (Comparing two calls
/// in one process could not see that.)
@Suite struct ReportBytesTests {
  func nnlab(_ arguments: [String]) throws -> ProcessOutput {
    try runProcess(Repository.nnlab, arguments, environment: independentProcessEnvironment)
  }

  /// The seed lab in both languages, and the playground lab: every data set, networks of
  /// every size (the large one's diagram holds subgraphs, which cgraph once ordered by
  /// address), reduced loss histories.
  @Test(arguments: [("en", nil), ("ko", nil), ("en", "examples/playground.json")])
  func reportAndRenderInSeparateProcessesGiveTheSameBytes(_ language: String, _ experiment: String?) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let input = experiment.map { [Repository.root.appendingPathComponent($0).path] } ?? []
    for name in ["first", "second"] {
      let output = try nnlab(["report"] + input + ["--quiet", "--lang", language, "--out", folder.path(name)])
      try #require(output.status == 0, "\(output.stderr)")
    }
    let first = try folder.files("first")
    // Every figure, graph, the page and the snapshot: not a comparison of two empty folders.
    #expect(first.count > 30, "\(first.keys.sorted())")
    #expect(differences(first, try folder.files("second")) == [])

    let rendered = try nnlab(["render", folder.path("first/snapshot.json"), "--quiet", "--out", folder.path("rendered")])
    try #require(rendered.status == 0, "\(rendered.stderr)")
    #expect(differences(first, try folder.files("rendered")) == [])
  }

  /// An archived snapshot, written by the process that made the committed example, renders
  /// today to the committed example's bytes.
  @Test(arguments: ["output/seed-lab", "output/playground"])
  func theCommittedSnapshotRendersToTheCommittedReport(_ example: String) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let committed = Repository.root.appendingPathComponent(example)
    let output = try nnlab(
      ["render", committed.appendingPathComponent("snapshot.json").path, "--quiet", "--out", folder.path("rendered")])
    try #require(output.status == 0, "\(output.stderr)")
    #expect(differences(try folderFiles(committed), try folder.files("rendered")) == [])
  }
}
