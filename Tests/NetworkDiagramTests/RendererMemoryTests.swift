import Foundation
import NetworkDiagram
import Testing

/// A thousand diagrams in one process: every graph, layout and render buffer is freed.
@Suite struct RendererMemoryTests {
  /// The resident set size in bytes, from `/proc/self/statm`.
  static func residentBytes() throws -> Int {
    let statm = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8)
    let fields = statm.split(separator: " ")
    let pages = try #require(fields.count > 1 ? Int(fields[1]) : nil)
    return pages * sysconf(Int32(_SC_PAGESIZE))
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/statm")))
  func thousandDiagramsKeepMemoryFlat() throws {
    let renderer = GraphvizRenderer.shared
    for _ in 0..<100 { _ = try renderer.render(Fixtures.update, idPrefix: "warm") }
    let before = try Self.residentBytes()
    let clock = ContinuousClock()
    let elapsed = try clock.measure {
      for round in 0..<1000 {
        let diagram = round.isMultiple(of: 2) ? Fixtures.initial : Fixtures.update
        _ = try renderer.render(diagram, idPrefix: "loop")
      }
    }
    let growth = try Self.residentBytes() - before
    let perDiagram = elapsed / 1000
    print("1000 diagrams: RSS \(before / 1024) KiB, then +\(growth / 1024) KiB")
    print("layout + SVG + DOT: \(perDiagram) per diagram")
    // A graph left open costs about 22 KiB, and so do the two render buffers: leaking
    // either once per diagram adds over 20 MiB here.
    #expect(growth < 4 * 1024 * 1024)
  }
}
