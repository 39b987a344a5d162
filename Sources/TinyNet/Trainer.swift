/// Stochastic gradient descent with the semantics of the notebook's `execute_ann`.
///
/// Each iteration draws a batch with `np.random.choice(range(n), batch)` from a stream
/// reseeded with the data seed (a full batch draws nothing), computes the gradient of the
/// batch objective, applies `p -= gradient * learningRate`, and records the full training
/// and test losses. A NaN or infinite loss or parameter stops training (see
/// `TrainingResult.divergedAt`).
public struct Trainer: Sendable {
  /// The notebook's central-difference step.
  public static let centralDifferenceStep = 1e-7
  /// How many iterations pass between two progress reports.
  public static let progressInterval = 1024

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
  /// The settings must be valid (`TrainingSettings.validate`). Runs of up to
  /// `exactLossLimit` iterations keep every loss; longer ones keep a reduced history (see
  /// `LossHistory`), so memory stays bounded. `progress` receives the number of completed
  /// iterations at the start, every `progressInterval` iterations and at the end.
  /// Allocates nothing per iteration.
  public func run(
    from initial: Parameters, exactLossLimit: Int = LossHistory.exactLimit,
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
    let workspace = Workspace(
      shape: shape, options: settings.options, capacity: max(n, test.count), batchCapacity: batchSize)
    var random = RandomState(seed: seed)
    let count = shape.parameterCount

    let parameters = UnsafeMutablePointer<Double>.allocate(capacity: 3 * count)
    defer { parameters.deallocate() }
    parameters.initialize(from: initial.values, count: count)
    let candidate = parameters + count
    let gradient = candidate + count
    candidate.initialize(repeating: 0, count: 2 * count)

    var recorder = LossRecorder(iterations: iterations, exactLimit: exactLossLimit)
    var completed = 0
    var divergedAt: Int?

    progress?(0)
    for iteration in 1...iterations {
      if !fullBatch {
        for i in 0..<batchSize { batch.copy(train, point: random.choice(below: n), to: i) }
      }
      let points = fullBatch ? train.buffers : batch.buffers
      switch settings.gradient {
      case .numeric:
        workspace.numericGradient(
          parameters: parameters, batch: points, h: Self.centralDifferenceStep,
          regularization: settings.regularization, into: gradient)
      case .analytic:
        workspace.analyticGradient(
          parameters: parameters, batch: points, regularization: settings.regularization, into: gradient)
      }
      var finite = true
      for k in 0..<count {
        candidate[k] = parameters[k] - gradient[k] * settings.learningRate
        finite = finite && candidate[k].isFinite
      }
      let trainLoss = workspace.loss(parameters: candidate, points: train.buffers)
      let testLoss = workspace.loss(parameters: candidate, points: test.buffers)
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
