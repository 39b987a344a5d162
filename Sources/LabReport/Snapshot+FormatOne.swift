import Foundation
import TinyNet

/// `snapshot.json` as nnlab 0.1 wrote it (format 1): every loss of every case, FNV-1a
/// hashes of the data and of the file, and no curves or checkpoints.
struct FormatOneFile: Decodable {
  struct Step: Decodable {
    var index: Int
    var x: [Double]
    var y: Int
    var paramsBefore: [String: Double]
    var gradient: [String: Double]?
    var paramsAfter: [String: Double]?

    enum CodingKeys: String, CodingKey {
      case index, x, y, gradient
      case paramsBefore = "params_before"
      case paramsAfter = "params_after"
    }
  }

  struct Case: Decodable {
    var iterations: Int
    var divergedAt: Int?
    var params: [String: Double]
    var final: FinalMetrics
    var lossTrain: [Double]
    var lossTest: [Double]

    enum CodingKeys: String, CodingKey {
      case iterations, params, final
      case divergedAt = "diverged_at"
      case lossTrain = "loss_train"
      case lossTest = "loss_test"
    }
  }

  var format: Int
  var generator: String
  var nnlabVersion: String
  var language: ReportLanguage
  var experiment: Experiment
  var dataHash: String
  var step: Step
  var cases: [Case]
  var checksum: String

  enum CodingKeys: String, CodingKey {
    case format, generator, language, experiment, step, cases, checksum
    case nnlabVersion = "nnlab_version"
    case dataHash = "data_hash"
  }

  /// Whether `data` is a snapshot of format 1, as its pretty-printed, key-sorted text says.
  static func isFormatOne(_ data: Data) -> Bool {
    data.location(of: Data("\n  \"format\" : 1,\n".utf8)) != nil
  }
}

extension Snapshot {
  /// Reads a format-1 snapshot: checks its checksum and data hash as nnlab 0.1 computed
  /// them, trains its cases again, which must give every recorded number bit for bit, and
  /// keeps that run, with today's hashes and recordings.
  init(formatOne data: Data) throws(LabReportError) {
    let file: FormatOneFile
    do {
      file = try JSONDecoder().decode(FormatOneFile.self, from: data)
    } catch let error as DecodingError {
      throw .badSnapshot("format 1: \(ExperimentError(decoding: error))")
    } catch {
      throw .badSnapshot("format 1: cannot be read")
    }
    guard file.format == 1, file.generator == "nnlab", file.nnlabVersion.unicodeScalars.count <= 32 else {
      throw .badSnapshot("format 1: not an nnlab snapshot of that format")
    }
    // The checksum was FNV-1a over the file's bytes without its own line.
    let line = Data("\n  \"checksum\" : \"\(file.checksum)\",".utf8)
    guard let place = data.range(of: line),
      FNV1a.hex(data[..<place.lowerBound] + data[place.upperBound...]) == file.checksum
    else {
      throw .badSnapshot("checksum mismatch: the file was changed after nnlab wrote it")
    }
    let experiment = file.experiment
    let dataset = experiment.dataset
    guard FNV1a.hash(of: dataset) == file.dataHash else {
      throw .badSnapshot("the data sets drawn again from the experiment do not match their hash")
    }
    let again = experiment.run()
    let shape = experiment.network.shape
    func parameters(_ named: [String: Double]?) -> Parameters? {
      named.flatMap { try? Parameters(shape: shape, named: $0, limit: .greatestFiniteMagnitude) }
    }
    let step = again.step
    guard file.step.index == step.index, file.step.x == step.x, file.step.y == step.y,
      parameters(file.step.paramsBefore) == step.before, parameters(file.step.gradient) == step.gradient,
      parameters(file.step.paramsAfter) == step.after
    else {
      throw .badSnapshot("step: the update made again differs from the recorded one")
    }
    guard file.cases.count == again.cases.count else {
      throw .badSnapshot("cases: holds \(file.cases.count) results for \(again.cases.count) cases")
    }
    for (index, (recorded, fresh)) in zip(file.cases, again.cases).enumerated() {
      let caseShape = experiment.cases[index].network.shape
      guard recorded.iterations == fresh.iterations, recorded.divergedAt == fresh.divergedAt,
        recorded.final == fresh.final, recorded.lossTrain.count == fresh.history.count,
        // A whole history is only accepted with the digest of its own losses.
        (try? LossHistory(
          stride: 1, count: recorded.lossTrain.count, train: recorded.lossTrain, test: recorded.lossTest,
          digest: fresh.history.digest)) != nil,
        (try? Parameters(shape: caseShape, named: recorded.params, limit: .greatestFiniteMagnitude))
          == fresh.parameters
      else {
        throw .badSnapshot(
          "cases[\(index)]: training again gives other numbers than the recorded ones, so the checkpoints "
            + "this nnlab draws cannot be made")
      }
    }
    self.init(experiment: experiment, language: file.language, results: again)
    nnlabVersion = file.nnlabVersion
  }
}

/// The 64-bit FNV-1a hash nnlab 0.1 used for its snapshots, byte by byte.
enum FNV1a {
  /// The hash of `bytes`, as 16 lowercase hex digits.
  static func hex<S: Sequence<UInt8>>(_ bytes: S) -> String {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  /// nnlab 0.1's data hash: every coordinate and label of the training then the test set,
  /// as little-endian bit patterns.
  static func hash(of data: Dataset) -> String {
    var words: [UInt64] = []
    for points in [data.train, data.test] {
      words += (points.x1 + points.x2).map(\.bitPattern) + points.y.map { UInt64($0) }
    }
    return hex(words.flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> ($0 * 8)) } })
  }
}
