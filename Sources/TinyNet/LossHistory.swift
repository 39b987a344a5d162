import Crypto

/// The full training and test loss after every recorded update of a run (every update, or
/// the first, every k-th and the last: see `RecordingPlan`): every value for runs of up to
/// `exactLimit` records, and beyond that `bucketCount` buckets of consecutive records, each
/// kept as its first value, its lowest and highest (in the order they came) and its last,
/// which draws the same curve at figure resolution. Either way a SHA-256 digest of the
/// whole series identifies it exactly.
public struct LossHistory: Sendable, Equatable {
  /// The most records of a run whose every value is kept.
  public static let exactLimit = 2000
  /// How many buckets a longer run is reduced to (at most).
  public static let bucketCount = 500
  /// Values kept per bucket of a reduced run.
  public static let valuesPerBucket = 4

  /// Consecutive records per bucket; 1 when every value is kept.
  public let stride: Int
  /// The number of records.
  public let count: Int
  /// Which updates the run records.
  public let recording: RecordingPlan
  /// Every training loss (`stride == 1`), or four values per bucket: first, the two
  /// extremes in the order they came, last.
  public let train: [Double]
  /// The test losses, kept like `train`.
  public let test: [Double]
  /// SHA-256, in lowercase hex, of each record's training then test loss as little-endian
  /// IEEE 754 bit patterns, over the whole run.
  public let digest: String

  /// The stride for a run of `records` records.
  public static func stride(forRecords records: Int, exactLimit: Int = exactLimit) -> Int {
    records <= exactLimit ? 1 : (records + bucketCount - 1) / bucketCount
  }

  /// A recorded history, as a snapshot stores it; `recording` is nil for a run that
  /// recorded each of its `count` updates.
  /// - Throws: `LossHistoryError` when the parts do not fit together: lengths that do not
  ///   match `count` and `stride`, a value that is not finite, or (for whole series) a
  ///   digest that is not theirs.
  public init(
    stride: Int, count: Int, train: [Double], test: [Double], digest: String, recording: RecordingPlan? = nil
  ) throws(LossHistoryError) {
    let recording = recording ?? RecordingPlan(every: 1, iterations: count)
    guard stride >= 1, count >= 0 else { throw .inconsistent("stride and count must be positive") }
    let expected = Self.keptCount(count: count, stride: stride)
    guard train.count == expected, test.count == expected else {
      throw .inconsistent("\(count) updates with stride \(stride) keep \(expected) values per series")
    }
    guard (train + test).allSatisfy(\.isFinite) else { throw .inconsistent("a recorded loss is not finite") }
    if stride == 1 {
      var recorder = LossRecorder(plan: RecordingPlan(every: 1, iterations: count), exactLimit: .max)
      for (a, b) in zip(train, test) { recorder.record(train: a, test: b) }
      guard recorder.finish().digest == digest else { throw .inconsistent("the digest does not match the losses") }
    } else {
      guard digest.count == 64, digest.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
        throw .inconsistent("the digest must be 64 lowercase hex digits")
      }
    }
    self.init(unchecked: stride, count, recording, train, test, digest)
  }

  fileprivate init(
    unchecked stride: Int, _ count: Int, _ recording: RecordingPlan, _ train: [Double], _ test: [Double],
    _ digest: String
  ) {
    self.stride = stride
    self.count = count
    self.recording = recording
    self.train = train
    self.test = test
    self.digest = digest
  }

  /// Whether every value is kept.
  public var isComplete: Bool { stride == 1 }

  /// The last training loss, nil for an empty history.
  public var lastTrain: Double? { train.last }

  /// The last test loss, nil for an empty history.
  public var lastTest: Double? { test.last }

  /// The points that draw a series: `(iteration, loss)`, each record at its update's
  /// iteration, counted from 1. A bucket's first value is drawn at its first record's
  /// iteration, its extremes at its middle and its last value at its last record's.
  public func points(_ values: [Double]) -> [(x: Double, y: Double)] {
    Self.points(values, stride: stride, count: count, recording: recording)
  }

  /// The points that draw `values`, a series of `count` records of `recording` kept with
  /// `stride` (see `points(_:)`).
  public static func points(_ values: [Double], stride: Int, count: Int, recording: RecordingPlan)
    -> [(x: Double, y: Double)]
  {
    guard stride > 1 else {
      return values.enumerated().map { (Double(recording.iteration(ofRecord: $0.offset)), $0.element) }
    }
    var points: [(x: Double, y: Double)] = []
    points.reserveCapacity(values.count)
    for bucket in 0..<(values.count / valuesPerBucket) {
      let first = Double(recording.iteration(ofRecord: bucket * stride))
      let last = Double(recording.iteration(ofRecord: min((bucket + 1) * stride, count) - 1))
      let middle = (first + last) / 2
      let kept = values[(bucket * valuesPerBucket)...].prefix(valuesPerBucket)
      for (x, y) in zip([first, middle, middle, last], kept) { points.append((x, y)) }
    }
    return points
  }

  /// The number of values a series of `count` records keeps with `stride`.
  static func keptCount(count: Int, stride: Int) -> Int {
    stride == 1 ? count : valuesPerBucket * ((count + stride - 1) / stride)
  }
}

/// A loss history whose parts do not fit together.
public enum LossHistoryError: Error, Equatable, CustomStringConvertible {
  case inconsistent(String)

  public var description: String {
    switch self {
    case .inconsistent(let reason): reason
    }
  }
}

/// Keeps a run's losses as they come, in memory bounded by `LossHistory.bucketCount`
/// whatever the number of iterations, and hashes the whole series.
struct LossRecorder {
  private let plan: RecordingPlan
  private let stride: Int
  private var count = 0
  private var train = SeriesReduction()
  private var test = SeriesReduction()
  private var hasher = SHA256()
  /// Bit patterns waiting to be hashed, so that the hash sees large blocks.
  private var pending: [UInt64]
  private static let hashBlock = 256

  /// A recorder for the records of `plan`.
  init(plan: RecordingPlan, exactLimit: Int = LossHistory.exactLimit) {
    self.plan = plan
    stride = LossHistory.stride(forRecords: plan.recordCount, exactLimit: exactLimit)
    let kept = stride == 1 ? plan.recordCount : LossHistory.valuesPerBucket * LossHistory.bucketCount
    train.values.reserveCapacity(kept)
    test.values.reserveCapacity(kept)
    pending = []
    pending.reserveCapacity(Self.hashBlock)
  }

  /// Records one recorded update's losses. Allocates nothing.
  mutating func record(train trainLoss: Double, test testLoss: Double) {
    pending.append(trainLoss.bitPattern.littleEndian)
    pending.append(testLoss.bitPattern.littleEndian)
    if pending.count >= Self.hashBlock { flushHash() }
    count += 1
    if stride == 1 {
      train.values.append(trainLoss)
      test.values.append(testLoss)
      return
    }
    train.add(trainLoss, at: count)
    test.add(testLoss, at: count)
    if count % stride == 0 {
      train.closeBucket()
      test.closeBucket()
    }
  }

  private mutating func flushHash() {
    pending.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    pending.removeAll(keepingCapacity: true)
  }

  /// The history of everything recorded.
  mutating func finish() -> LossHistory {
    flushHash()
    if stride > 1 && count % stride != 0 {
      train.closeBucket()
      test.closeBucket()
    }
    let digest = hasher.finalize().map { byte in
      let digits = String(byte, radix: 16)
      return digits.count == 1 ? "0" + digits : digits
    }.joined()
    return LossHistory(unchecked: stride, count, plan, train.values, test.values, digest)
  }
}
