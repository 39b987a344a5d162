import Crypto
import Foundation
import SafeText
import TinyNet

extension Snapshot {
  /// The bytes of `snapshot.json`: pretty-printed with sorted keys, ending with the
  /// SHA-256 checksum of the same file without it.
  /// - Throws: `LabReportError.rendering` if a value cannot be written as JSON (a number
  ///   that is not finite), rather than writing a file that cannot be read back.
  public func json() throws(LabReportError) -> Data {
    // Encoded once, with room for the checksum's line where the sorted keys put it, between
    // the top level's "cases" and "data_sha256" (no other key sits at that indentation):
    // the checksum of the file without that room is then written into it, so that a
    // snapshot of a million points (a hundred megabytes) is never copied.
    func line(_ checksum: String) -> Data { Data("\n  \"checksum\" : \"\(checksum)\",".utf8) }
    let room = line(String(repeating: "0", count: 64))
    let next = Data("\n  \"data_sha256\" : ".utf8)
    var file = try Self.encoded(SnapshotFile(self, checksum: nil), room: (room, before: next))
    guard let found = file.location(of: room + next) else {
      return try Self.encoded(SnapshotFile(self, checksum: Self.hash(file)))
    }
    let place = found.lowerBound..<found.lowerBound + room.count
    var hasher = SHA256()
    hasher.update(data: file[..<place.lowerBound])
    hasher.update(data: file[place.upperBound...])
    let checksum = line(Self.hex(hasher.finalize()))
    file.withUnsafeMutableBytes { bytes in
      _ = checksum.copyBytes(to: UnsafeMutableRawBufferPointer(rebasing: bytes[place]))
    }
    return file
  }

  /// The SHA-256 of the file's bytes without the checksum, as format `format` writes it.
  func checksum(format: Int = formatVersion) throws(LabReportError) -> String {
    Self.hash(try Self.encoded(SnapshotFile(self, checksum: nil, format: format)))
  }

  /// Reads and checks `snapshot.json`.
  ///
  /// Every value is validated before anything is computed from it: types, ranges, lengths,
  /// names of parameters for each network's shape, loss histories that fit their settings,
  /// and the drawn point of the single update. Then the checksum and the data set drawn
  /// again from the experiment must match.
  ///
  /// Snapshots of formats 1 and 2 (nnlab 0.1 and 0.2, before checkpoints and curves were
  /// recorded) are read too: their own checksums and data hashes are checked, their cases
  /// are trained again, which must give every recorded number bit for bit, and the
  /// recordings they lack are taken from that run.
  ///
  /// A sweep's snapshot records each case's outcome and a digest of its recordings: its
  /// cases are trained again, and every summary must come out the same, unless
  /// `trainingSweepAgain` is false, which keeps the summaries as recorded (to compare them
  /// with a run of one's own, as `nnlab verify` does).
  /// - Throws: `LabReportError.badSnapshot` with one line saying what is wrong.
  public init(json data: Data, trainingSweepAgain: Bool = true) throws(LabReportError) {
    if FormatOneFile.isFormatOne(data) {
      try self.init(formatOne: data)
      return
    }
    let file: SnapshotFile
    let parsed = SnapshotFile.Parsed()
    do {
      let decoder = JSONDecoder()
      decoder.userInfo[SnapshotFile.Parsed.key] = parsed
      file = try decoder.decode(SnapshotFile.self, from: data)
    } catch let error as DecodingError {
      // Text that is no JSON fails before the file's own decoding starts; JSON that is no
      // object fails at its root.
      var atRoot = !parsed.reached
      if case .typeMismatch(_, let context) = error, context.codingPath.isEmpty { atRoot = true }
      throw .badSnapshot(
        atRoot ? "not a JSON object (is the file truncated?)" : ExperimentError(decoding: error).description)
    } catch let error as LabReportError {
      throw error
    } catch {
      throw .badSnapshot("cannot be read")
    }
    self = file.snapshot
    var unsigned = file
    unsigned.checksum = nil
    guard file.checksum == (try? Self.hash(Self.encoded(unsigned))) else {
      throw .badSnapshot("checksum mismatch: the file was changed after nnlab wrote it")
    }
    let dataset = experiment.dataset
    guard Self.hash(of: [dataset] + experiment.caseDatasets(dataset)) == dataHash else {
      throw .badSnapshot("the data sets drawn again from the experiment do not match their hash")
    }
    let point = step.index < dataset.train.count ? dataset.train.subset([step.index]) : nil
    guard let point, point.x1 == [step.x[0]], point.x2 == [step.x[1]], point.y == [step.y] else {
      throw .badSnapshot("step: the drawn point is not training point \(step.index) of the data set")
    }
    if let summaries = file.summaries {
      if trainingSweepAgain {
        try trainAgain(checking: summaries)
      } else {
        self.summaries = summaries
      }
    } else if file.format < Self.formatVersion {
      try recordAgain()
    }
  }

  /// Trains every case of a sweep's snapshot again and keeps the results, which must meet
  /// the file's summaries exactly, recordings included.
  private mutating func trainAgain(checking summaries: [CaseSummary]) throws(LabReportError) {
    let again = experiment.run()
    guard again.step == step else { throw .badSnapshot("step: the update made again differs from the recorded one") }
    for (index, fresh) in again.cases.enumerated() where CaseSummary(fresh) != summaries[index] {
      throw .badSnapshot("cases[\(index)]: training again gives other numbers than the recorded ones")
    }
    cases = again.cases
  }

  /// Trains every case of a snapshot written before checkpoints and curves were recorded,
  /// checks that the run gives the same numbers, and keeps its recordings.
  private mutating func recordAgain() throws(LabReportError) {
    let again = experiment.run()
    guard again.step == step else { throw .badSnapshot("step: the update made again differs from the recorded one") }
    for (index, fresh) in again.cases.enumerated() {
      let recorded = cases[index]
      guard fresh.iterations == recorded.iterations, fresh.history == recorded.history,
        fresh.parameters == recorded.parameters, fresh.divergedAt == recorded.divergedAt, fresh.final == recorded.final
      else {
        throw .badSnapshot(
          "cases[\(index)]: training again gives other numbers than the recorded ones, so the checkpoints "
            + "this nnlab draws cannot be made")
      }
      cases[index] = fresh
    }
  }

  /// The file's JSON, pretty-printed with sorted keys; the points of tables are written
  /// straight into the text (see `PointTable.JSONRows`), or left as placeholders unless
  /// `points`. `room`'s bytes go before the first `before` of the text, if there is one.
  static func encoded(_ file: SnapshotFile, points: Bool = true, room: (Data, before: Data)? = nil)
    throws(LabReportError) -> Data
  {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let rows = PointTable.JSONRows()
    encoder.userInfo[PointTable.JSONRows.key] = rows
    do {
      var text = try encoder.encode(file)
      if let room, let place = text.range(of: room.before) { text.insert(contentsOf: room.0, at: place.lowerBound) }
      var data = points ? rows.splice(into: text) : text
      data.append(UInt8(ascii: "\n"))
      return data
    } catch {
      throw .rendering("snapshot.json cannot be written: \(error)")
    }
  }
}

/// `snapshot.json` as it is written and read: the snapshot, its format and its checksum.
struct SnapshotFile: Codable {
  var snapshot: Snapshot
  var checksum: String?
  /// The format written or read: `Snapshot.formatVersion`, or 2 (no checkpoints, no curves).
  var format: Int
  /// A sweep's cases as its snapshot keeps them, or nil when every result is kept whole.
  var summaries: [CaseSummary]?

  /// The formats this nnlab reads.
  static let readableFormats = 2...Snapshot.formatVersion

  init(_ snapshot: Snapshot, checksum: String?, format: Int = Snapshot.formatVersion) {
    self.snapshot = snapshot
    self.checksum = checksum
    self.format = format
    self.summaries =
      snapshot.experiment.sweep == nil ? nil : snapshot.summaries ?? snapshot.cases.map(CaseSummary.init)
  }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case format, generator, checksum, language, experiment, step, cases
    case nnlabVersion = "nnlab_version"
    case dataHash = "data_sha256"
  }

  /// Set once the JSON text has parsed and the file's own decoding has begun.
  final class Parsed: @unchecked Sendable {
    static let key = CodingUserInfoKey(rawValue: "nnlab.snapshot.parsed")!
    var reached = false
  }

  init(from decoder: any Decoder) throws {
    (decoder.userInfo[Parsed.key] as? Parsed)?.reached = true
    let container = try decoder.container(keyedBy: CodingKeys.self)
    guard (try? container.decodeIfPresent(String.self, forKey: .generator)) == "nnlab" else {
      throw LabReportError.badSnapshot("this is not an nnlab snapshot ('generator' is not \"nnlab\")")
    }
    format = try container.decode(Int.self, forKey: .format)
    guard Self.readableFormats.contains(format) else {
      throw LabReportError.badSnapshot(
        "format \(format) is not supported (this nnlab reads formats 1 to "
          + "\(Self.readableFormats.upperBound); run its experiment again: it is the snapshot's \"experiment\" object)")
    }
    // The checksum covers only what nnlab reads: a key it would ignore must be refused.
    try decoder.container(keyedBy: JSONKey.self).rejectUnknownKeys(CodingKeys.allCases.map(\.stringValue))
    let version = try container.decode(String.self, forKey: .nnlabVersion)
    guard version.unicodeScalars.count <= 32 else {
      throw container.refuse(.nnlabVersion, "must be at most 32 characters")
    }
    let language = try container.decode(ReportLanguage.self, forKey: .language)
    let experiment = try container.decode(Experiment.self, forKey: .experiment)
    if format < 3 && experiment.checkpoints != nil {
      throw container.refuse(.experiment, "holds checkpoints, which format \(format) does not have")
    }
    let dataHash = try container.decode(String.self, forKey: .dataHash)
    guard dataHash.count == 64, dataHash.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
      throw container.refuse(.dataHash, "must be 64 lowercase hex digits")
    }
    let step = try container.nestedContainer(keyedBy: JSONKey.self, forKey: .step).decodeStep(
      experiment: experiment)
    var list = try container.nestedUnkeyedContainer(forKey: .cases)
    var cases: [TrainingResult] = []
    if experiment.sweep != nil {
      var summaries: [CaseSummary] = []
      while !list.isAtEnd {
        guard summaries.count < experiment.cases.count else {
          throw container.refuse(.cases, "holds more results than the experiment has cases")
        }
        summaries.append(
          try list.nestedContainer(keyedBy: JSONKey.self).decodeSummary(spec: experiment.cases[summaries.count]))
      }
      guard summaries.count == experiment.cases.count else {
        throw container.refuse(.cases, "holds \(summaries.count) results for \(experiment.cases.count) cases")
      }
      self.summaries = summaries
    }
    while experiment.sweep == nil && !list.isAtEnd {
      guard cases.count < experiment.cases.count else {
        throw container.refuse(.cases, "holds more results than the experiment has cases")
      }
      let spec = experiment.cases[cases.count]
      cases.append(
        try list.nestedContainer(keyedBy: JSONKey.self).decodeResult(
          spec: spec, checkpoints: experiment.checkpoints, format: format))
    }
    guard experiment.sweep != nil || cases.count == experiment.cases.count else {
      throw container.refuse(.cases, "holds \(cases.count) results for \(experiment.cases.count) cases")
    }
    snapshot = Snapshot(
      nnlabVersion: version, language: language, experiment: experiment, dataHash: dataHash, step: step,
      cases: cases)
    checksum = try container.decode(String.self, forKey: .checksum)
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(format, forKey: .format)
    try container.encode("nnlab", forKey: .generator)
    try container.encode(snapshot.nnlabVersion, forKey: .nnlabVersion)
    try container.encode(snapshot.language, forKey: .language)
    try container.encode(snapshot.experiment, forKey: .experiment)
    try container.encode(snapshot.dataHash, forKey: .dataHash)
    var step = container.nestedContainer(keyedBy: JSONKey.self, forKey: .step)
    try step.encode(snapshot.step.index, forKey: "index")
    try step.encode(snapshot.step.x, forKey: "x")
    try step.encode(snapshot.step.y, forKey: "y")
    try step.encode(snapshot.step.before, forKey: "params_before")
    try step.encode(snapshot.step.gradient, forKey: "gradient")
    try step.encode(snapshot.step.after, forKey: "params_after")
    var cases = container.nestedUnkeyedContainer(forKey: .cases)
    for summary in summaries ?? [] {
      var entry = cases.nestedContainer(keyedBy: JSONKey.self)
      try entry.encode(summary.iterations, forKey: "iterations")
      try entry.encode(summary.divergedAt, forKey: "diverged_at")
      try entry.encode(summary.parameters, forKey: "params")
      try entry.encode(summary.final, forKey: "final")
      try entry.encode(summary.recordings, forKey: "recordings_sha256")
    }
    for result in summaries == nil ? snapshot.cases : [] {
      var entry = cases.nestedContainer(keyedBy: JSONKey.self)
      try entry.encode(result.iterations, forKey: "iterations")
      try entry.encode(result.divergedAt, forKey: "diverged_at")
      try entry.encode(result.parameters, forKey: "params")
      try entry.encode(result.final, forKey: "final")
      var loss = entry.nestedContainer(keyedBy: JSONKey.self, forKey: "loss")
      let history = result.history
      try loss.encode(history.stride, forKey: "stride")
      try loss.encode(history.count, forKey: "count")
      if history.recording.every > 1 { try loss.encode(history.recording.every, forKey: "record_every") }
      try loss.encode(history.train, forKey: "train")
      try loss.encode(history.test, forKey: "test")
      try loss.encode(history.digest, forKey: "sha256")
      guard format >= 3 else { continue }
      var curves = entry.nestedContainer(keyedBy: JSONKey.self, forKey: "curves")
      try curves.encode(result.curves.accuracyTrain, forKey: "accuracy_train")
      try curves.encode(result.curves.accuracyTest, forKey: "accuracy_test")
      try curves.encode(result.curves.gradientNorm, forKey: "gradient_norm")
      try curves.encode(result.curves.updateRatio, forKey: "update_ratio")
      var checkpoints = entry.nestedUnkeyedContainer(forKey: "checkpoints")
      for checkpoint in result.checkpoints {
        var kept = checkpoints.nestedContainer(keyedBy: JSONKey.self)
        try kept.encode(checkpoint.iteration, forKey: "iteration")
        try kept.encode(checkpoint.parameters, forKey: "params")
      }
    }
    try container.encodeIfPresent(checksum, forKey: .checksum)
  }
}

extension Snapshot {
  /// A snapshot of values already checked.
  fileprivate init(
    nnlabVersion: String, language: ReportLanguage, experiment: Experiment, dataHash: String, step: StepUpdate,
    cases: [TrainingResult]
  ) {
    self.nnlabVersion = nnlabVersion
    self.language = language
    self.experiment = experiment
    self.dataHash = dataHash
    self.step = step
    self.cases = cases
  }
}

extension KeyedDecodingContainer {
  /// A "bad value" error for `key` with `message`.
  fileprivate func refuse(_ key: Key, _ message: String) -> DecodingError {
    DecodingError.dataCorrupted(.init(codingPath: codingPath + [key], debugDescription: message))
  }
}

extension KeyedDecodingContainer where Key == JSONKey {
  /// Parameters of `shape`, as training may leave them (any finite value); nil for null.
  fileprivate func decodeRecordedParameters(_ key: JSONKey, shape: NetworkShape) throws -> Parameters? {
    guard let named = try decodeIfPresent([String: Double].self, forKey: key) else { return nil }
    do {
      return try Parameters(shape: shape, named: named, limit: .greatestFiniteMagnitude)
    } catch {
      throw refuse(key, error.description)
    }
  }

  /// The single update, checked against the experiment's network and data sizes.
  fileprivate func decodeStep(experiment: Experiment) throws -> StepUpdate {
    try rejectUnknownKeys(["index", "x", "y", "params_before", "gradient", "params_after"])
    let index = try decodeInteger("index")
    guard (0..<experiment.data.trainingPointCount).contains(index) else {
      throw refuse("index", "must be the index of a training point, got \(index)")
    }
    let x = try decode([Double].self, forKey: "x")
    guard x.count == 2, x.allSatisfy(\.isFinite) else { throw refuse("x", "must be two finite coordinates") }
    let y = try decodeInteger("y")
    guard y == 0 || y == 1 else { throw refuse("y", "must be 0 or 1, got \(y)") }
    let shape = experiment.network.shape
    guard let before = try decodeRecordedParameters("params_before", shape: shape) else {
      throw refuse("params_before", "is missing")
    }
    guard before == experiment.initialParameters else {
      throw refuse("params_before", "are not the experiment's initial parameters")
    }
    let gradient = try decodeRecordedParameters("gradient", shape: shape)
    let after = try decodeRecordedParameters("params_after", shape: shape)
    if after != nil && gradient == nil { throw refuse("gradient", "is missing for a step that did not diverge") }
    return StepUpdate(index: index, x: x, y: y, before: before, gradient: gradient, after: after)
  }

  /// One sweep case's summary, checked against its settings like a whole result.
  fileprivate func decodeSummary(spec: CaseSpec) throws -> CaseSummary {
    try rejectUnknownKeys(["iterations", "diverged_at", "params", "final", "recordings_sha256"])
    let (iterations, divergedAt, parameters, final) = try decodeOutcome(spec: spec)
    let recordings = try decode(String.self, forKey: "recordings_sha256")
    guard recordings.count == 64, recordings.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
      throw refuse("recordings_sha256", "must be 64 lowercase hex digits")
    }
    return CaseSummary(
      iterations: iterations, divergedAt: divergedAt, parameters: parameters, final: final, recordings: recordings)
  }

  /// What every recorded case holds, checked against its settings: the number of
  /// iterations, where it diverged, parameters of the case's network, and the final losses
  /// and accuracies.
  private func decodeOutcome(spec: CaseSpec) throws
    -> (iterations: Int, divergedAt: Int?, parameters: Parameters, final: FinalMetrics)
  {
    let iterations = try decodeInteger("iterations")
    guard iterations == spec.settings.iterations(observations: spec.data.trainingPointCount) else {
      throw refuse("iterations", "does not fit the case's settings")
    }
    let divergedAt = try decodeNil(forKey: "diverged_at") ? nil : try decodeInteger("diverged_at")
    if let divergedAt, !(1...iterations).contains(divergedAt) {
      throw refuse("diverged_at", "must be an iteration from 1 to \(iterations), got \(divergedAt)")
    }
    guard let parameters = try decodeRecordedParameters("params", shape: spec.network.shape) else {
      throw refuse("params", "is missing")
    }
    return (iterations, divergedAt, parameters, try decodeFinal())
  }

  /// A case's final losses and accuracies.
  private func decodeFinal() throws -> FinalMetrics {
    try nestedContainer(keyedBy: JSONKey.self, forKey: "final").rejectUnknownKeys(
      ["loss_train", "loss_test", "accuracy_train", "accuracy_test"])
    let final = try decode(FinalMetrics.self, forKey: "final")
    guard [final.accuracyTrain, final.accuracyTest].allSatisfy({ (0...1).contains($0) }),
      [final.lossTrain, final.lossTest].allSatisfy({ $0.map(\.isFinite) ?? true })
    else {
      throw refuse("final", "accuracies must be from 0 to 1 and losses finite numbers or null")
    }
    return final
  }

  /// One case's result, checked against its settings: the number of iterations, where it
  /// diverged, a loss history of the right shape, parameters of the case's network.
  /// Format 2 has no curves and no checkpoints: the result holds empty ones until
  /// `Snapshot.recordAgain` trains the case again.
  fileprivate func decodeResult(spec: CaseSpec, checkpoints requested: [Int]?, format: Int) throws -> TrainingResult {
    let recordings = format >= 3 ? ["curves", "checkpoints"] : []
    try rejectUnknownKeys(["iterations", "diverged_at", "params", "final", "loss"] + recordings)
    let (iterations, divergedAt, parameters, final) = try decodeOutcome(spec: spec)
    let loss = try nestedContainer(keyedBy: JSONKey.self, forKey: "loss")
    try loss.rejectUnknownKeys(["stride", "count", "record_every", "train", "test", "sha256"])
    let plan = spec.settings.recordingPlan(
      shape: spec.network.shape, trainCount: spec.data.trainingPointCount, testCount: spec.data.testPointCount)
    guard try loss.decodeInteger("record_every", default: 1) == plan.every else {
      throw loss.refuse("record_every", "must be \(plan.every), as the case's settings and data give")
    }
    let completed = divergedAt.map { $0 - 1 } ?? iterations
    let count = try loss.decodeInteger("count")
    guard count == plan.recordCount(through: completed) else {
      throw loss.refuse("count", "must be the number of recorded updates")
    }
    let stride = try loss.decodeInteger("stride")
    guard stride == LossHistory.stride(forRecords: plan.recordCount) else {
      throw loss.refuse("stride", "does not fit \(iterations) iterations")
    }
    let history: LossHistory
    do {
      history = try LossHistory(
        stride: stride, count: count, train: try loss.decode([Double].self, forKey: "train"),
        test: try loss.decode([Double].self, forKey: "test"), digest: try loss.decode(String.self, forKey: "sha256"),
        recording: plan)
    } catch let error as LossHistoryError {
      throw refuse("loss", error.description)
    }
    // The last record is the last completed update's unless the run stopped between records.
    let endsAtLastUpdate = count > 0 && plan.iteration(ofRecord: count - 1) == completed
    guard !endsAtLastUpdate || (final.lossTrain == history.lastTrain && final.lossTest == history.lastTest) else {
      throw refuse("final", "the final losses are not the last recorded ones")
    }
    let layers = spec.network.shape.layerCount
    let none = [[Double]](repeating: [], count: layers)
    var curves = try TrainingCurves(
      stride: 1, count: 0, layers: layers, accuracyTrain: [], accuracyTest: [], gradientNorm: none, updateRatio: none)
    var checkpoints: [Checkpoint] = []
    if format >= 3 {
      curves = try decodeCurves(stride: stride, count: count, layers: layers, recording: plan)
      checkpoints = try decodeCheckpoints(
        spec: spec, planned: Checkpoint.iterations(requested: requested, total: iterations), completed: completed,
        final: parameters)
    }
    return TrainingResult(
      iterations: iterations, history: history, curves: curves, checkpoints: checkpoints, parameters: parameters,
      divergedAt: divergedAt, final: final)
  }

  /// A case's curves, recorded like its losses.
  private func decodeCurves(stride: Int, count: Int, layers: Int, recording: RecordingPlan) throws -> TrainingCurves {
    let curves = try nestedContainer(keyedBy: JSONKey.self, forKey: "curves")
    try curves.rejectUnknownKeys(["accuracy_train", "accuracy_test", "gradient_norm", "update_ratio"])
    do {
      return try TrainingCurves(
        stride: stride, count: count, layers: layers,
        accuracyTrain: try curves.decode([Double].self, forKey: "accuracy_train"),
        accuracyTest: try curves.decode([Double].self, forKey: "accuracy_test"),
        gradientNorm: try curves.decode([[Double]].self, forKey: "gradient_norm"),
        updateRatio: try curves.decode([[Double]].self, forKey: "update_ratio"), recording: recording)
    } catch let error as LossHistoryError {
      throw refuse("curves", error.description)
    }
  }

  /// A case's checkpoints: the `planned` iterations up to the `completed` ones and the last
  /// completed one, starting from the case's initial parameters and ending at `final`.
  private func decodeCheckpoints(spec: CaseSpec, planned: [Int], completed: Int, final: Parameters) throws
    -> [Checkpoint]
  {
    var list = try nestedUnkeyedContainer(forKey: "checkpoints")
    var checkpoints: [Checkpoint] = []
    while !list.isAtEnd {
      let entry = try list.nestedContainer(keyedBy: JSONKey.self)
      try entry.rejectUnknownKeys(["iteration", "params"])
      guard let parameters = try entry.decodeRecordedParameters("params", shape: spec.network.shape) else {
        throw entry.refuse("params", "is missing")
      }
      checkpoints.append(Checkpoint(iteration: try entry.decodeInteger("iteration"), parameters: parameters))
    }
    let expected = Array(Set(planned.filter { $0 <= completed } + [completed])).sorted()
    guard checkpoints.map(\.iteration) == expected else {
      throw refuse("checkpoints", "must keep the iterations \(expected.map(String.init).joined(separator: ", "))")
    }
    guard checkpoints.first?.parameters == spec.initialParameters, checkpoints.last?.parameters == final else {
      throw refuse("checkpoints", "must start at the case's initial parameters and end at its final ones")
    }
    return checkpoints
  }
}
