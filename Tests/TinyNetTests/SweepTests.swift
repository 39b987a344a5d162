import Foundation
import Testing
import TestSupport
import TinyNet

/// An experiment's sweep: the cross product of its settings' values, in a fixed order,
/// with generated names, each case equal to the one a file would list by hand; and bad
/// sweeps refused with the path of the bad value.
@Suite struct SweepTests {
  func experiment(_ sweep: String, extra: String = "") throws -> Experiment {
    try Experiment(json: Data(#"{"name": "s", "title": "S", \#(extra) "sweep": \#(sweep)}"#.utf8))
  }

  func refusal(_ sweep: String, extra: String = "") -> String? {
    do {
      _ = try experiment(sweep, extra: extra)
      return nil
    } catch {
      return (error as? ExperimentError)?.description
    }
  }

  @Test func expandsToTheCrossProductFirstSettingSlowest() throws {
    let lab = try experiment(
      #"{"batch_size": [1, 10], "learning_rate": [0.01, 0.1, 1], "data_seed": [4, 5], "epochs": [3]}"#)
    #expect(lab.cases.count == 12)
    let sweep = try #require(lab.sweep)
    #expect(sweep.dimensions.map(\.setting) == [.learningRate, .batchSize, .dataSeed])
    #expect(sweep.axes == [.learningRate, .batchSize])
    var expected: [(Double, Int, UInt32)] = []
    for rate in [0.01, 0.1, 1] { for batch in [1, 10] { for seed: UInt32 in [4, 5] { expected.append((rate, batch, seed)) } } }
    for (index, spec) in lab.cases.enumerated() {
      #expect(spec.settings.learningRate == expected[index].0)
      #expect(spec.settings.batchSize == expected[index].1)
      #expect(spec.data.seed == expected[index].2)
      #expect(spec.settings.epochs == 3)
      #expect(sweep.caseIndex(coordinates: sweep.coordinates(ofCase: index)) == index)
    }
    #expect(lab.cases[0].name == "learning rate 0.01, batch 1, data seed 4")
    #expect(lab.cases[11].name == "learning rate 1.0, batch 10, data seed 5")
    #expect(sweep.slug(ofCase: 11) == "learning-rate-1.0-batch-10-data-seed-5")
    #expect(Set(lab.cases.indices.map(sweep.slug(ofCase:))).count == 12)
  }

  /// Every generated case equals the case a file lists with the same settings by hand.
  @Test func eachCaseIsTheCaseAFileWouldList() throws {
    let lab = try experiment(
      #"{"hidden": [[], [4, 2]], "features": [["x1", "x2"], ["x1", "x2", "x1_x2"]], "activation": ["tanh"],"#
        + #" "init_seed": [7, 8], "batch_norm": [true], "regularization": ["l2"], "regularization_rate": [0.01],"#
        + #" "gradient": ["analytic"], "batch_size": [20], "epochs": [2]}"#,
      extra: #""data": {"set": "xor", "n_obs": 40, "noise": 0.1},"#)
    #expect(lab.cases.count == 8)
    let sweep = try #require(lab.sweep)
    for (index, spec) in lab.cases.enumerated() {
      let values = sweep.values(ofCase: index)
      guard case .hidden(let hidden) = values[0], case .features(let features) = values[1],
        case .initSeed(let seed) = values[2]
      else {
        Issue.record("unexpected values \(values)")
        continue
      }
      let listed = try Experiment(
        json: Data(
          """
          {"name": "h", "title": "H", "data": {"set": "xor", "n_obs": 40, "noise": 0.1},
           "cases": [{"name": "\(spec.name)", "hidden": \(hidden), "features": [\(features.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))],
                      "init_seed": \(seed), "activation": "tanh", "batch_norm": true, "regularization": "l2",
                      "regularization_rate": 0.01, "gradient": "analytic", "batch_size": 20, "epochs": 2}]}
          """.utf8))
      #expect(listed.cases[0] == spec)
    }
    #expect(lab.cases[0].network.shape.hidden.isEmpty)
    #expect(lab.cases[0].initialParameters != lab.cases[1].initialParameters)
  }

  /// Outcomes are averaged over the seeds that are not axes: the cases group by their
  /// other settings, one case per seed, in case order.
  @Test func runsGroupOverTheSeedsThatAreNotAxes() throws {
    let lab = try experiment(#"{"learning_rate": [0.1, 1], "batch_size": [1, 10], "data_seed": [4, 5, 6]}"#)
    let sweep = try #require(lab.sweep)
    #expect(sweep.averagedPlaces == [2])
    let groups = sweep.runsOverSeeds()
    #expect(groups.map(\.coordinates) == [[0, 0], [0, 1], [1, 0], [1, 1]])
    #expect(groups.map(\.cases) == [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9, 10, 11]])
    let onAxis = try experiment(
      #"{"learning_rate": [0.1, 1], "data_seed": [4, 5], "axes": ["learning_rate", "data_seed"]}"#)
    #expect(onAxis.sweep?.averagedPlaces == [])
    #expect(onAxis.sweep?.runsOverSeeds().map(\.cases) == [[0], [1], [2], [3]])
  }

  @Test func theExampleSweepIsFiftyFourRuns() throws {
    let lab = try Experiment(json: Data(contentsOf: Repository.root.appendingPathComponent("examples/sweep.json")))
    #expect(lab.cases.count == 54)
    #expect(lab.sweep?.axes == [.learningRate, .batchSize])
    #expect(lab.cases.allSatisfy { $0.settings.epochs == 20 && $0.settings.activation == .tanh })
    #expect(Set(lab.cases.map(\.data.seed)) == [1, 2, 3])
  }

  @Test func writesItselfBackAsASweep() throws {
    let lab = try experiment(
      #"{"learning_rate": [0.1, 0.3], "activation": ["relu", "tanh"], "data_seed": [1, 2], "axes": ["activation", "data_seed"]}"#)
    let again = try Experiment(json: lab.json())
    #expect(again == lab)
    #expect(again.sweep?.axes == [.activation, .dataSeed])
    let text = String(decoding: lab.json(), as: UTF8.self)
    #expect(!text.contains("\"cases\""))
  }

  @Test(arguments: [
    (#"{"momentum": [0.9]}"#, "sweep: unknown key 'momentum'"),
    (#"{"learning_rate": []}"#, "sweep.learning_rate: must list at least one value"),
    (#"{"learning_rate": 0.1}"#, "sweep.learning_rate: expected a list"),
    (#"{"batch_size": [1, "ten"]}"#, "sweep.batch_size[1]: expected a number"),
    (#"{"batch_size": [1, 2.5]}"#, "sweep.batch_size[1]: expected an integer, got 2.5"),
    (#"{"batch_size": [10, 0]}"#, "sweep.batch_size[1]: "),
    (#"{"learning_rate": [0.1, -1]}"#, "sweep.learning_rate[1]: "),
    (#"{"activation": ["relu", "swish"]}"#, "sweep.activation[1]: must be one of"),
    (#"{"hidden": [[3], [0]]}"#, "sweep.hidden[1]: "),
    (#"{"features": [["x1", "x3"]]}"#, "sweep.features[0]: must list features from"),
    (#"{"data_seed": [1, -1]}"#, "sweep.data_seed[1]: must be 0 to 4294967295, got -1"),
    (#"{"epochs": [1, 2, 1]}"#, "sweep.epochs[2]: repeats the value 1"),
    (#"{"learning_rate": [0.1, 0.2], "axes": ["batch_size"]}"#, "sweep.axes: 'batch_size' is not a setting"),
    (#"{"learning_rate": [0.1, 0.2], "axes": ["learning_rate", "learning_rate"]}"#, "sweep.axes: must name one or two"),
    (#"{}"#, "sweep: must list values of at least one setting"),
  ])
  func badSweepIsRefusedWithItsPath(sweep: String, message: String) {
    let refused = refusal(sweep)
    #expect(refused?.hasPrefix(message) == true, "\(refused ?? "accepted")")
  }

  @Test func tooManyCasesAreRefusedWithTheirCount() {
    let hundred = "[" + (1...100).map(String.init).joined(separator: ", ") + "]"
    let refused = refusal(#"{"data_seed": \#(hundred), "init_seed": \#(hundred), "batch_norm": [true, false]}"#)
    #expect(refused == "sweep: expands to 20000 cases (2 × 100 × 100); at most 10000")
    #expect(refusal(#"{"data_seed": \#(hundred), "epochs": \#(hundred)}"#) == nil)
  }

  @Test func aSweepListsNoCasesAndNamesNoHistograms() {
    #expect(
      refusal(#"{"epochs": [1, 2]}"#, extra: #""cases": [{"name": "a"}],"#)?.hasPrefix("cases: cannot be listed with a sweep")
        == true)
    #expect(
      refusal(#"{"epochs": [1, 2]}"#, extra: #""histograms": [],"#)?.hasPrefix("histograms: cannot be named with a sweep")
        == true)
  }

  /// A value is checked in every combination: a setting that cannot run in one case is
  /// named with the case; one that runs with some values of the others is accepted.
  @Test func aSettingThatCannotRunIsNamedWithItsCase() {
    let refused = refusal(#"{"epochs": [1, 200000], "batch_size": [100, 1]}"#)
    #expect(
      refused?.hasPrefix("sweep.epochs[1]: ") == true && refused?.hasSuffix("(in the case 'batch 1, epochs 200000')") == true,
      "\(refused ?? "accepted")")
    #expect(refusal(#"{"batch_norm": [true], "batch_size": [20, 50]}"#) == nil)
    #expect(refusal(#"{"batch_norm": [true, false], "batch_size": [20, 1]}"#)?.hasPrefix("sweep.batch_norm[0]: ") == true)
  }

  /// Init seeds that cannot change where any case starts are refused; with random
  /// initialisation, or another shape, each seed starts elsewhere.
  @Test func initSeedsThatChangeNothingAreRefused() throws {
    #expect(
      refusal(#"{"init_seed": [1, 2]}"#)?.hasPrefix("sweep.init_seed: changes nothing: the notebook's 2-3-1 network") == true)
    let random = try experiment(#"{"init_seed": [1, 2]}"#, extra: #""network": {"init": "random"},"#)
    #expect(random.cases[0].initialParameters != random.cases[1].initialParameters)
    // Cases [3] with seeds 1 and 2, then [4] with seeds 1 and 2: only the second shape's differ.
    let shapes = try experiment(#"{"init_seed": [1, 2], "hidden": [[3], [4]]}"#)
    #expect(shapes.cases[0].initialParameters == shapes.cases[1].initialParameters)
    #expect(shapes.cases[2].initialParameters != shapes.cases[3].initialParameters)
  }

  /// The cases train the same whatever the number of threads.
  @Test func resultsDoNotDependOnTheNumberOfJobs() throws {
    let lab = try experiment(#"{"learning_rate": [0.1, 1], "batch_size": [1, 20], "data_seed": [1, 2], "epochs": [2]}"#)
    let one = lab.run(jobs: 1)
    #expect(lab.run(jobs: 2) == one)
    #expect(lab.run(jobs: 5) == one)
  }
}
