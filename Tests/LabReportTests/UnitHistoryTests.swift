import Foundation
import Testing
import TestSupport
import TinyNet

@testable import LabReport

/// The activations over time: each hidden unit's counts at every checkpoint, in bins shared
/// by the checkpoints, against numpy's `np.histogram(..., range=...)` in the oracle.
@Suite(.serialized) struct UnitHistoryTests {
  @Test func theSeedLabsHiddenUnitsAtEveryCheckpointMatchNumpy() throws {
    let lab = Experiment.seedLab
    let results = lab.run()
    let configurations = lab.cases.map { spec in
      let settings = spec.settings
      return OracleConfiguration(
        activation: settings.activation.rawValue, batchSize: settings.batchSize, epochs: settings.epochs,
        learningRate: settings.learningRate, batchNorm: settings.batchNorm, dynamics: true)
    }
    try compare(configurations, results: results.cases, data: results.caseData, lab: lab)
  }

  @Test func deeperNetworksOnPlaygroundDataMatchNumpy() throws {
    let json = """
      {"name": "deep", "title": "Deep", "data": {"set": "spiral", "seed": 3, "n_obs": 40, "noise": 0.2},
       "network": {"hidden": [5, 4], "features": ["x1", "x2", "sin_x1"]},
       "checkpoints": [0, 3, 17],
       "cases": [{"name": "tanh", "activation": "tanh", "batch_size": 5, "epochs": 4, "learning_rate": 0.3},
                 {"name": "relu bn", "activation": "relu", "batch_size": 8, "epochs": 3, "learning_rate": 0.2,
                  "batch_norm": true}]}
      """
    let lab = try Experiment(json: Data(json.utf8))
    let results = lab.run()
    let configurations = lab.cases.map { spec in
      let settings = spec.settings
      return OracleConfiguration(
        seed: 3, nObs: 40, activation: settings.activation.rawValue, batchSize: settings.batchSize,
        epochs: settings.epochs, learningRate: settings.learningRate, batchNorm: settings.batchNorm,
        data: "spiral", noise: 0.2, hidden: [5, 4], features: ["x1", "x2", "sin_x1"], initialization: "random",
        dynamics: true, checkpoints: [0, 3, 17])
    }
    try compare(configurations, results: results.cases, data: results.caseData, lab: lab)
  }

  private func compare(
    _ configurations: [OracleConfiguration], results: [TrainingResult], data: [Dataset], lab: Experiment
  ) throws {
    let oracle = try runOracle(configurations)
    for index in lab.cases.indices {
      let expected = try #require(oracle[index].dynamics)
      let result = results[index]
      #expect(result.checkpoints.map(\.iteration) == expected.checkpoints.map(\.iteration))
      let histories = try UnitHistory.all(
        result.checkpoints, points: data[index].train, options: lab.cases[index].settings.options)
      #expect(histories.count == expected.unitHistograms.count, "\(lab.cases[index].name)")
      for (ours, theirs) in zip(histories, expected.unitHistograms) {
        #expect(ours.counts == theirs, "\(lab.cases[index].name): unit \(ours.layer + 1).\(ours.unit + 1)")
        #expect(ours.counts.allSatisfy { $0.reduce(0, +) == data[index].train.count })
      }
    }
  }
}
