import Foundation
import SafeText
import TinyNet

/// What re-training a snapshot's experiment gave, compared with what the snapshot records.
public struct SnapshotComparison: Sendable {
  /// How many recorded numbers were compared: everything but the experiment (the input)
  /// and the format.
  public var numbersCompared: Int
  /// The first recorded value that differs, nil when every one is identical.
  public var difference: SnapshotDifference?
}

/// The first recorded value of a snapshot that a new run does not reproduce.
public struct SnapshotDifference: Sendable, CustomStringConvertible {
  /// Where in the snapshot's JSON, as `cases[2].loss.train[16]`.
  public var path: [JSONTree.Step]
  /// The value the snapshot records, nil if it has none there.
  public var recorded: JSONTree?
  /// The value the new run gives, nil if it has none there.
  public var now: JSONTree?
  /// What `path` means to a reader: `case "lr 0.1": loss_train at iteration 17`.
  public var place: String

  public var description: String {
    "\(place): \(recorded?.text ?? "nothing") in the snapshot, \(now?.text ?? "nothing") now"
  }
}

extension Snapshot {
  /// The snapshot a new run of this snapshot's experiment writes, in its language and
  /// under its nnlab version (so that only what training produced can differ).
  public func retrained() -> Snapshot {
    var fresh = Snapshot(experiment: experiment, language: language, results: experiment.run())
    fresh.nnlabVersion = nnlabVersion
    return fresh
  }

  /// Compares every recorded value with `other`'s, numbers bit for bit.
  ///
  /// The comparison walks both snapshots' JSON trees as `json()` writes them, so a field
  /// added to the format later is compared without changing this code. The checksum is left
  /// out: it differs exactly when a value does, and the value says more. So are the points
  /// of tables when both snapshots have the same experiment (as a snapshot trained again
  /// has): a million points need not be compared with themselves.
  /// - Throws: `LabReportError.rendering` if either snapshot cannot be written as JSON.
  public func compared(with other: Snapshot) throws(LabReportError) -> SnapshotComparison {
    let points = experiment != other.experiment
    let recorded = try Self.tree(self, points: points), now = try Self.tree(other, points: points)
    let difference = Self.earliest(recorded.differences(from: now)).map { found in
      SnapshotDifference(path: found.path, recorded: found.this, now: found.other, place: place(of: found.path))
    }
    let counted = ["experiment", "format"].reduce(recorded) { $0.removing($1) }
    return SnapshotComparison(numbersCompared: counted.numberCount, difference: difference)
  }

  /// The difference that shows where a run first departs: within the first part that
  /// differs (the step, or a case: `cases[i]`), a value of a recorded series (a list) at
  /// the lowest position, such as the earliest iteration of a loss history; a value outside
  /// any series (a final loss, a parameter, a digest, all of which follow from the series)
  /// only when no series differs.
  static func earliest(_ differences: [JSONTree.Difference]) -> JSONTree.Difference? {
    func part(_ path: [JSONTree.Step]) -> ArraySlice<JSONTree.Step> {
      guard path.count > 1, case .index = path[1] else { return path.prefix(1) }
      return path.prefix(2)
    }
    guard let first = differences.first else { return nil }
    let inPart = differences.filter { part($0.path) == part(first.path) }
    let series = inPart.compactMap { difference -> (position: Int, difference: JSONTree.Difference)? in
      guard difference.path.count > part(first.path).count, case .index(let position) = difference.path.last else { return nil }
      return (position, difference)
    }
    return series.min { $0.position < $1.position }?.difference ?? first
  }

  /// The snapshot's JSON as a tree, without its checksum, and with each table's points as a
  /// placeholder unless `points`.
  private static func tree(_ snapshot: Snapshot, points: Bool) throws(LabReportError) -> JSONTree {
    do {
      let json = try points ? snapshot.json() : encoded(SnapshotFile(snapshot, checksum: nil), points: false)
      return try JSONTree(parsing: json).removing("checksum")
    } catch let error as LabReportError {
      throw error
    } catch {
      throw .rendering("snapshot.json cannot be read back: \(error)")
    }
  }

  /// `path` in words: a case by its name, a loss by its iteration (or bucket of iterations).
  func place(of path: [JSONTree.Step]) -> String {
    guard path.count >= 2, path[0] == .key("cases"), case .index(let index) = path[1],
      experiment.cases.indices.contains(index)
    else { return JSONTree.describe(path) }
    let name = "case \"\(SafeText.printable(experiment.cases[index].name, limit: SafeText.quoteLimit))\""
    let rest = Array(path.dropFirst(2))
    guard rest.count == 3, rest[0] == .key("loss"), case .key(let series) = rest[1], ["train", "test"].contains(series),
      case .index(let position) = rest[2], cases.indices.contains(index)
    else { return rest.isEmpty ? name : "\(name): \(JSONTree.describe(rest))" }
    let history = cases[index].history
    let recording = history.recording
    guard !history.isComplete else {
      return "\(name): loss_\(series) at iteration \(recording.iteration(ofRecord: position))"
    }
    let bucket = position / LossHistory.valuesPerBucket
    let first = recording.iteration(ofRecord: bucket * history.stride)
    let last = recording.iteration(ofRecord: min((bucket + 1) * history.stride, history.count) - 1)
    let role = ["first value", "first extreme", "second extreme", "last value"][position % LossHistory.valuesPerBucket]
    return "\(name): loss_\(series) of iterations \(first) to \(last) (the bucket's \(role))"
  }
}
