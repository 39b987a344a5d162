import Testing
import TinyNet

@testable import NetworkDiagram

/// The renderer's contract: identical bytes, safe from any thread, unique ids, and
/// Graphviz's own messages as errors.
@Suite struct GraphvizRendererTests {
  /// A second render through the same, shared Graphviz context in this one process gives the
  /// first render's bytes: no state is left behind. (That separate processes give the same
  /// bytes is `DiagramBytesTests`.)
  @Test func aSecondRenderInTheSameProcessGivesTheSameBytes() throws {
    let first = try GraphvizRenderer.shared.render(Fixtures.update, idPrefix: "step")
    _ = try GraphvizRenderer.shared.render(Fixtures.initial, idPrefix: "step")
    let second = try GraphvizRenderer.shared.render(Fixtures.update, idPrefix: "step")
    #expect(first.svg == second.svg)
    #expect(first.inlineSVG == second.inlineSVG)
    #expect(first.dot == second.dot)
  }

  @Test func concurrentCallsGiveWhatSerialCallsGive() async throws {
    let diagrams = [Fixtures.initial, Fixtures.update]
    let serial = try diagrams.map { try GraphvizRenderer.shared.render($0, idPrefix: "d").svg }
    let results = try await withThrowingTaskGroup(of: (Int, String).self) { group in
      for round in 0..<16 {
        group.addTask {
          let index = round % diagrams.count
          return (index, try GraphvizRenderer.shared.render(diagrams[index], idPrefix: "d").svg)
        }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(results.count == 16)
    for (index, svg) in results { #expect(svg == serial[index]) }
  }

  @Test func everyIDStartsWithThePrefixAndIsUnique() throws {
    let initial = try #require(
      SVGDocument(GraphvizRenderer.shared.render(Fixtures.initial, idPrefix: "fig-1").inlineSVG))
    let update = try #require(
      SVGDocument(GraphvizRenderer.shared.render(Fixtures.update, idPrefix: "fig-2").inlineSVG))
    for document in [initial, update] {
      #expect(document.ids.count > 20)
      #expect(Set(document.ids).count == document.ids.count)
    }
    #expect(initial.ids.allSatisfy { $0 == "fig-1" || $0.hasPrefix("fig-1_") })
    #expect(Set(initial.ids).isDisjoint(with: update.ids))
  }

  @Test(arguments: ["", "1st", "a b", "fig\"", "x<y", "é"])
  func badIDPrefixesAreRefused(prefix: String) {
    #expect(throws: GraphvizError.self) {
      try GraphvizRenderer.shared.render(Fixtures.initial, idPrefix: prefix)
    }
  }

  @Test func graphvizMessagesBecomeTheError() throws {
    let error = try #require(throws: GraphvizError.self) {
      try GraphvizRenderer.shared.read(dot: "digraph { a -> ; }")
    }
    #expect(error.operation == "read DOT")
    #expect(error.message.contains("syntax error"))
    #expect(error.description.hasPrefix("Graphviz could not read DOT: "))
  }

  @Test func aFailureLeavesTheRendererUsable() throws {
    _ = try? GraphvizRenderer.shared.read(dot: "graph {")
    let rendered = try GraphvizRenderer.shared.render(Fixtures.initial, idPrefix: "after")
    #expect(SVGDocument(rendered.svg) != nil)
  }
}
