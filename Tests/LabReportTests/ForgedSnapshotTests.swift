import Foundation
@testable import LabReport
import Testing
import TestSupport
@testable import TinyNet

/// Snapshots forged field by field: `nnlab render` refuses each with exit 65 and one line
/// naming the bad value, or, where the forgery is harmless and its checksum was recomputed,
/// renders it. Never a crash.
///
/// Value forgeries change the decoded snapshot and let nnlab's own encoder write the file,
/// so its checksum is right and validation itself must catch them; each is also tried with
/// the original checksum. Text forgeries change the file where nnlab's types cannot
/// (types, keys, numbers JSON or Swift cannot hold): validation must refuse them before
/// the checksum is even computed.
@Suite struct ForgedSnapshotTests {
  /// Four points of the parabola, one case of two updates.
  static let experiment = """
    {"name": "forged", "title": "Forged", "data": {"seed": 7, "n_obs": 4},
     "cases": [{"name": "one", "batch_size": 2, "epochs": 1, "learning_rate": 0.1}]}
    """

  /// The experiment's snapshot as nnlab writes it.
  static let original = Result { () throws -> Snapshot in
    let lab = try Experiment(json: Data(experiment.utf8))
    return Snapshot(experiment: lab, language: .en, results: lab.run())
  }

  /// What `nnlab render` does with a forgery.
  enum Outcome: Sendable {
    /// Validation refuses it, whatever its checksum says, with this message.
    case invalid(String)
    /// Valid values that do not fit together: refused with this message once the checksum matches.
    case inconsistent(String)
    /// Rendered once the checksum matches.
    case harmless
  }

  struct ValueForgery: Sendable, CustomStringConvertible {
    var description: String
    var forge: @Sendable (inout Snapshot) -> Void
    var outcome: Outcome

    init(_ description: String, _ outcome: Outcome, _ forge: @escaping @Sendable (inout Snapshot) -> Void) {
      self.description = description
      self.forge = forge
      self.outcome = outcome
    }
  }

  static let anotherShape = Result { try NetworkShape(hidden: [2]) }

  static let valueForgeries: [ValueForgery] = {
    let index = (try? original.get().step.index) ?? 0
    let indexRefused = "step.index: must be the index of a training point, got "
    let divergedRefused = "cases[0].diverged_at: must be an iteration from 1 to 2, got "
    let otherParameters = Parameters.random(shape: (try? anotherShape.get()) ?? .notebook, seed: 1)
    /// Integers beyond what a JSON number holds exactly are refused as such, with the key.
    func tooLarge(_ path: String, _ value: Int) -> String {
      "\(path): expected an integer of magnitude below 9e15, got \(String(format: "%.0f", Double(value)))"
    }
    var forgeries = [-1, 4].map { value in
      ValueForgery("step.index \(value)", .invalid(indexRefused + String(value))) { $0.step.index = value }
    }
    forgeries += [Int.min, Int.max].map { value in
      ValueForgery("step.index \(value)", .invalid(tooLarge("step.index", value))) { $0.step.index = value }
    }
    forgeries += [-1, 2].map { value in
      ValueForgery("step.y \(value)", .invalid("step.y: must be 0 or 1, got \(value)")) { $0.step.y = value }
    }
    forgeries.append(ValueForgery("step.y \(Int.min)", .invalid(tooLarge("step.y", Int.min))) { $0.step.y = Int.min })
    forgeries += [[0.5], [], [0.5, 0.5, 0.5]].map { x in
      ValueForgery("step.x \(x)", .invalid("step.x: must be two finite coordinates")) { $0.step.x = x }
    }
    forgeries += [-1, 0, 3].map { value in
      ValueForgery("diverged_at \(value)", .invalid(divergedRefused + String(value))) {
        $0.cases[0].divergedAt = value
      }
    }
    forgeries += [Int.min, Int.max].map { value in
      ValueForgery("diverged_at \(value)", .invalid(tooLarge("cases[0].diverged_at", value))) {
        $0.cases[0].divergedAt = value
      }
    }
    forgeries += [-1, 0, 3].map { value in
      ValueForgery("iterations \(value)", .invalid("cases[0].iterations: does not fit the case's settings")) {
        $0.cases[0].iterations = value
      }
    }
    forgeries += [Int.min, Int.max].map { value in
      ValueForgery("iterations \(value)", .invalid(tooLarge("cases[0].iterations", value))) {
        $0.cases[0].iterations = value
      }
    }
    forgeries += [
      ValueForgery("step point not in the data set", .inconsistent("step: the drawn point is not training point \(index)")) {
        $0.step.x = [0.25, -0.5]
      },
      ValueForgery("step index of another point", .inconsistent("is not training point \((index + 1) % 4) of the data set")) {
        $0.step.index = (index + 1) % 4
      },
      ValueForgery("step class flipped", .inconsistent("step: the drawn point is not training point")) {
        $0.step.y = 1 - $0.step.y
      },
      ValueForgery("step from other parameters", .invalid("step.params_before: are not the experiment's initial parameters")) {
        $0.step.before = Parameters(shape: .notebook, values: $0.step.before.values.map { $0 + 1 })
      },
      ValueForgery("step after in another shape", .invalid("step.params_after: 'b1_1' is not a parameter of the 2-3-1 network")) {
        $0.step.after = otherParameters
      },
      ValueForgery("step without gradient", .invalid("step.gradient: is missing for a step that did not diverge")) {
        $0.step.gradient = nil
      },
      ValueForgery("step recorded as diverged", .harmless) {
        $0.step.gradient = nil
        $0.step.after = nil
      },
      ValueForgery("step after of huge values", .harmless) {
        $0.step.after = Parameters(shape: .notebook, values: (0..<13).map { $0 % 2 == 0 ? 1e308 : -1e308 })
      },
      ValueForgery("diverged inside the run", .invalid("cases[0].loss.count: must be the number of recorded updates")) {
        $0.cases[0].divergedAt = 2
      },
      ValueForgery("parameters of another shape", .invalid("cases[0].params: 'b1_1' is not a parameter of the 2-3-1 network")) {
        $0.cases[0].parameters = otherParameters
      },
      ValueForgery("trained parameters of huge values", .harmless) {
        let huge = Parameters(shape: .notebook, values: (0..<13).map { $0 % 3 == 0 ? -1e308 : 1e308 })
        $0.cases[0].parameters = huge
        $0.cases[0].checkpoints[$0.cases[0].checkpoints.count - 1].parameters = huge
      },
      ValueForgery("training accuracy above 1", .invalid("cases[0].final: accuracies must be from 0 to 1")) {
        $0.cases[0].final.accuracyTrain = 1.5
      },
      ValueForgery("test accuracy below 0", .invalid("cases[0].final: accuracies must be from 0 to 1")) {
        $0.cases[0].final.accuracyTest = -0.25
      },
      ValueForgery("final loss not the last one", .invalid("cases[0].final: the final losses are not the last recorded ones")) {
        $0.cases[0].final.lossTrain = 0.125
      },
      ValueForgery("no results", .invalid("cases: holds 0 results for 1 cases")) { $0.cases = [] },
      ValueForgery("a result too many", .invalid("cases: holds more results than the experiment has cases")) {
        $0.cases += $0.cases
      },
      ValueForgery("another language", .harmless) { $0.language = .ko },
      ValueForgery("another version", .harmless) { $0.nnlabVersion = "0.1.0" },
      ValueForgery("a long version", .invalid("nnlab_version: must be at most 32 characters")) {
        $0.nnlabVersion = String(repeating: "9", count: 33)
      },
      ValueForgery("data hash of other data", .inconsistent("the data sets drawn again from the experiment do not match their hash")) {
        $0.dataHash = String(repeating: "0", count: 64)
      },
      ValueForgery("data hash not hex", .invalid("data_sha256: must be 64 lowercase hex digits")) {
        $0.dataHash = String(repeating: "A", count: 64)
      },
      ValueForgery("data seed changed", .inconsistent("the data sets drawn again from the experiment do not match their hash")) {
        $0.experiment.data.seed = 8
      },
      ValueForgery("epochs changed", .invalid("cases[0].iterations: does not fit the case's settings")) {
        $0.experiment.cases[0].settings.epochs = 2
      },
      ValueForgery("experiment name escaping its folder", .invalid("experiment.name: must be 1 to 64 lowercase letters")) {
        $0.experiment.name = "../evil"
      },
      ValueForgery("experiment title empty", .invalid("experiment.title: must be 1 to 200 characters")) {
        $0.experiment.title = ""
      },
      ValueForgery("experiment starting elsewhere", .invalid("step.params_before: are not the experiment's initial parameters")) {
        $0.experiment.initialParameters = Parameters(shape: .notebook, values: Array(repeating: 0.5, count: 13))
      },
      ValueForgery("histogram of no case", .invalid("experiment.histograms: 'nope' is not the name of a case")) {
        $0.experiment.histograms = ["nope"]
      },
      ValueForgery("a checkpoint moved", .invalid("cases[0].checkpoints: must keep the iterations 0, 1, 2")) {
        $0.cases[0].checkpoints[1].iteration = 2
      },
      ValueForgery("a checkpoint left out", .invalid("cases[0].checkpoints: must keep the iterations 0, 1, 2")) {
        $0.cases[0].checkpoints.remove(at: 1)
      },
      ValueForgery("other checkpoints asked for", .invalid("cases[0].checkpoints: must keep the iterations 0, 2")) {
        $0.experiment.checkpoints = [0, 2]
      },
      ValueForgery("the same checkpoints asked for", .harmless) { $0.experiment.checkpoints = [1] },
      ValueForgery("a first checkpoint elsewhere", .invalid("cases[0].checkpoints: must start at the case's initial parameters")) {
        $0.cases[0].checkpoints[0].parameters = $0.cases[0].parameters
      },
      ValueForgery("a last checkpoint elsewhere", .invalid("cases[0].checkpoints: must start at the case's initial parameters and end at its final ones")) {
        $0.cases[0].checkpoints[2].parameters = $0.cases[0].checkpoints[0].parameters
      },
      ValueForgery("a middle checkpoint of huge values", .harmless) {
        $0.cases[0].checkpoints[1].parameters = Parameters(shape: .notebook, values: (0..<13).map { $0 % 2 == 0 ? 1e308 : -1e308 })
      },
      ValueForgery("a checkpoint of another shape", .invalid("cases[0].checkpoints[1].params: 'b1_1' is not a parameter of the 2-3-1 network")) {
        $0.cases[0].checkpoints[1].parameters = otherParameters
      },
    ]
    if let curves = try? original.get().cases[0].curves {
      func forged(
        _ description: String, _ outcome: Outcome, accuracy: [Double]? = nil, norms: [[Double]]? = nil,
        ratios: [[Double]]? = nil
      ) -> ValueForgery {
        let changed = TrainingCurves(
          unchecked: curves.stride, curves.count, curves.recording, accuracy ?? curves.accuracyTrain, curves.accuracyTest,
          norms ?? curves.gradientNorm, ratios ?? curves.updateRatio)
        return ValueForgery(description, outcome) { $0.cases[0].curves = changed }
      }
      forgeries += [
        forged("an accuracy above 1", .invalid("cases[0].curves: an accuracy is not between 0 and 1"), accuracy: [1.5, 0.5]),
        forged("a negative gradient norm", .invalid("cases[0].curves: a gradient norm or update ratio is negative or not finite"),
               norms: [[-1, 1], [1, 1]]),
        forged("curves of one layer", .invalid("cases[0].curves: a network of 2 layers has 2 gradient norm and update ratio series"),
               norms: [[1, 1]], ratios: [[1, 1]]),
        forged("a curve too short", .invalid("cases[0].curves: 2 updates with stride 1 keep 2 values per series"),
               accuracy: [0.5]),
        forged("other accuracies", .harmless, accuracy: [0.25, 1]),
      ]
    }
    if let empty = try? LossHistory(
      stride: 1, count: 0, train: [], test: [], digest: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    {
      forgeries.append(
        ValueForgery("diverged at the first update", .harmless) {
          $0.cases[0].divergedAt = 1
          $0.cases[0].history = empty
          $0.cases[0].parameters = $0.cases[0].checkpoints[0].parameters
          $0.cases[0].checkpoints = [$0.cases[0].checkpoints[0]]
          if let curves = try? TrainingCurves(
            stride: 1, count: 0, layers: 2, accuracyTrain: [], accuracyTest: [], gradientNorm: [[], []],
            updateRatio: [[], []])
          {
            $0.cases[0].curves = curves
          }
          $0.cases[0].final.lossTrain = nil
          $0.cases[0].final.lossTest = nil
        })
    }
    return forgeries
  }()

  @Test(arguments: valueForgeries)
  func forgedValueIsRefusedOrRendered(_ forgery: ValueForgery) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    var snapshot = try Self.original.get()
    forgery.forge(&snapshot)
    let recomputed = try snapshot.json()
    let keptChecksum = String(decoding: recomputed, as: UTF8.self).replacingOccurrences(
      of: #""checksum" : "[0-9a-f]{64}""#, with: #""checksum" : "\#(try Self.original.get().checksum())""#,
      options: .regularExpression)
    switch forgery.outcome {
    case .invalid(let message):
      try expectRefused(Data(keptChecksum.utf8), mentioning: message, in: folder)
      try expectRefused(recomputed, mentioning: message, in: folder)
    case .inconsistent(let message):
      try expectRefused(Data(keptChecksum.utf8), mentioning: "checksum mismatch", in: folder)
      try expectRefused(recomputed, mentioning: message, in: folder)
    case .harmless:
      try expectRefused(Data(keptChecksum.utf8), mentioning: "checksum mismatch", in: folder)
      try expectRendered(recomputed, in: folder)
    }
  }

  struct TextForgery: Sendable, CustomStringConvertible {
    var description: String
    var forge: @Sendable (inout JSONDocument) -> Void
    var message: String

    init(_ description: String, _ message: String, _ forge: @escaping @Sendable (inout JSONDocument) -> Void) {
      self.description = description
      self.forge = forge
      self.message = message
    }

    /// `value` at `path`.
    init(_ path: String, _ value: String, _ message: String) {
      self.init("\(path) = \(value.prefix(40))", message) { $0.set(path, .raw(value)) }
    }
  }

  static let deepList = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)

  static let textForgeries: [TextForgery] = [
    TextForgery("format", #""2""#, "format: expected an integer"),
    TextForgery("format", "4", "format 4 is not supported"),
    TextForgery("no format", "format: is missing") { $0.remove("format") },
    TextForgery("generator", #""pynb""#, "this is not an nnlab snapshot"),
    TextForgery("no generator", "this is not an nnlab snapshot") { $0.remove("generator") },
    TextForgery("no checksum", "checksum: is missing") { $0.remove("checksum") },
    TextForgery("checksum", "5", "checksum: expected a string"),
    TextForgery("an unknown key", "unknown key 'extra'") { $0.set("extra", .raw("1")) },
    TextForgery("language", #""fr""#, "language"),
    TextForgery("language", "1", "language: expected a string"),
    TextForgery("nnlab_version", "null", "nnlab_version: expected a string, found null"),
    TextForgery("no step", "step: is missing") { $0.remove("step") },
    TextForgery("step", "[]", "step: expected an object"),
    TextForgery("step.index", #""0""#, "step.index: expected an integer"),
    TextForgery("step.index", "0.5", "bad snapshot: "),
    TextForgery("step.index", "9223372036854775808", "bad snapshot: "),
    TextForgery("step.index", "-9223372036854775809", "bad snapshot: "),
    TextForgery("step.index", "18446744073709551616", "bad snapshot: "),
    TextForgery("step.index", "1e999", "bad snapshot: "),
    TextForgery("step.y", "true", "step.y: expected an integer"),
    TextForgery("step.x", #""0.5""#, "step.x: expected a list"),
    TextForgery("step.x", "[NaN, 0]", "not a JSON object"),
    TextForgery("step.x", "[1e999, 0]", "bad snapshot: "),
    TextForgery("step.x", "[1.7976931348623157e309, 0]", "bad snapshot: "),
    TextForgery("step.x", "[null, 0]", "step.x"),
    TextForgery("an unknown step key", "step: unknown key 'extra'") { $0.set("step.extra", .raw("1")) },
    TextForgery("step.params_before.b11", "1e308", "step.params_before: are not the experiment's initial parameters"),
    TextForgery("step.params_before.b11", #""0""#, "step.params_before.b11: expected a number"),
    TextForgery("cases", "{}", "cases: expected a list"),
    TextForgery("cases.0", "[]", "cases[0]: expected an object"),
    TextForgery("cases.0.iterations", "-1", "cases[0].iterations: does not fit the case's settings"),
    TextForgery("cases.0.iterations", "2.5", "cases[0].iterations: expected an integer, got 2.5"),
    TextForgery("cases.0.diverged_at", "-9223372036854775808", "cases[0].diverged_at: expected an integer of magnitude below 9e15"),
    TextForgery("cases.0.diverged_at", #""1""#, "cases[0].diverged_at: expected an integer"),
    TextForgery("an unknown case key", "cases[0]: unknown key 'extra'") { $0.set("cases.0.extra", .raw("1")) },
    TextForgery("an unknown final key", "cases[0].final: unknown key 'extra'") { $0.set("cases.0.final.extra", .raw("1")) },
    TextForgery("no final", "cases[0].final: is missing") { $0.remove("cases.0.final") },
    TextForgery("cases.0.final.accuracy_train", "NaN", "not a JSON object"),
    TextForgery("cases.0.params", "null", "cases[0].params: is missing"),
    TextForgery("no parameter b11", "cases[0].params: parameter 'b11' is missing") { $0.remove("cases.0.params.b11") },
    TextForgery("cases.0.params.b11", #""0""#, "cases[0].params.b11: expected a number"),
    TextForgery("cases.0.params.w99", "0", "cases[0].params: 'w99' is not a parameter of the 2-3-1 network"),
    TextForgery("cases.0.loss.count", "-1", "cases[0].loss.count: must be the number of recorded updates"),
    TextForgery("cases.0.loss.count", "-9223372036854775808", "cases[0].loss.count: expected an integer of magnitude below 9e15"),
    TextForgery("cases.0.loss.stride", "0", "cases[0].loss.stride: does not fit 2 iterations"),
    TextForgery("cases.0.loss.stride", "9223372036854775807", "cases[0].loss.stride: expected an integer of magnitude below 9e15"),
    TextForgery("cases.0.loss.train", "[0.5]", "cases[0].loss: 2 updates with stride 1 keep 2 values per series"),
    TextForgery("cases.0.loss.test", "[0.5, 0.5, 0.5]", "cases[0].loss: 2 updates with stride 1 keep 2 values per series"),
    TextForgery("cases.0.loss.train.0", "1e308", "cases[0].loss: the digest does not match the losses"),
    TextForgery("cases.0.loss.sha256", #""0""#, "cases[0].loss: the digest does not match the losses"),
    TextForgery("an unknown loss key", "cases[0].loss: unknown key 'extra'") { $0.set("cases.0.loss.extra", .raw("1")) },
    TextForgery("experiment.data.n_obs", "-1", "experiment.data.n_obs: n-obs must be 1 to 1000000, got -1"),
    TextForgery("experiment.data.seed", "-9223372036854775808", "experiment.data.seed"),
    TextForgery("experiment.data.seed", "1e999", "bad snapshot: "),
    TextForgery("experiment.cases.0.epochs", "9223372036854775807", "experiment.cases[0].epochs: expected an integer"),
    TextForgery("experiment.cases.0.learning_rate", "1e999", "bad snapshot: "),
    TextForgery("experiment.title", deepList, "not a JSON object"),
    TextForgery("an unknown experiment key", "experiment: unknown key 'extra'") { $0.set("experiment.extra", .raw("1")) },
    TextForgery("a list, not an object", "not a JSON object") { $0 = .array([$0]) },
    TextForgery("cut in half", "not a JSON object (is the file truncated?)") { $0 = .raw(String($0.text.prefix($0.text.count / 2))) },
  ]

  @Test(arguments: textForgeries)
  func forgedTextIsRefusedBeforeTheChecksum(_ forgery: TextForgery) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    var document = try JSONDocument(parsing: Self.original.get().json())
    forgery.forge(&document)
    let text = Data(document.text.utf8)
    // nnlab's own types refuse it while reading: no checksum can be computed for it.
    #expect(throws: (any Error).self) { try JSONDecoder().decode(SnapshotFile.self, from: text) }
    try expectRefused(text, mentioning: forgery.message, in: folder)
  }

  @Test func originalWrittenBackThroughTheEditorRendersUnchanged() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let text = try JSONDocument(parsing: Self.original.get().json()).text
    try folder.write(text, to: "snapshot.json")
    let output = try runProcess(
      Repository.nnlab, ["render", folder.path("snapshot.json"), "--quiet", "--out", folder.path("report")])
    #expect(output.status == 0, "\(output.stderr)")
  }

  // MARK: Helpers

  func expectRefused(
    _ snapshot: Data, mentioning message: String, in folder: TemporaryFolder,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    try snapshot.write(to: folder.url.appendingPathComponent("forged.json"))
    let output = try runProcess(
      Repository.nnlab, ["render", folder.path("forged.json"), "--out", folder.path("report")], timeout: 120)
    #expect(output.status == 65, "\(output.stderr)", sourceLocation: sourceLocation)
    #expect(output.stdout.isEmpty, sourceLocation: sourceLocation)
    #expect(output.stderr.split(separator: "\n").count == 1, "\(output.stderr)", sourceLocation: sourceLocation)
    #expect(output.stderr.hasPrefix("nnlab: error: bad snapshot: "), "\(output.stderr)", sourceLocation: sourceLocation)
    #expect(output.stderr.contains(message), "\(output.stderr)", sourceLocation: sourceLocation)
    #expect(!FileManager.default.fileExists(atPath: folder.path("report")), sourceLocation: sourceLocation)
  }

  func expectRendered(_ snapshot: Data, in folder: TemporaryFolder, sourceLocation: SourceLocation = #_sourceLocation)
    throws
  {
    try snapshot.write(to: folder.url.appendingPathComponent("forged.json"))
    let output = try runProcess(
      Repository.nnlab, ["render", folder.path("forged.json"), "--quiet", "--out", folder.path("report")], timeout: 120)
    #expect(output.status == 0 && output.stderr.isEmpty, "\(output.stderr)", sourceLocation: sourceLocation)
    let files = try folder.files("report")
    #expect(files["snapshot.json"] == snapshot, "the report keeps the snapshot it was rendered from", sourceLocation: sourceLocation)
    #expect(files["index.html"] != nil, sourceLocation: sourceLocation)
  }
}
