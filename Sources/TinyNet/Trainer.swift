import Foundation

/// Stochastic gradient descent with the semantics of the notebook's `execute_ann`.
///
/// Each iteration draws a batch with `np.random.choice(range(n), batch)` from a stream
/// reseeded with the data seed (a full batch draws nothing), computes the gradient of the
/// batch objective, applies `p -= gradient * learningRate`, and, when its `RecordingPlan`
/// says (after every update on sets of up to 10,000 points), records the full training and
/// test losses. A NaN or infinite parameter, or recorded loss, stops training (see
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

  /// Trains from `initial` and returns the loss history, the curves, the checkpoints and
  /// the final parameters.
  ///
  /// `checkpoints` lists the iterations whose parameters are kept (see
  /// `Checkpoint.iterations(requested:total:)`; nil for the default plan); a run that
  /// diverges keeps the last completed iteration as well. `lanes` (1 or 2) sets how many
  /// threads the run uses; by default two when an iteration's average work reaches
  /// `laneThreshold` and the machine has two cores.
  /// The settings must be valid (`TrainingSettings.validate`). Runs of up to
  /// `exactLossLimit` records keep every loss; longer ones keep a reduced history (see
  /// `LossHistory`), so memory stays bounded. `progress` receives the number of completed
  /// iterations at the start, every `progressInterval` iterations and at the end.
  /// Allocates nothing per iteration.
  public func run(
    from initial: Parameters, checkpoints: [Int]? = nil, exactLossLimit: Int = LossHistory.exactLimit,
    lanes: Int? = nil, progress: ((Int) -> Void)? = nil
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

    let layers = shape.layerCount
    let parameters = UnsafeMutablePointer<Double>.allocate(capacity: 3 * count + 4 + 2 * layers)
    defer { parameters.deallocate() }
    parameters.initialize(from: initial.values, count: count)
    let candidate = parameters + count
    let gradient = candidate + count
    // The training and test losses, then their accuracies.
    let losses = gradient + count
    // Per layer the gradient's norm, then per layer the update's ratio to the parameters.
    let norms = losses + 4
    candidate.initialize(repeating: 0, count: 2 * count + 4 + 2 * layers)
    let layerStarts = (0...layers).map { $0 < layers ? shape.biasIndex(layer: $0, unit: 0) : count }

    let shared = Lanes(
      workspaces: workspaces, parameters: parameters, candidate: candidate, gradient: gradient, losses: losses,
      batch: fullBatch ? train.buffers : batch.buffers, train: train.buffers, test: test.buffers,
      settings: settings, lanes: lanes)
    let partner = lanes == 2 ? LanePartner { phase in shared.run(phase, lane: 1) } : nil
    defer { partner?.stop() }
    /// Runs one phase of the iteration, half of it on the partner's thread if there is one.
    func step(_ phase: Int) {
      guard let partner else { return shared.run(phase, lane: 0) }
      partner.step(phase: phase) { shared.run(phase, lane: 0) }
    }

    let plan = settings.recordingPlan(shape: shape, trainCount: n, testCount: test.count)
    var recorder = LossRecorder(plan: plan, exactLimit: exactLossLimit)
    var curves = CurvesRecorder(plan: plan, layers: layers, exactLimit: exactLossLimit)
    let checkpointPlan = Checkpoint.iterations(requested: checkpoints, total: iterations)
    var kept: [Checkpoint] = []
    kept.reserveCapacity(checkpointPlan.count + 1)
    var nextCheckpoint = 0
    func current() -> Parameters {
      Parameters(shape: shape, values: Array(UnsafeBufferPointer(start: parameters, count: count)))
    }
    /// Keeps the current parameters if `iteration` is the next planned checkpoint.
    func keepCheckpoint(_ iteration: Int) {
      guard nextCheckpoint < checkpointPlan.count, checkpointPlan[nextCheckpoint] == iteration else { return }
      kept.append(Checkpoint(iteration: iteration, parameters: current()))
      nextCheckpoint += 1
    }
    var completed = 0
    var divergedAt: Int?
    keepCheckpoint(0)

    progress?(0)
    for iteration in 1...iterations {
      if !fullBatch {
        for i in 0..<batchSize { batch.copy(train, point: random.choice(below: n), to: i) }
      }
      switch settings.gradient {
      case .numeric:
        step(Lanes.gradientPhase)
      case .analytic:
        workspace.analyticGradient(
          parameters: parameters, batch: shared.batch, regularization: settings.regularization, into: gradient)
      }
      var finite = true
      for k in 0..<count {
        candidate[k] = parameters[k] - gradient[k] * settings.learningRate
        finite = finite && candidate[k].isFinite
      }
      let recorded = plan.records(iteration)
      if recorded {
        for layer in 0..<layers {
          let range = layerStarts[layer]..<layerStarts[layer + 1]
          let gradientNorm = euclideanNorm(gradient, range)
          let parameterNorm = euclideanNorm(parameters, range)
          norms[layer] = gradientNorm
          norms[layers + layer] = parameterNorm == 0 ? 0 : min(gradientNorm * settings.learningRate / parameterNorm, .greatestFiniteMagnitude)
        }
        step(Lanes.lossPhase)
      }
      // An infinite parameter can come with a finite loss (0 where the network is certain
      // and right), but no snapshot can hold it: that is divergence too. Losses are only
      // known where they are recorded.
      guard finite, !recorded || (losses[0].isFinite && losses[1].isFinite) else {
        divergedAt = iteration
        break
      }
      parameters.update(from: candidate, count: count)
      if recorded {
        recorder.record(train: losses[0], test: losses[1])
        curves.record(accuracyTrain: losses[2], accuracyTest: losses[3], norms: norms)
      }
      completed = iteration
      keepCheckpoint(iteration)
      if iteration % Self.progressInterval == 0 { progress?(iteration) }
    }
    progress?(completed)

    if kept.last?.iteration != completed { kept.append(Checkpoint(iteration: completed, parameters: current())) }
    let history = recorder.finish()
    let trained = current()
    // The last record is the last completed update's, unless the run stopped early between
    // two records.
    let lastRecorded = history.count > 0 && plan.iteration(ofRecord: history.count - 1) == completed
    let final = FinalMetrics(
      lossTrain: lastRecorded ? history.lastTrain : finite(workspace.loss(parameters: parameters, points: train.buffers)),
      lossTest: lastRecorded ? history.lastTest : finite(workspace.loss(parameters: parameters, points: test.buffers)),
      accuracyTrain: workspace.accuracy(parameters: parameters, points: train.buffers),
      accuracyTest: workspace.accuracy(parameters: parameters, points: test.buffers))
    return TrainingResult(
      iterations: iterations, history: history, curves: curves.finish(), checkpoints: kept, parameters: trained,
      divergedAt: divergedAt, final: final)
  }
}

private func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }

/// The Euclidean norm of `values[range]`: the square root of the sum of squares in order,
/// or, where that sum overflows or may have lost digits to underflow, the same scaled by
/// the largest magnitude; the largest finite double if the norm itself would overflow.
private func euclideanNorm(_ values: UnsafePointer<Double>, _ range: Range<Int>) -> Double {
  var sum = 0.0
  for k in range { sum += values[k] * values[k] }
  if sum.isFinite && sum >= Double.leastNormalMagnitude { return sum.squareRoot() }
  var largest = 0.0
  for k in range { largest = max(largest, abs(values[k])) }
  guard largest > 0, largest.isFinite else { return largest.isFinite ? 0 : .greatestFiniteMagnitude }
  var scaledSum = 0.0
  for k in range {
    let scaled = values[k] / largest
    scaledSum += scaled * scaled
  }
  return min(scaledSum.squareRoot() * largest, .greatestFiniteMagnitude)
}

extension Trainer {
  /// What an iteration's lanes share: each lane works in its own workspace and writes only
  /// its own gradient components or loss slot, while the parameters stay unchanged.
  struct Lanes: @unchecked Sendable {
    /// The phase that computes the numeric gradient, parameter `k` on lane `k % lanes`.
    static let gradientPhase = 0
    /// The phase that records the training loss and accuracy (lane 0) and the test loss
    /// and accuracy (lane 1).
    static let lossPhase = 1

    let workspaces: [Workspace]
    let parameters: UnsafeMutablePointer<Double>
    let candidate: UnsafeMutablePointer<Double>
    let gradient: UnsafeMutablePointer<Double>
    let losses: UnsafeMutablePointer<Double>
    let batch: PointBuffers
    let train: PointBuffers
    let test: PointBuffers
    let settings: TrainingSettings
    let lanes: Int

    /// Lane `lane`'s share of `phase`.
    func run(_ phase: Int, lane: Int) {
      if phase == Self.gradientPhase {
        workspaces[lane].numericGradient(
          parameters: parameters, batch: batch, h: Trainer.centralDifferenceStep,
          regularization: settings.regularization, into: gradient, lane: lane, lanes: lanes)
        return
      }
      for slot in 0..<2 where slot % lanes == lane {
        let points = slot == 0 ? train : test
        losses[slot] = workspaces[lane].loss(parameters: candidate, points: points)
        losses[2 + slot] = workspaces[lane].accuracyOfLastPass(points: points)
      }
    }
  }
}
