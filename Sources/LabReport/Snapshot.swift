import Foundation
import TinyNet

/// Everything a report needs to be rendered again without training: the experiment, the
/// language, and the training results, with checks that it was not damaged.
///
/// The data set is not stored: it is regenerated from the experiment's seed and compared
/// with `dataHash`. `checksum` covers every other field, so an edited or truncated file
/// is refused instead of rendering a report that no run produced.
public struct Snapshot: Sendable, Equatable {
  /// The format of this file; a newer format is refused.
  public static let formatVersion = 1

  public var nnlabVersion: String
  public var language: ReportLanguage
  public var experiment: Experiment
  /// FNV-1a (64-bit) of the data set's values, as hex.
  public var dataHash: String
  public var step: StepUpdate
  public var cases: [TrainingResult]
  /// `contentHash()` as written to the file; nil until written.
  var checksum: String?

  public init(experiment: Experiment, language: ReportLanguage, results: LabResults) {
    self.nnlabVersion = LabReport.version
    self.language = language
    self.experiment = experiment
    self.dataHash = Self.hash(of: results.data)
    self.step = results.step
    self.cases = results.cases
  }

  /// The training results, with the data set regenerated from the experiment.
  public var results: LabResults {
    LabResults(data: experiment.dataset, step: step, cases: cases)
  }

  /// FNV-1a over the bit patterns of every coordinate and label of `data`.
  static func hash(of data: Dataset) -> String {
    var hash = FNV1a()
    for points in [data.train, data.test] {
      for value in points.x1 + points.x2 { hash.add(value.bitPattern) }
      for label in points.y { hash.add(UInt64(label)) }
    }
    return hash.hex
  }
}

/// The 64-bit FNV-1a hash, byte by byte (an integrity check, not a cryptographic one).
struct FNV1a {
  private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  mutating func add(_ word: UInt64) {
    for shift in stride(from: 0, to: 64, by: 8) { add(byte: UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
  }

  mutating func add<S: Sequence>(bytes: S) where S.Element == UInt8 {
    for byte in bytes { add(byte: byte) }
  }

  private mutating func add(byte: UInt8) {
    value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
  }

  var hex: String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
