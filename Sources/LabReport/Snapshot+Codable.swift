import Foundation
import TinyNet

extension Snapshot {
  /// The bytes of `snapshot.json`: pretty-printed with sorted keys, with a checksum of
  /// every value.
  public func json() -> Data {
    var stamped = self
    stamped.checksum = contentHash()
    return stamped.encoded()
  }

  /// Reads and checks `snapshot.json`.
  /// - Throws: `LabReportError.badSnapshot` for anything but an intact snapshot of a
  ///   supported format whose data set regenerates to the recorded hash.
  public init(json data: Data) throws(LabReportError) {
    guard (try? JSONSerialization.jsonObject(with: data)) is [String: Any] else {
      throw .badSnapshot("not a JSON object (is the file truncated?)")
    }
    do {
      self = try JSONDecoder().decode(Snapshot.self, from: data)
    } catch let error as DecodingError {
      throw .badSnapshot(ExperimentError(decoding: error).description)
    } catch let error as LabReportError {
      throw error
    } catch {
      throw .badSnapshot("cannot be read")
    }
    guard checksum == contentHash() else {
      throw .badSnapshot("checksum mismatch: the file was changed after nnlab wrote it")
    }
    try check()
  }

  /// Consistency of the parts with each other and with the regenerated data set.
  private func check() throws(LabReportError) {
    guard cases.count == experiment.cases.count else {
      throw .badSnapshot("it holds \(cases.count) case results for \(experiment.cases.count) cases")
    }
    guard Self.hash(of: experiment.dataset) == dataHash else {
      throw .badSnapshot(
        "the data set regenerated from seed \(experiment.data.seed) does not match its hash")
    }
    for (index, (result, spec)) in zip(cases, experiment.cases).enumerated() {
      let recorded = result.divergedAt.map { $0 - 1 } ?? result.iterations
      guard result.iterations == spec.settings.iterations(observations: experiment.data.nObs),
        result.lossTrain.count == recorded, result.lossTest.count == recorded,
        (result.lossTrain + result.lossTest).allSatisfy(\.isFinite)
      else {
        throw .badSnapshot("cases[\(index)] has loss histories that do not fit its settings")
      }
    }
  }

  private func encoded() -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Every value is a string, an integer or a finite number: encoding cannot fail.
    var data = (try? encoder.encode(self)) ?? Data()
    data.append(UInt8(ascii: "\n"))
    return data
  }

  /// FNV-1a over every value the snapshot holds, numbers by their bit patterns.
  func contentHash() -> String {
    var hash = FNV1a()
    func add(_ numbers: [Double]) {
      hash.add(UInt64(numbers.count))
      for number in numbers { hash.add(number.bitPattern) }
    }
    hash.add(bytes: Array("\(nnlabVersion)|\(language.rawValue)|\(dataHash)|".utf8))
    hash.add(bytes: experiment.json())
    hash.add(UInt64(step.index))
    hash.add(UInt64(step.y))
    add(step.x + step.before.values + step.gradient.values + step.after.values)
    for result in cases {
      hash.add(UInt64(result.iterations))
      hash.add(UInt64(bitPattern: Int64(result.divergedAt ?? -1)))
      add(result.lossTrain)
      add(result.lossTest)
      add(result.parameters.values)
      let final = result.final
      add([final.lossTrain ?? .nan, final.lossTest ?? .nan, final.accuracyTrain, final.accuracyTest])
    }
    return hash.hex
  }
}

extension Snapshot: Codable {
  enum CodingKeys: String, CodingKey {
    case format, generator
    case nnlabVersion = "nnlab_version"
    case language, experiment
    case dataHash = "data_hash"
    case step, cases, checksum
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    guard try container.decodeIfPresent(String.self, forKey: .generator) == "nnlab" else {
      throw LabReportError.badSnapshot("this is not an nnlab snapshot ('generator' is not \"nnlab\")")
    }
    let format = try container.decode(Int.self, forKey: .format)
    guard format == Self.formatVersion else {
      throw LabReportError.badSnapshot(
        "format \(format) is not supported (this nnlab reads format \(Self.formatVersion))")
    }
    nnlabVersion = try container.decode(String.self, forKey: .nnlabVersion)
    language = try container.decode(ReportLanguage.self, forKey: .language)
    experiment = try container.decode(Experiment.self, forKey: .experiment)
    dataHash = try container.decode(String.self, forKey: .dataHash)
    step = try container.decode(StepUpdate.self, forKey: .step)
    cases = try container.decode([TrainingResult].self, forKey: .cases)
    checksum = try container.decode(String.self, forKey: .checksum)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(Self.formatVersion, forKey: .format)
    try container.encode("nnlab", forKey: .generator)
    try container.encode(nnlabVersion, forKey: .nnlabVersion)
    try container.encode(language, forKey: .language)
    try container.encode(experiment, forKey: .experiment)
    try container.encode(dataHash, forKey: .dataHash)
    try container.encode(step, forKey: .step)
    try container.encode(cases, forKey: .cases)
    try container.encodeIfPresent(checksum, forKey: .checksum)
  }
}
