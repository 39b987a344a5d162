/// What a run recorded beside its losses after each recorded update, kept like its
/// `LossHistory` (every value up to `LossHistory.exactLimit` records, buckets beyond):
/// the accuracy on the training and test sets, and per layer the size of the gradient and
/// of the update.
public struct TrainingCurves: Sendable, Equatable {
  /// Consecutive records per bucket; 1 when every value is kept.
  public let stride: Int
  /// The number of records.
  public let count: Int
  /// Which updates the run records.
  public let recording: RecordingPlan
  /// The share of training points classified correctly (`yhat > 0.5` equals the label).
  public let accuracyTrain: [Double]
  /// The share of test points classified correctly.
  public let accuracyTest: [Double]
  /// Per layer, the output layer last: the Euclidean norm of the gradient of the layer's
  /// biases and weights that each update applied (the objective's, penalty included).
  public let gradientNorm: [[Double]]
  /// Per layer: the norm of the update (the learning rate times that gradient) over the
  /// norm of the layer's parameters before it; 0 where those parameters are all 0.
  public let updateRatio: [[Double]]

  /// Recorded curves, as a snapshot stores them, for a network of `layers` layers;
  /// `recording` is nil for a run that recorded each of its `count` updates.
  /// - Throws: `LossHistoryError` when the parts do not fit together: series whose lengths
  ///   do not match `count` and `stride`, a layer count that is not `layers`, an accuracy
  ///   outside 0...1, or a norm that is negative or not finite.
  public init(
    stride: Int, count: Int, layers: Int, accuracyTrain: [Double], accuracyTest: [Double],
    gradientNorm: [[Double]], updateRatio: [[Double]], recording: RecordingPlan? = nil
  ) throws(LossHistoryError) {
    guard stride >= 1, count >= 0 else { throw .inconsistent("stride and count must be positive") }
    guard gradientNorm.count == layers, updateRatio.count == layers else {
      throw .inconsistent("a network of \(layers) layers has \(layers) gradient norm and update ratio series")
    }
    let expected = LossHistory.keptCount(count: count, stride: stride)
    let series = [accuracyTrain, accuracyTest] + gradientNorm + updateRatio
    guard series.allSatisfy({ $0.count == expected }) else {
      throw .inconsistent("\(count) updates with stride \(stride) keep \(expected) values per series")
    }
    guard (accuracyTrain + accuracyTest).allSatisfy({ (0...1).contains($0) }) else {
      throw .inconsistent("an accuracy is not between 0 and 1")
    }
    guard (gradientNorm + updateRatio).joined().allSatisfy({ $0.isFinite && $0 >= 0 }) else {
      throw .inconsistent("a gradient norm or update ratio is negative or not finite")
    }
    self.init(
      unchecked: stride, count, recording ?? RecordingPlan(every: 1, iterations: count), accuracyTrain, accuracyTest,
      gradientNorm, updateRatio)
  }

  /// Curves taken as they are, for the recorder (and tests that forge snapshots).
  init(
    unchecked stride: Int, _ count: Int, _ recording: RecordingPlan, _ accuracyTrain: [Double],
    _ accuracyTest: [Double], _ gradientNorm: [[Double]], _ updateRatio: [[Double]]
  ) {
    self.stride = stride
    self.count = count
    self.recording = recording
    self.accuracyTrain = accuracyTrain
    self.accuracyTest = accuracyTest
    self.gradientNorm = gradientNorm
    self.updateRatio = updateRatio
  }

  /// The points that draw one of the series, as `LossHistory.points(_:)` draws losses.
  public func points(_ values: [Double]) -> [(x: Double, y: Double)] {
    LossHistory.points(values, stride: stride, count: count, recording: recording)
  }
}

/// Keeps a run's curves as they come, reduced like `LossRecorder`'s losses, without
/// allocating per iteration.
struct CurvesRecorder {
  private let plan: RecordingPlan
  private let stride: Int
  private var count = 0
  private var accuracyTrain: SeriesReduction
  private var accuracyTest: SeriesReduction
  private var gradientNorm: [SeriesReduction]
  private var updateRatio: [SeriesReduction]

  /// A recorder for the records of `plan`, for a network of `layers` layers.
  init(plan: RecordingPlan, layers: Int, exactLimit: Int = LossHistory.exactLimit) {
    self.plan = plan
    stride = LossHistory.stride(forRecords: plan.recordCount, exactLimit: exactLimit)
    let kept = stride == 1 ? plan.recordCount : LossHistory.valuesPerBucket * LossHistory.bucketCount
    func series() -> SeriesReduction {
      var reduction = SeriesReduction()
      reduction.values.reserveCapacity(kept)
      return reduction
    }
    accuracyTrain = series()
    accuracyTest = series()
    gradientNorm = (0..<layers).map { _ in series() }
    updateRatio = (0..<layers).map { _ in series() }
  }

  /// Records one recorded update: the two accuracies, and one gradient norm and update ratio per
  /// layer from `norms` (`2 · layers` values: the norms, then the ratios).
  mutating func record(accuracyTrain train: Double, accuracyTest test: Double, norms: UnsafePointer<Double>) {
    count += 1
    let layers = gradientNorm.count
    if stride == 1 {
      accuracyTrain.values.append(train)
      accuracyTest.values.append(test)
      for layer in 0..<layers {
        gradientNorm[layer].values.append(norms[layer])
        updateRatio[layer].values.append(norms[layers + layer])
      }
      return
    }
    accuracyTrain.add(train, at: count)
    accuracyTest.add(test, at: count)
    for layer in 0..<layers {
      gradientNorm[layer].add(norms[layer], at: count)
      updateRatio[layer].add(norms[layers + layer], at: count)
    }
    if count % stride == 0 { closeBuckets() }
  }

  private mutating func closeBuckets() {
    accuracyTrain.closeBucket()
    accuracyTest.closeBucket()
    for layer in gradientNorm.indices {
      gradientNorm[layer].closeBucket()
      updateRatio[layer].closeBucket()
    }
  }

  /// The curves of everything recorded.
  mutating func finish() -> TrainingCurves {
    if stride > 1 && count % stride != 0 { closeBuckets() }
    return TrainingCurves(
      unchecked: stride, count, plan, accuracyTrain.values, accuracyTest.values, gradientNorm.map(\.values),
      updateRatio.map(\.values))
  }
}
