/// Stochastic gradient descent with the semantics of the notebook's `execute_ann`.
///
/// Each iteration draws a batch with `np.random.choice(range(n), batch)` from a stream
/// reseeded with the data seed (a full batch draws nothing), computes the gradient of the
/// batch loss, applies `p -= gradient * learningRate`, and records the full training and
/// test losses. A NaN or infinite loss stops training (see `TrainingResult.divergedAt`).
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

  /// Trains from `initial` and returns the loss histories and the final parameters.
  ///
  /// The settings must be valid (`TrainingSettings.validate`). `progress` receives the
  /// number of completed iterations at the start, every `progressInterval` iterations and
  /// at the end.
  /// Allocates nothing per iteration.
  public func run(from initial: Parameters, progress: ((Int) -> Void)? = nil) -> TrainingResult {
    let train = PointStore(data.train)
    let test = PointStore(data.test)
    let n = train.count
    let batchSize = settings.effectiveBatchSize(observations: n)
    let fullBatch = batchSize >= n
    let batch = PointStore(capacity: fullBatch ? 0 : batchSize)
    let iterations = settings.iterations(observations: n)
    let workspace = Workspace(capacity: max(n, test.count), options: settings.options)
    var random = RandomState(seed: seed)

    let parameters = UnsafeMutablePointer<Double>.allocate(capacity: 3 * Parameters.count)
    defer { parameters.deallocate() }
    parameters.initialize(from: initial.values, count: Parameters.count)
    let candidate = parameters + Parameters.count
    let gradient = candidate + Parameters.count
    candidate.initialize(repeating: 0, count: 2 * Parameters.count)

    var lossTrain: [Double] = []
    var lossTest: [Double] = []
    lossTrain.reserveCapacity(iterations)
    lossTest.reserveCapacity(iterations)
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
          parameters: parameters, batch: points, h: Self.centralDifferenceStep, into: gradient)
      case .analytic:
        workspace.analyticGradient(parameters: parameters, batch: points, into: gradient)
      }
      for k in 0..<Parameters.count {
        candidate[k] = parameters[k] - gradient[k] * settings.learningRate
      }
      let trainLoss = workspace.loss(parameters: candidate, points: train.buffers)
      let testLoss = workspace.loss(parameters: candidate, points: test.buffers)
      guard trainLoss.isFinite, testLoss.isFinite else {
        divergedAt = iteration
        break
      }
      parameters.update(from: candidate, count: Parameters.count)
      lossTrain.append(trainLoss)
      lossTest.append(testLoss)
      if iteration % Self.progressInterval == 0 { progress?(iteration) }
    }
    progress?(lossTrain.count)

    let trained = Parameters(values: Array(UnsafeBufferPointer(start: parameters, count: Parameters.count)))
    let final = FinalMetrics(
      lossTrain: lossTrain.last ?? finite(workspace.loss(parameters: parameters, points: train.buffers)),
      lossTest: lossTest.last ?? finite(workspace.loss(parameters: parameters, points: test.buffers)),
      accuracyTrain: workspace.accuracy(parameters: parameters, points: train.buffers),
      accuracyTest: workspace.accuracy(parameters: parameters, points: test.buffers))
    return TrainingResult(
      iterations: iterations, lossTrain: lossTrain, lossTest: lossTest, parameters: trained,
      divergedAt: divergedAt, final: final)
  }
}

private func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }

extension Workspace {
  /// The share of `points` whose prediction `yhat > 0.5` equals the label.
  func accuracy(parameters p: UnsafePointer<Double>, points: PointBuffers) -> Double {
    forwardHidden(parameters: p, points: points)
    var correct = 0
    for i in 0..<points.count {
      let yhat = NetworkKernels.sigmoid(NetworkKernels.outputInput(i, parameters: p, z[0], z[1], z[2]))
      if (yhat > 0.5 ? 1 : 0) == points.labels[i] { correct += 1 }
    }
    return Double(correct) / Double(points.count)
  }
}
