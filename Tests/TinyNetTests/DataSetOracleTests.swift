import Foundation
import Testing
import TestSupport
import TinyNet

/// Every generated data set against the numpy oracle's (`reference/run_data_sets.py`), which
/// draws with numpy's own `uniform`, `normal` and `rand`: bit for bit, for several seeds,
/// noise levels and sizes (odd ones, where the two blocks differ by one point).
@Suite struct DataSetOracleTests {
  static let configurations: [OracleDataConfiguration] =
    DataKind.allCases.filter { $0 != .csv }.flatMap { kind in
      [(0, 0.0), (317, 0.25), (4_294_967_295, 0.5), (7, 0.1)].map { seed, noise in
        OracleDataConfiguration(
          data: kind.rawValue, seed: seed, nObs: kind == .parabola ? 100 : 101, nTest: 37,
          noise: kind == .parabola ? 0 : noise)
      }
    }

  @Test func everyDataSetIsNumpysBitForBit() throws {
    let oracle = try runOracle(Self.configurations)
    #expect(oracle.count == Self.configurations.count)
    for (configuration, expected) in zip(Self.configurations, oracle) {
      let spec = DataSpec(
        kind: try #require(DataKind(rawValue: configuration.data)), seed: UInt32(configuration.seed),
        trainCount: configuration.nObs, testCount: configuration.nTest, noise: configuration.noise)
      try spec.validate()
      let data = spec.dataset
      for (points, rows) in [(data.train, expected.train), (data.test, expected.test)] {
        #expect(points.count == rows.count, "\(configuration)")
        let ours = (0..<points.count).map { [points.x1[$0], points.x2[$0], Double(points.y[$0])] }
        let differing = zip(ours, rows).filter { $0.map(\.bitPattern) != $1.map(\.bitPattern) }.count
        #expect(differing == 0, "\(configuration): \(differing) points differ")
      }
    }
  }

  /// Each set lies where Playground draws it, scaled into the notebook's square.
  @Test func playgroundSetsLieInTheNotebooksSquare() throws {
    for kind in [DataKind.circle, .xor, .spiral] {
      let data = DataSpec(kind: kind, seed: 3, trainCount: 500, noise: 0.5).dataset
      let extent = (data.train.x1 + data.train.x2).map(abs).max() ?? 0
      #expect(extent < 2.3, "\(kind): \(extent)")
      #expect((150...350).contains(data.train.y.reduce(0, +)), "\(kind)")
    }
  }
}
