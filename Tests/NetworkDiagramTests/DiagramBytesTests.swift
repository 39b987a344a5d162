import Foundation
import TestSupport
import NetworkDiagram
import Testing
import TinyNet

/// Identical diagrams give identical SVG and DOT bytes in separate processes.
///
/// Two renders in one process share a hash seed, dictionary order, memory addresses and the
/// Graphviz context, so they cannot show output that depends on any of them. This test runs
/// the test executable a second time, as a new process, renders every kind of diagram there
/// too, and compares the bytes with what this process rendered.
@Suite struct DiagramBytesTests {
  /// Set only in the second process: the folder where it writes what it renders.
  static let folderVariable = "NETWORKDIAGRAM_BYTES_FOLDER"

  /// Every kind of diagram: first network, one update, a trained network with negative
  /// weights, batch normalisation, and a hostile title; each as SVG, inline SVG and DOT.
  static func rendered() throws -> [String: String] {
    let diagrams: [(String, NetworkDiagram)] = [
      ("initial", Fixtures.initial),
      ("update", Fixtures.update),
      (
        "case-2",
        NetworkDiagram.network(
          parameters: Fixtures.caseTwo, sample: Fixtures.sample(Fixtures.caseTwo), options: Fixtures.relu,
          title: "Case 2")
      ),
      (
        "batch-norm",
        NetworkDiagram.network(
          parameters: .notebookInitial, sample: Fixtures.sample(.notebookInitial, options: Fixtures.batchNorm),
          options: Fixtures.batchNorm, title: "BN")
      ),
      (
        "hostile",
        NetworkDiagram.network(
          parameters: .notebookFirstDiagram, sample: Fixtures.sample(.notebookFirstDiagram),
          options: Fixtures.relu, title: LabelEscapingTests.hostile)
      ),
    ]
    var files: [String: String] = [:]
    for (name, diagram) in diagrams {
      let rendered = try GraphvizRenderer.shared.render(diagram, idPrefix: name)
      files["\(name).svg"] = rendered.svg
      files["\(name)-inline.svg"] = rendered.inlineSVG
      files["\(name).dot"] = rendered.dot
    }
    return files
  }

  @Test func everyKindOfDiagramIsTheSameBytesInAnotherProcess() throws {
    let files = try Self.rendered()
    if let folder = ProcessInfo.processInfo.environment[Self.folderVariable] {
      // The second process's part: write what it rendered, for the first to compare.
      for (name, text) in files {
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent(name))
      }
      return
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("diagram-bytes-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let child = try runThisTestExecutable(
      filter: "DiagramBytesTests/everyKindOfDiagramIsTheSameBytesInAnotherProcess",
      adding: [Self.folderVariable: folder.path])
    try #require(child.status == 0, "the second process failed: \(child.output)")
    for (name, text) in files.sorted(by: { $0.key < $1.key }) {
      let written = try #require(
        FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
        "the second process wrote no \(name): \(child.output)")
      #expect(written == Data(text.utf8), "\(name) differs between two processes")
    }
  }
}
