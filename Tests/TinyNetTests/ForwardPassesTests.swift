import Foundation
import Testing
import TinyNet

/// Passes over one set in one workspace give what a forward trace of each gives.
@Suite struct ForwardPassesTests {
  @Test(arguments: [false, true])
  func everyPassGivesTheTracesLossPredictionsAndOutputs(_ batchNorm: Bool) throws {
    let points = DataSpec(kind: .xor, seed: 2, trainCount: 300, noise: 0.2).dataset.train
    let shape = try NetworkShape(features: [.x1, .x2], hidden: [5, 3])
    let options = NetworkOptions(activation: .relu, batchNorm: batchNorm)
    let passes = ForwardPasses(points: points, shape: shape, options: options)
    for seed in [1, 2, 3] as [UInt32] {
      let parameters = Parameters.random(shape: shape, seed: seed)
      let trace = ForwardTrace(points: points, parameters: parameters, options: options)
      #expect(passes.run(parameters).bitPattern == trace.loss.bitPattern && passes.loss == trace.loss)
      #expect(passes.predictedClasses == trace.ypred)
      for layer in 0..<2 {
        for unit in 0..<shape.hidden[layer] {
          #expect(passes.withHiddenOutputs(layer: layer, unit: unit, Array.init) == trace.hidden[layer].z[unit])
        }
      }
    }
  }

  /// A ReLU unit that no point switches on is dead; one that some point does is not.
  @Test func deadUnitsAreThoseZeroForEveryPoint() throws {
    let points = DataSpec(seed: 317, trainCount: 50).dataset.train
    let shape = try NetworkShape(features: [.x1, .x2], hidden: [3])
    // Unit 2's bias is far below anything its weights can lift it by on [-2, 2]².
    var values = Parameters.notebookInitial.values
    values[shape.biasIndex(layer: 0, unit: 1)] = -10
    let passes = ForwardPasses(points: points, shape: shape, options: NetworkOptions(activation: .relu))
    passes.run(Parameters(shape: shape, values: values))
    #expect(passes.deadUnits.map { [$0.layer, $0.unit] } == [[0, 1]])
    passes.run(.notebookInitial)
    #expect(passes.deadUnits.isEmpty)
  }
}
