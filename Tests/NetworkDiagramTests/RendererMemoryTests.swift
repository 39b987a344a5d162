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

  /// Other suites run in the same process and move its resident set too, so the loop runs
  /// three rounds and the smallest growth counts: a leak grows every round by over 20 MiB,
  /// another suite's allocations rarely overlap all three.
  @Test func thousandDiagramsKeepMemoryFlat() throws {
    let renderer = GraphvizRenderer.shared
    for _ in 0..<100 { _ = try renderer.render(Fixtures.update, idPrefix: "warm") }
    var growths: [Int] = []
    for _ in 0..<3 {
      let before = try Self.residentBytes()
      for round in 0..<1000 {
        let diagram = round.isMultiple(of: 2) ? Fixtures.initial : Fixtures.update
        _ = try renderer.render(diagram, idPrefix: "loop")
      }
      growths.append(try Self.residentBytes() - before)
    }
    // A graph left open costs about 22 KiB, and so do the two render buffers: leaking
    // either once per diagram adds over 20 MiB per round.
    #expect(growths.min() ?? .max < 4 * 1024 * 1024, "growth per round: \(growths)")
  }
}
