import Foundation
import Testing
import TestSupport
import TinyNet

/// The experiment file: the embedded seed lab, defaults for what is left out, networks of
/// any shape and data sets of every kind, and bad values refused with their key's path.
@Suite struct ExperimentTests {
  func experiment(_ json: String) throws -> Experiment { try Experiment(json: Data(json.utf8)) }

  func refusal(_ json: String) -> String? {
    do {
      _ = try experiment(json)
      return nil
    } catch {
      return (error as? ExperimentError)?.description
    }
  }

  /// `examples/seed-lab.json` is the seed lab as nnlab writes it: a change to the file
  /// format shows up here.
  @Test func seedLabIsWrittenAsTheCommittedExample() throws {
    let committed = try Data(contentsOf: Repository.root.appendingPathComponent("examples/seed-lab.json"))
    #expect(String(decoding: Experiment.seedLab.json(), as: UTF8.self) + "\n" == String(decoding: committed, as: UTF8.self))
    #expect(try Experiment(json: committed) == .seedLab)
  }

  @Test func seedLabIsTheNotebooksLab() {
    let lab = Experiment.seedLab
    #expect(lab.data == DataSpec(seed: 317, trainCount: 100))
    #expect(lab.network.shape == .notebook)
    #expect(lab.initialNetwork["w31"] == 0.8 && lab.initialNetwork["w32"] == 0.5)
    #expect(lab.initialParameters == .notebookInitial)
    #expect(lab.step.learningRate == 0.2)
    #expect(lab.cases.map(\.settings.learningRate) == [0.01, 0.3, 0.1, 0.1])
    #expect(lab.cases.map { $0.settings.iterations(observations: 100) } == [1000, 1000, 1000, 1000])
    #expect(lab.cases.allSatisfy { $0.initialParameters == .notebookInitial })
    #expect(lab.histograms == [lab.cases[2].name, lab.cases[3].name])
  }

  @Test func leftOutKeysTakeTheNotebooksDefaults() throws {
    let lab = try experiment(#"{"name": "mine", "title": "Mine", "cases": [{"name": "a"}]}"#)
    #expect(lab.data == Experiment.seedLab.data)
    #expect(lab.network == Experiment.seedLab.network)
    #expect(lab.initialParameters == .notebookInitial)
    #expect(lab.initialNetwork == .notebookInitial)
    #expect(lab.cases[0].settings == TrainingSettings())
    #expect(lab.histograms.isEmpty)
    #expect(lab.notes.isEmpty)
  }

  @Test func networkOfAnyShapeStartsFromPlaygroundsInitialisation() throws {
    let lab = try experiment(
      #"""
      {"name": "xor", "title": "XOR", "data": {"set": "xor", "seed": 7, "n_obs": 50, "noise": 0.2},
       "network": {"hidden": [4, 2], "features": ["x1", "x2", "x1_x2"]},
       "cases": [{"name": "same"}, {"name": "deeper", "hidden": [8, 8]},
                 {"name": "reseeded", "init_seed": 9, "regularization": "l2", "regularization_rate": 0.01}]}
      """#)
    let shape = try NetworkShape(features: [.x1, .x2, .x1X2], hidden: [4, 2])
    #expect(lab.network == NetworkSpec(shape: shape, initialization: .notebook, initSeed: 7))
    #expect(lab.initialParameters == .random(shape: shape, seed: 7))
    #expect(lab.cases[0].initialParameters == lab.initialParameters)
    #expect(lab.cases[1].network.shape == (try NetworkShape(features: [.x1, .x2, .x1X2], hidden: [8, 8])))
    #expect(lab.cases[1].initialParameters == .random(shape: lab.cases[1].network.shape, seed: 7))
    #expect(lab.cases[2].initialParameters == .random(shape: shape, seed: 9))
    #expect(lab.cases[2].settings.regularization == Regularization(.l2, rate: 0.01))
    #expect(try Experiment(json: lab.json()) == lab)
  }

  @Test func parametersAreNamedForTheirShape() throws {
    let lab = try experiment(
      #"""
      {"name": "a", "title": "A", "network": {"hidden": []},
       "initial_parameters": {"b1_1": 0.5, "w1_1_1": -1, "w1_2_1": 2}, "cases": [{"name": "a"}]}
      """#)
    #expect(lab.initialParameters.values == [0.5, -1, 2])
    #expect(lab.initialNetwork == lab.initialParameters)
    let wrong = refusal(
      #"{"name": "a", "title": "A", "network": {"hidden": []}, "initial_parameters": {"b11": 0}, "cases": [{"name": "a"}]}"#)
    #expect(wrong?.hasPrefix("initial_parameters: 'b11' is not a parameter of the 2-1 network") == true)
  }

  @Test func pointsGivenInTheFileMakeACSVDataSet() throws {
    let lab = try experiment(
      #"""
      {"name": "a", "title": "A", "data": {"csv": "four.csv", "seed": 3,
       "points": [[0, 0, 0], [1, 1, 1], [0.5, -0.5, 1], [2, 2, 0]]}, "cases": [{"name": "a"}]}
      """#)
    #expect(lab.data.kind == .csv)
    #expect(lab.data.trainingPointCount == 2 && lab.data.testPointCount == 2)
    #expect(try Experiment(json: lab.json()) == lab)
  }

  struct Bad: Sendable, CustomStringConvertible {
    var json: String
    var message: String
    var description: String { message }
  }

  static let bad: [Bad] = [
    Bad(json: #""data": {"set": "moons"}"#, message: "data.set: must be one of 'parabola', 'circle', 'xor', 'gauss', 'spiral', 'csv', got 'moons'"),
    Bad(json: #""data": {"noise": 0.1}"#, message: "data.noise: the parabola data set has no noise: noise must be 0"),
    Bad(json: #""data": {"set": "circle", "noise": 0.6}"#, message: "data.noise: noise must be 0 to 0.5, got 0.6"),
    Bad(json: #""data": {"n_obs": 1000001}"#, message: "data.n_obs: n-obs must be 1 to 1000000, got 1000001"),
    Bad(json: #""data": {"set": "xor", "n_obs": 50, "n_test": 1000001}"#, message: "data.n_test: n-test must be 1 to 1000000, got 1000001"),
    Bad(json: #""data": {"set": "xor", "test_fraction": 0.3}"#, message: "data.test_fraction: applies only to the data set 'csv'"),
    Bad(json: #""data": {"csv": "x.csv", "n_obs": 5, "points": [[0, 0, 1]]}"#, message: "data.n_obs: does not apply to points from a file"),
    Bad(json: #""data": {"points": [[0, 0, 2]]}"#, message: "data.points: row 1 must be [x1, x2, label] or [x1, x2, label, set] like every other row, with finite coordinates of magnitude at most 1000000, label 0 or 1 and set 'train' or 'test'"),
    Bad(json: #""data": {"points": [[0, 0, 1, "train"]]}"#, message: "data.csv: the test set is empty"),
    Bad(json: #""data": {"csv": "x.csv"}"#, message: "data.csv: the points of 'x.csv' are not in this file"),
    Bad(json: #""network": {"hidden": [3, 0]}"#, message: "network.hidden: a hidden layer has 1 to 16 units, got 0"),
    Bad(json: #""network": {"hidden": [1, 1, 1, 1, 1, 1, 1]}"#, message: "network.hidden: a network has at most 6 hidden layers, got 7"),
    Bad(json: #""network": {"features": []}"#, message: "network.features: a network needs at least one feature"),
    Bad(json: #""network": {"features": ["x1", "x1"]}"#, message: "network.features: the feature 'x1' is listed twice"),
    Bad(json: #""network": {"features": ["x3"]}"#, message: "network.features: must list features from 'x1', 'x2', 'x1_squared', 'x2_squared', 'x1_x2', 'sin_x1', 'sin_x2', got 'x3'"),
    Bad(json: #""network": {"init": "zeros"}"#, message: "network.init: must be one of 'notebook', 'random', got 'zeros'"),
    Bad(json: #""network": {"depth": 2}"#, message: "network: unknown key 'depth' (allowed: hidden, features, init, init_seed)"),
    Bad(json: #""initial_parameters": {"b11": 1e7}"#, message: "initial_parameters: unknown parameter"),
    Bad(json: #""checkpoints": [10, 5]"#, message: "checkpoints: must list 1 to 50 iterations in increasing order"),
    Bad(json: #""checkpoints": [0, 0]"#, message: "checkpoints: must list 1 to 50 iterations in increasing order"),
    Bad(json: #""checkpoints": []"#, message: "checkpoints: must list 1 to 50 iterations in increasing order"),
    Bad(json: #""checkpoints": [-1]"#, message: "checkpoints: must list whole numbers of iterations from 0 to 10000000"),
    Bad(json: #""checkpoints": [2.5]"#, message: "checkpoints: must list whole numbers of iterations from 0 to 10000000"),
    Bad(json: #""checkpoints": [1e300]"#, message: "checkpoints: must list whole numbers of iterations from 0 to 10000000"),
    Bad(json: #""checkpoints": "all""#, message: "checkpoints: expected a list"),
  ]

  @Test(arguments: bad)
  func badValueIsRefusedWithItsPath(_ bad: Bad) {
    let json = #"{"name": "a", "title": "A", "cases": [{"name": "a"}], "# + bad.json + "}"
    let message = refusal(json)
    if bad.message.hasSuffix("unknown parameter") {
      #expect(message?.hasPrefix("initial_parameters: parameter 'b11' must be a finite number") == true, "\(message ?? "accepted")")
    } else {
      #expect(message == bad.message)
    }
  }

  @Test func caseSettingsAreRefusedWithTheirPath() {
    #expect(
      refusal(#"{"name": "a", "title": "A", "cases": [{"name": "a", "regularization": "l3"}]}"#)
        == "cases[0].regularization: must be one of 'none', 'l1', 'l2', got 'l3'")
    #expect(
      refusal(#"{"name": "a", "title": "A", "cases": [{"name": "a", "hidden": [17]}]}"#)
        == "cases[0].hidden: a hidden layer has 1 to 16 units, got 17")
    #expect(
      refusal(#"{"name": "a", "title": "A", "cases": [{"name": "a"}, {"name": "a"}]}"#)
        == "cases[1].name: repeats an earlier case's name")
  }

  @Test func namesThatCouldLeaveTheOutputFolderAreRefused() {
    for name in ["", "..", "../x", "a/b", ".hidden", "Upper", "a b", "x\\y", String(repeating: "a", count: 65), "é"] {
      #expect(!Experiment.isValidName(name), "\(name)")
    }
    for name in ["seed-lab", "lab_2", "v1.0", "7"] { #expect(Experiment.isValidName(name)) }
  }

  /// Text limits count Unicode scalars, so combining marks cannot slip past them.
  @Test func textLimitsCountScalars() {
    let accents = "e" + String(repeating: "\u{301}", count: 100)
    #expect(
      refusal(#"{"name": "a", "title": "A", "cases": [{"name": "\#(accents)"}]}"#)
        == "cases[0].name: must be 1 to 100 characters, not only spaces")
  }

  @Test func runGivesTheNotebooksNumbers() {
    let results = Experiment.seedLab.run()
    #expect(results.step.index == 74)
    #expect(results.cases.map { ($0.final.lossTrain! * 10000).rounded() / 10000 } == [0.5197, 0.5488, 0.1336, 0.4771])
  }
}

@Suite struct ExperimentCheckpointsTests {
  @Test func anExperimentsCheckpointsReachEveryCaseAndItsFile() throws {
    let json = #"{"name": "a", "title": "A", "checkpoints": [0, 3, 40, 100000], "cases": [{"name": "a", "epochs": 1}]}"#
    let lab = try Experiment(json: Data(json.utf8))
    #expect(lab.checkpoints == [0, 3, 40, 100000])
    // Iterations beyond the run are left out; its last is always kept.
    #expect(lab.run().cases[0].checkpoints.map(\.iteration) == [0, 3, 40, 100])
    let written = String(decoding: try JSONEncoder().encode(lab), as: UTF8.self)
    #expect(written.contains(#""checkpoints":[0,3,40,100000]"#))
    #expect(try Experiment(json: Data(written.utf8)) == lab)
    #expect(!String(decoding: try JSONEncoder().encode(Experiment.seedLab), as: UTF8.self).contains("checkpoints"))
  }
}
