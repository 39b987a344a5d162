import Crypto
import Foundation
import TinyNet

/// Everything a report needs to be rendered again without training: the experiment, the
/// language, and the training results, with checks that it was not damaged.
///
/// The data set is not stored as such: it is drawn again from the experiment (whose CSV
/// points are stored in it) and compared with `dataHash`. `checksum` covers every other
/// field, so an edited or truncated file is refused instead of rendering a report that no
/// run produced; and every field is validated on its own before anything is computed.
public struct Snapshot: Sendable, Equatable {
  /// The format of this file; another format is refused.
  public static let formatVersion = 3

  public var nnlabVersion: String
  public var language: ReportLanguage
  public var experiment: Experiment
  /// SHA-256 of the values of the experiment's data set and each case's (see `hash(of:)`),
  /// as lowercase hex.
  public var dataHash: String
  public var step: StepUpdate
  /// Every case's result; empty for a sweep's snapshot read without training its cases
  /// again (see `init(json:trainingSweepAgain:)`), which then holds `summaries`.
  public var cases: [TrainingResult]
  /// A sweep's cases as its file records them, when they were not trained again.
  var summaries: [CaseSummary]?

  public init(experiment: Experiment, language: ReportLanguage, results: LabResults) {
    self.nnlabVersion = LabReport.version
    self.language = language
    self.experiment = experiment
    self.dataHash = Self.hash(of: [results.data] + results.caseData)
    self.step = results.step
    self.cases = results.cases
  }

  /// The training results, with the data sets drawn again from the experiment.
  public var results: LabResults {
    let data = experiment.dataset
    return LabResults(data: data, caseData: experiment.caseDatasets(data), step: step, cases: cases)
  }

  /// SHA-256 over the little-endian bit patterns of every coordinate and label of each data
  /// set in turn: its training set's x1, x2 and labels, then its test set's.
  static func hash(of data: [Dataset]) -> String {
    var hasher = SHA256()
    // Converted a block at a time: a million points need no copy of their own.
    var block: [UInt64] = []
    block.reserveCapacity(4096)
    func add<Values: Collection>(_ values: Values, _ word: (Values.Element) -> UInt64) {
      for value in values {
        block.append(word(value).littleEndian)
        if block.count == 4096 { flush() }
      }
    }
    func flush() {
      block.withUnsafeBytes { hasher.update(bufferPointer: $0) }
      block.removeAll(keepingCapacity: true)
    }
    for points in data.flatMap({ [$0.train, $0.test] }) {
      add(points.x1) { $0.bitPattern }
      add(points.x2) { $0.bitPattern }
      add(points.y) { UInt64($0) }
    }
    flush()
    return hex(hasher.finalize())
  }

  /// SHA-256 of `bytes`, as lowercase hex.
  static func hash(_ bytes: Data) -> String { hex(SHA256.hash(data: bytes)) }

  static func hex(_ digest: SHA256.Digest) -> String {
    digest.map { byte in
      let digits = String(byte, radix: 16)
      return digits.count == 1 ? "0" + digits : digits
    }.joined()
  }
}
