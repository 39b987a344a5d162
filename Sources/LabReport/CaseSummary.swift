import Crypto
import Foundation
import TinyNet

/// What a sweep's snapshot keeps of one case: its outcome and a SHA-256 of everything it
/// recorded. A sweep of a thousand cases would otherwise write some 200 MB of curves;
/// reading the snapshot trains the cases again and must meet every summary exactly.
struct CaseSummary: Equatable {
  var iterations: Int
  var divergedAt: Int?
  var parameters: Parameters
  var final: FinalMetrics
  /// SHA-256 of the recordings (see `TrainingResult.recordingsDigest`), as lowercase hex.
  var recordings: String

  init(_ result: TrainingResult) {
    iterations = result.iterations
    divergedAt = result.divergedAt
    parameters = result.parameters
    final = result.final
    recordings = result.recordingsDigest
  }

  init(iterations: Int, divergedAt: Int?, parameters: Parameters, final: FinalMetrics, recordings: String) {
    self.iterations = iterations
    self.divergedAt = divergedAt
    self.parameters = parameters
    self.final = final
    self.recordings = recordings
  }
}

extension TrainingResult {
  /// SHA-256 over the little-endian bit patterns of every recorded number, in this order:
  /// the loss history's stride and count, its training then test losses; the curves'
  /// training and test accuracies, each layer's gradient norms, each layer's update ratios;
  /// each checkpoint's iteration and parameter values.
  var recordingsDigest: String {
    var hasher = SHA256()
    func add(_ numbers: [Double]) {
      numbers.map(\.bitPattern.littleEndian).withUnsafeBytes { hasher.update(bufferPointer: $0) }
    }
    func add(_ counts: [Int]) {
      counts.map { UInt64(bitPattern: Int64($0)).littleEndian }.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    }
    add([history.stride, history.count])
    add(history.train)
    add(history.test)
    add(curves.accuracyTrain)
    add(curves.accuracyTest)
    curves.gradientNorm.forEach(add)
    curves.updateRatio.forEach(add)
    for checkpoint in checkpoints {
      add([checkpoint.iteration])
      add(checkpoint.parameters.values)
    }
    return Snapshot.hex(hasher.finalize())
  }
}
