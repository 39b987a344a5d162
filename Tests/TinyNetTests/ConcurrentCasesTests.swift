import Testing
import TinyNet

/// Cases that train at the same time, on every core, and finish together.
@Suite struct ConcurrentCasesTests {
  /// Identical short cases finish at nearly the same moment on each thread, so their results
  /// are handed back concurrently; under ThreadSanitizer (`make sanitize`) that hand-off
  /// must be one the sanitizer can follow.
  @Test func casesThatFinishTogetherKeepTheirOrder() {
    var lab = Experiment.seedLab
    let base = lab.cases[0]
    lab.cases = (0..<16).map { index in
      var spec = base
      spec.name = "Case \(index + 1)"
      spec.settings = TrainingSettings(epochs: 1, learningRate: 0.01 * Double(index + 1))
      return spec
    }
    let results = lab.run()
    #expect(results.cases.count == 16)
    for (index, result) in results.cases.enumerated() {
      let alone = Trainer(data: lab.dataset, seed: lab.data.seed, settings: lab.cases[index].settings)
        .run(from: lab.cases[index].initialParameters)
      #expect(result == alone, "case \(index + 1)")
    }
  }
}
