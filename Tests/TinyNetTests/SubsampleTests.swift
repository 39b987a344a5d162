import Testing
import TinyNet

/// Figures draw at most a fixed number of a set's points, spread evenly through it.
@Suite struct SubsampleTests {
  @Test func aSmallSetKeepsEveryPointAndALargeOneAnEvenSpread() {
    let points = DataSpec(kind: .circle, seed: 1, trainCount: 1000).dataset.train
    #expect(points.evenlySpacedIndices(limit: 1000) == Array(0..<1000))
    #expect(points.evenlySpacedIndices(limit: 4) == [0, 250, 500, 750])
    let sample = points.evenlySpacedIndices(limit: 300)
    #expect(sample.count == 300 && sample.first == 0 && sample.last == 996)
    #expect(zip(sample, sample.dropFirst()).allSatisfy { $1 - $0 == 3 || $1 - $0 == 4 })
    // The circle's two blocks of classes keep their shares: 500 points of class 1 first.
    #expect(sample.filter { points.y[$0] == 1 }.count == 150)
  }
}
