import Foundation
import Testing
import TinyNet

/// The experiment file: the embedded seed lab round-trips, defaults fill what is left out.
@Suite struct ExperimentTests {
  @Test func seedLabRoundTripsThroughJSON() throws {
    let json = Experiment.seedLab.json()
    #expect(try Experiment(json: json) == .seedLab)
    #expect(Experiment.seedLab.json() == json)
  }

  @Test func seedLabIsTheNotebooksLab() {
    let lab = Experiment.seedLab
    #expect(lab.data == DataSpec(seed: 317, nObs: 100))
    #expect(lab.initialNetwork["w31"] == 0.8 && lab.initialNetwork["w32"] == 0.5)
    #expect(lab.initialParameters == .notebookInitial)
    #expect(lab.step.learningRate == 0.2)
    #expect(lab.cases.map(\.settings.learningRate) == [0.01, 0.3, 0.1, 0.1])
    #expect(lab.cases.map { $0.settings.iterations(observations: 100) } == [1000, 1000, 1000, 1000])
    #expect(lab.histograms == [lab.cases[2].name, lab.cases[3].name])
  }

  @Test func leftOutKeysTakeTheNotebooksDefaults() throws {
    let experiment = try Experiment(json: Data(#"{"name": "mine", "title": "Mine", "cases": [{"name": "a"}]}"#.utf8))
    #expect(experiment.data == Experiment.seedLab.data)
    #expect(experiment.initialParameters == .notebookInitial)
    #expect(experiment.cases[0].settings == TrainingSettings())
    #expect(experiment.histograms.isEmpty)
    #expect(experiment.notes.isEmpty)
  }

  @Test func namesThatCouldLeaveTheOutputFolderAreRefused() {
    for name in ["", "..", "../x", "a/b", ".hidden", "Upper", "a b", "x\\y", String(repeating: "a", count: 65)] {
      #expect(!Experiment.isValidName(name), "\(name)")
    }
    for name in ["seed-lab", "lab_2", "v1.0", "7"] { #expect(Experiment.isValidName(name)) }
  }

  @Test func runGivesTheNotebooksNumbers() {
    let results = Experiment.seedLab.run()
    #expect(results.step.index == 74)
    #expect(results.cases.map { ($0.lossTrain.last! * 10000).rounded() / 10000 } == [0.5197, 0.5488, 0.1336, 0.4771])
  }
}
