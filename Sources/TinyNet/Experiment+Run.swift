import Dispatch
import Foundation
import Synchronization

/// What running an experiment's training produced.
public struct LabResults: Sendable, Equatable {
  /// The experiment's data set.
  public var data: Dataset
  /// Each case's data set, in the experiment's order.
  public var caseData: [Dataset]
  /// The single update from `initialParameters`.
  public var step: StepUpdate
  /// One result per case, in the experiment's order.
  public var cases: [TrainingResult]

  public init(data: Dataset, caseData: [Dataset], step: StepUpdate, cases: [TrainingResult]) {
    self.data = data
    self.caseData = caseData
    self.step = step
    self.cases = cases
  }
}

extension Experiment {
  /// Runs the single update and every case; independent cases train in parallel, on at
  /// most `jobs` threads (by default one per core), and give the same results whatever
  /// `jobs` is. `progress` receives a case's index and its completed iterations, from any
  /// thread. The experiment must be valid (as decoding or `seedLab` guarantees).
  public func run(jobs: Int? = nil, progress: (@Sendable (_ caseIndex: Int, _ iterations: Int) -> Void)? = nil)
    -> LabResults
  {
    let data = dataset
    let caseData = caseDatasets(data)
    // One slot per case, written by the thread that trains it and read once every case is
    // done, so no two threads ever wait for the same lock. (One Mutex for all the results
    // was correct too, but ThreadSanitizer does not see a Mutex pass to a thread that was
    // waiting for it, and reported a race when two cases finished at once.)
    let slots = cases.map { _ in ResultSlot() }
    // Each worker takes the next untrained case until none is left, so a long case does not
    // hold up the short ones queued behind it.
    let next = Atomic(0)
    let workers = min(max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount), cases.count)
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while true {
        let index = next.add(1, ordering: .relaxed).oldValue
        guard index < cases.count else { return }
        let trainer = Trainer(data: caseData[index], seed: cases[index].data.seed, settings: cases[index].settings)
        let result = trainer.run(from: cases[index].initialParameters, checkpoints: checkpoints) {
          progress?(index, $0)
        }
        slots[index].result.withLock { $0 = result }
      }
    }
    let step = StepUpdate(
      data: data, seed: self.data.seed, parameters: initialParameters,
      learningRate: step.learningRate, activation: step.activation, method: step.gradient)
    return LabResults(
      data: data, caseData: caseData, step: step, cases: slots.compactMap { $0.result.withLock { $0 } })
  }

  /// Each case's data set, drawn once per different specification; `data` is the
  /// experiment's own, already drawn.
  public func caseDatasets(_ data: Dataset) -> [Dataset] {
    var drawn: [(spec: DataSpec, points: Dataset)] = [(self.data, data)]
    return cases.map { spec in
      if let known = drawn.first(where: { $0.spec == spec.data }) { return known.points }
      let points = spec.data.dataset
      drawn.append((spec.data, points))
      return points
    }
  }
}

/// Where one case's result is handed back to `Experiment.run`.
private final class ResultSlot: Sendable {
  let result = Mutex<TrainingResult?>(nil)
}
