import Dispatch
import Foundation

/// Stochastic gradient descent with the semantics of the notebook's `execute_ann`.
///
/// Each iteration draws a batch with `np.random.choice(range(n), batch)` from a stream
/// reseeded with the data seed (a full batch draws nothing), computes the gradient of the
/// batch objective, applies `p -= gradient * learningRate`, and records the full training
/// and test losses. A NaN or infinite loss or parameter stops training (see
/// `TrainingResult.divergedAt`).
///
/// On two cores or more, a run with enough work per iteration uses two: the numeric
/// gradient's parameters and the two recorded losses are shared between two workspaces.
/// Every number is computed exactly as on one thread, so the results are the same bits.
public struct Trainer: Sendable {
  /// The notebook's central-difference step.
  public static let centralDifferenceStep = 1e-7
  /// How many iterations pass between two progress reports.
  public static let progressInterval = 1024
  /// The work of one iteration (see `TrainingSettings.workUnits`) from which a run shares it
  /// between two threads: below it, handing work over costs more than it saves.
  public static let laneThreshold = 200_000.0

  public var data: Dataset
  public var seed: UInt32
  public var settings: TrainingSettings

  public init(data: Dataset, seed: UInt32, settings: TrainingSettings) {
    self.data = data
    self.seed = seed
    self.settings = settings
  }

  /// Trains from `initial` and returns the loss history and the final parameters.
  ///
  /// `lanes` (1 or 2) sets how many threads the run uses; by default two when an
  /// iteration's work reaches `laneThreshold` and the machine has two cores.
  /// The settings must be valid (`TrainingSettings.validate`). Runs of up to
  /// `exactLossLimit` iterations keep every loss; longer ones keep a reduced history (see
  /// `LossHistory`), so memory stays bounded. `progress` receives the number of completed
  /// iterations at the start, every `progressInterval` iterations and at the end.
  /// Allocates nothing per iteration.
  public func run(
    from initial: Parameters, exactLossLimit: Int = LossHistory.exactLimit, lanes: Int? = nil,
    progress: ((Int) -> Void)? = nil
  ) -> TrainingResult {
    let shape = initial.shape
    let train = PointStore(data.train, features: shape.features)
    let test = PointStore(data.test, features: shape.features)
    let n = train.count
    let batchSize = settings.effectiveBatchSize(observations: n)
    let fullBatch = batchSize >= n
    let batch = PointStore(capacity: fullBatch ? 0 : batchSize, featureCount: shape.features.count)
    let iterations = settings.iterations(observations: n)
    let work = settings.workUnitsPerIteration(shape: shape, trainCount: n, testCount: test.count)
    let lanes = max(1, min(lanes ?? (work >= Self.laneThreshold ? 2 : 1), 2, ProcessInfo.processInfo.activeProcessorCount))
    let workspaces = (0..<lanes).map { _ in
      Workspace(shape: shape, options: settings.options, capacity: max(n, test.count), batchCapacity: batchSize)
    }
    let workspace = workspaces[0]
    var random = RandomState(seed: seed)
    let count = shape.parameterCount

    let parameters = UnsafeMutablePointer<Double>.allocate(capacity: 3 * count + 2)
    defer { parameters.deallocate() }
    parameters.initialize(from: initial.values, count: count)
    let candidate = parameters + count
    let gradient = candidate + count
    let losses = gradient + count
    candidate.initialize(repeating: 0, count: 2 * count + 2)

    var recorder = LossRecorder(iterations: iterations, exactLimit: exactLossLimit)
    var completed = 0
    var divergedAt: Int?

    progress?(0)
    for iteration in 1...iterations {
      if !fullBatch {
        for i in 0..<batchSize { batch.copy(train, point: random.choice(below: n), to: i) }
      }
      let points = fullBatch ? train.buffers : batch.buffers
      let shared = Lanes(
        workspaces: workspaces, parameters: parameters, candidate: candidate, gradient: gradient, losses: losses,
        batch: points, train: train.buffers, test: test.buffers)
      switch settings.gradient {
      case .numeric:
        Self.share(lanes) { [settings] lane in
          shared.workspaces[lane].numericGradient(
            parameters: shared.parameters, batch: shared.batch, h: Self.centralDifferenceStep,
            regularization: settings.regularization, into: shared.gradient, lane: lane, lanes: lanes)
        }
      case .analytic:
        workspace.analyticGradient(
          parameters: parameters, batch: points, regularization: settings.regularization, into: gradient)
      }
      var finite = true
      for k in 0..<count {
        candidate[k] = parameters[k] - gradient[k] * settings.learningRate
        finite = finite && candidate[k].isFinite
      }
      Self.share(lanes) { lane in
        for slot in 0..<2 where slot % lanes == lane {
          shared.losses[slot] = shared.workspaces[lane].loss(
            parameters: shared.candidate, points: slot == 0 ? shared.train : shared.test)
        }
      }
      let trainLoss = losses[0]
      let testLoss = losses[1]
      // An infinite parameter can come with a finite loss (0 where the network is certain
      // and right), but no snapshot can hold it: that is divergence too.
      guard finite, trainLoss.isFinite, testLoss.isFinite else {
        divergedAt = iteration
        break
      }
      parameters.update(from: candidate, count: count)
      recorder.record(train: trainLoss, test: testLoss)
      completed = iteration
      if iteration % Self.progressInterval == 0 { progress?(iteration) }
    }
    progress?(completed)

    let history = recorder.finish()
    let trained = Parameters(shape: shape, values: Array(UnsafeBufferPointer(start: parameters, count: count)))
    let final = FinalMetrics(
      lossTrain: history.lastTrain ?? finite(workspace.loss(parameters: parameters, points: train.buffers)),
      lossTest: history.lastTest ?? finite(workspace.loss(parameters: parameters, points: test.buffers)),
      accuracyTrain: workspace.accuracy(parameters: parameters, points: train.buffers),
      accuracyTest: workspace.accuracy(parameters: parameters, points: test.buffers))
    return TrainingResult(
      iterations: iterations, history: history, parameters: trained, divergedAt: divergedAt, final: final)
  }
}

private func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }

extension Trainer {
  /// What an iteration's lanes share: each lane works in its own workspace and writes only
  /// its own gradient components or loss slot, while the parameters stay unchanged.
  struct Lanes: @unchecked Sendable {
    let workspaces: [Workspace]
    let parameters: UnsafeMutablePointer<Double>
    let candidate: UnsafeMutablePointer<Double>
    let gradient: UnsafeMutablePointer<Double>
    let losses: UnsafeMutablePointer<Double>
    let batch: PointBuffers
    let train: PointBuffers
    let test: PointBuffers
  }

  /// Runs `work` for lanes `0..<lanes`, on several threads when there is more than one.
  @inline(__always)
  static func share(_ lanes: Int, _ work: @Sendable (Int) -> Void) {
    if lanes == 1 {
      work(0)
    } else {
      DispatchQueue.concurrentPerform(iterations: lanes, execute: work)
    }
  }
}
