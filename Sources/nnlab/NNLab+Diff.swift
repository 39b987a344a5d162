import ArgumentParser
import DataFiles
import Foundation
import LabReport
import SafeText
import TinyNet

extension NNLab {
  /// `nnlab diff`: what differs between two labs, settings and (for snapshots) results.
  struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show what differs between two labs: their settings and, for snapshots, their final results.",
      discussion:
        "Each file is a snapshot.json or an experiment file; which one is detected. Lists the settings that differ, for the whole experiment and for each case (cases are matched by name; cases only in one file are named), then each case's final losses, accuracies and divergence side by side for the files that are snapshots. Exit status: 0 whether or not the files differ, 65 if one cannot be read."
    )

    @Argument(help: "The first snapshot or experiment file (A).")
    var a: String

    @Argument(help: "The second snapshot or experiment file (B).")
    var b: String

    @Flag(help: "Print one JSON object instead of text (its shape is documented in the README).")
    var json = false

    func run() throws {
      let first = try LabFile(path: a), second = try LabFile(path: b)
      let diff = LabDiff(
        a: first.experiment, results: first.snapshot?.cases, b: second.experiment, results: second.snapshot?.cases)
      if json {
        print(try JSONText.encode(DiffJSON(a: first, b: second, diff: diff)))
      } else {
        print(DiffText(a: first, b: second, diff: diff).lines.joined(separator: "\n"))
      }
    }
  }
}

/// A file `nnlab diff` compares: a snapshot (with its results) or an experiment.
struct LabFile {
  var path: String
  var experiment: Experiment
  /// The snapshot, when the file is one.
  var snapshot: Snapshot?

  var kind: String { snapshot == nil ? "experiment" : "snapshot" }

  /// Reads `path`: a JSON object naming nnlab as its generator is a snapshot, anything
  /// else an experiment (whose CSV file is read relative to it).
  /// - Throws: `LabReportError` (status 65) when it cannot be read or is not valid.
  init(path: String) throws(LabReportError) {
    self.path = path
    let name = SafeText.quoted(path, truncation: .middle)
    guard let data = FileManager.default.contents(atPath: path) else { throw .badExperiment("cannot read \(name)") }
    if (try? JSONTree(parsing: data))?["generator"] != nil {
      do {
        let snapshot = try Snapshot(json: data)
        self.snapshot = snapshot
        experiment = snapshot.experiment
      } catch {
        guard case .badSnapshot(let message) = error else { throw error }
        throw .badSnapshot("\(name): \(message)")
      }
      return
    }
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    do {
      experiment = try Experiment(json: data) { try PointTable.read($0, relativeTo: folder) }
    } catch {
      throw .badExperiment("\(name): \(error)")
    }
  }
}

/// `nnlab diff` as aligned plain text.
struct DiffText {
  var a: LabFile
  var b: LabFile
  var diff: LabDiff

  /// The longest value shown in a column; a longer one keeps its beginning and `…`.
  static let valueLimit = 40

  var lines: [String] {
    var lines = ["A: \(Self.shown(a.path)) (\(a.kind))", "B: \(Self.shown(b.path)) (\(b.kind))", ""]
    if diff.settings.isEmpty {
      lines.append("settings: the same")
    } else {
      lines.append("settings that differ:")
      lines += Self.table(
        [["", "A", "B"]]
          + diff.settings.map { setting in
            let key = setting.caseName.map { "case \"\(Self.shown($0))\": \(setting.key)" } ?? setting.key
            return [key, Self.value(setting.a), Self.value(setting.b)]
          })
    }
    for (side, names) in [("A", diff.onlyInA), ("B", diff.onlyInB)] where !names.isEmpty {
      lines.append("cases only in \(side): " + Self.caseList(names))
    }
    guard !diff.results.isEmpty else { return lines }
    lines += ["", "final results:"]
    var rows = [["", "loss train", "loss test", "accuracy train", "accuracy test", "diverged"]]
    for entry in diff.results {
      rows.append(["case \"\(Self.shown(entry.caseName))\""])
      for (side, outcome) in [("A", entry.a), ("B", entry.b)] {
        guard let outcome else {
          rows.append(["  \(side)", "-", "-", "-", "-", "-"])
          continue
        }
        let final = outcome.final
        rows.append(
          ["  \(side)"] + [final.lossTrain, final.lossTest, final.accuracyTrain, final.accuracyTest].map(Self.number)
            + [outcome.divergedAt.map { "at iteration \($0)" } ?? "no"])
      }
    }
    return lines + Self.table(rows)
  }

  /// Rows with each column padded to its widest cell, two spaces apart; a row of one cell

  /// The most cases named in a line of cases only in one file; a sweep has thousands.
  static let casesNamed = 10

  /// Up to `casesNamed` quoted names, then how many more there are.
  static func caseList(_ names: [String]) -> String {
    let quoted = names.prefix(casesNamed).map { "\"\(shown($0))\"" }.joined(separator: ", ")
    return names.count > casesNamed ? quoted + " and \(names.count - casesNamed) more" : quoted
  }
  /// is a heading, printed as it is and left out of the widths.
  static func table(_ rows: [[String]]) -> [String] {
    let cells = rows.filter { $0.count > 1 }
    let widths = (0..<(cells.first?.count ?? 0)).map { column in cells.map { $0[column].count }.max() ?? 0 }
    return rows.map { row in
      guard row.count > 1 else { return "  " + (row.first ?? "") }
      let cells = zip(row, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }
      return ("  " + cells.joined(separator: "  ")).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
    }
  }

  static func shown(_ text: String) -> String { SafeText.printable(text, limit: SafeText.quoteLimit) }

  static func value(_ value: JSONTree?) -> String {
    guard let value else { return "(none)" }
    return SafeText.printable(value.text, limit: valueLimit)
  }

  /// A result number in full precision, or `-` where it is not finite.
  static func number(_ value: Double?) -> String { value.map { JSONTree.number($0).text } ?? "-" }
}

/// `nnlab diff --json`: see the README for its shape.
struct DiffJSON: Encodable {
  var a: LabFile
  var b: LabFile
  var diff: LabDiff

  enum CodingKeys: String, CodingKey {
    case a, b, settings, results
    case onlyInA = "only_in_a"
    case onlyInB = "only_in_b"
    case sameSettings = "same_settings"
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(["file": a.path, "kind": a.kind], forKey: .a)
    try container.encode(["file": b.path, "kind": b.kind], forKey: .b)
    try container.encode(diff.sameSettings, forKey: .sameSettings)
    var settings = container.nestedUnkeyedContainer(forKey: .settings)
    for setting in diff.settings {
      var entry = settings.nestedContainer(keyedBy: JSONKey.self)
      try entry.encode(setting.caseName, forKey: "case")
      try entry.encode(setting.key, forKey: "setting")
      try entry.encodeIfPresent(setting.a, forKey: "a")
      try entry.encodeIfPresent(setting.b, forKey: "b")
    }
    try container.encode(diff.onlyInA, forKey: .onlyInA)
    try container.encode(diff.onlyInB, forKey: .onlyInB)
    var results = container.nestedUnkeyedContainer(forKey: .results)
    for entry in diff.results {
      var row = results.nestedContainer(keyedBy: JSONKey.self)
      try row.encode(entry.caseName, forKey: "case")
      for (key, outcome) in [("a", entry.a), ("b", entry.b)] {
        guard let outcome else {
          try row.encodeNil(forKey: JSONKey(stringValue: key))
          continue
        }
        var side = row.nestedContainer(keyedBy: JSONKey.self, forKey: JSONKey(stringValue: key))
        try side.encode(outcome.final.lossTrain, forKey: "loss_train")
        try side.encode(outcome.final.lossTest, forKey: "loss_test")
        try side.encode(outcome.final.accuracyTrain, forKey: "accuracy_train")
        try side.encode(outcome.final.accuracyTest, forKey: "accuracy_test")
        try side.encode(outcome.divergedAt, forKey: "diverged_at")
      }
    }
  }
}
