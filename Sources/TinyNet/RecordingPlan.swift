/// Which updates of a run record the full training and test losses, the accuracies and the
/// gradient sizes: the first, every `every`-th and the last of the run's `iterations`.
///
/// Recording evaluates both whole sets, which on large sets costs far more than an update
/// of a small batch. Runs on sets of up to `exhaustivePointLimit` points record every update;
/// larger ones, by default, every k-th, with k the smallest number for which recording
/// costs no more than training (see `TrainingSettings.recordingPlan`).
public struct RecordingPlan: Sendable, Hashable {
  /// The most points per set for which a run records every update by default.
  public static let exhaustivePointLimit = 10_000
  /// The largest `every` accepted.
  public static let maximumEvery = TrainingSettings.maximumIterations

  /// k: a record every k updates; 1 records every update.
  public let every: Int
  /// The number of updates the run asks for; its last is always recorded.
  public let iterations: Int

  /// The plan that records the first, every `every`-th and the last of `iterations` updates.
  /// - Precondition: `every` is at least 1.
  public init(every: Int, iterations: Int) {
    precondition(every >= 1, "a plan records every k-th update for k >= 1")
    self.every = every
    self.iterations = iterations
  }

  /// Whether update `iteration` (from 1) is recorded.
  @inline(__always)
  public func records(_ iteration: Int) -> Bool {
    every == 1 || iteration == 1 || iteration % every == 0 || iteration == iterations
  }

  /// How many records the updates 1 to `completed` make (a run that stops early makes those
  /// of the updates it completed).
  public func recordCount(through completed: Int) -> Int {
    guard completed > 0 else { return 0 }
    guard every > 1 else { return completed }
    let last = completed == iterations && iterations % every != 0 && iterations > 1 ? 1 : 0
    return 1 + completed / every + last
  }

  /// How many records the whole run makes.
  public var recordCount: Int { recordCount(through: iterations) }

  /// The update (from 1) of the record at `position` (from 0).
  public func iteration(ofRecord position: Int) -> Int {
    guard every > 1 else { return position + 1 }
    return position == 0 ? 1 : min(position * every, iterations)
  }
}

extension TrainingSettings {
  /// How a run of these settings on `trainCount` and `testCount` points records: every
  /// `recordEvery`-th update when the settings say; else every update when neither set has
  /// more than `RecordingPlan.exhaustivePointLimit` points; else every k-th, with k the
  /// smallest number for which one evaluation of both sets costs no more than k updates.
  ///
  /// In the work units of `workUnits(shape:trainCount:testCount:)` an evaluation of both
  /// sets costs `perPoint · (trainCount + testCount)` and an update `perPoint · evaluations ·
  /// batch`, so k is `ceil((trainCount + testCount) / (evaluations · batch))`.
  public func recordingPlan(shape: NetworkShape, trainCount: Int, testCount: Int) -> RecordingPlan {
    let iterations = iterations(observations: trainCount)
    if let recordEvery { return RecordingPlan(every: recordEvery, iterations: iterations) }
    guard max(trainCount, testCount) > RecordingPlan.exhaustivePointLimit else {
      return RecordingPlan(every: 1, iterations: iterations)
    }
    let update = evaluationsPerUpdate(shape: shape) * effectiveBatchSize(observations: trainCount)
    let every = (trainCount + testCount + update - 1) / update
    return RecordingPlan(every: max(every, 1), iterations: iterations)
  }
}
