import Foundation
import TinyNet

/// Two labs side by side: the settings that differ, experiment-wide and per case (cases
/// matched by name), and the final results of those that were run (snapshots).
public struct LabDiff: Sendable {
  /// One setting whose value differs, or that only one side has.
  public struct Setting: Sendable {
    /// The case it belongs to; nil for a setting of the whole experiment.
    public var caseName: String?
    /// Its key path in the experiment file, as `data.seed` or `learning_rate`.
    public var key: String
    /// Its value on each side; nil where that side has no such key.
    public var a: JSONTree?
    public var b: JSONTree?
  }

  /// How one case ended on each side that ran it.
  public struct CaseResults: Sendable {
    public var caseName: String
    /// The result on each side; nil when that side is an experiment or lacks the case.
    public var a: Outcome?
    public var b: Outcome?
  }

  /// A case's final losses and accuracies, and where it diverged.
  public struct Outcome: Sendable, Equatable {
    public var final: FinalMetrics
    public var divergedAt: Int?
  }

  /// The settings that differ: the experiment's first, then each case's, in order.
  public var settings: [Setting]
  /// Names of the cases only the first lab has, in its order.
  public var onlyInA: [String]
  /// Names of the cases only the second lab has, in its order.
  public var onlyInB: [String]
  /// Final results of every case either side ran: the first lab's cases in order, then
  /// the second's others. Empty when neither side is a snapshot.
  public var results: [CaseResults]

  /// Compares two experiments, each with its snapshot's results when it comes from one.
  public init(a: Experiment, results resultsA: [TrainingResult]?, b: Experiment, results resultsB: [TrainingResult]?) {
    let treeA = Self.tree(a), treeB = Self.tree(b)
    settings = Self.differences(treeA.removing("cases"), treeB.removing("cases"))
      .map { Setting(caseName: nil, key: $0.key, a: $0.a, b: $0.b) }
    let casesA = Self.caseSettings(treeA), casesB = Self.caseSettings(treeB)
    let namesA = a.cases.map(\.name), namesB = b.cases.map(\.name)
    for (index, name) in namesA.enumerated() {
      guard let other = namesB.firstIndex(of: name) else { continue }
      settings += Self.differences(casesA[index], casesB[other]).map {
        Setting(caseName: name, key: $0.key, a: $0.a, b: $0.b)
      }
    }
    onlyInA = namesA.filter { !namesB.contains($0) }
    onlyInB = namesB.filter { !namesA.contains($0) }
    func outcome(_ name: String, _ names: [String], _ results: [TrainingResult]?) -> Outcome? {
      guard let results, let index = names.firstIndex(of: name), results.indices.contains(index) else { return nil }
      return Outcome(final: results[index].final, divergedAt: results[index].divergedAt)
    }
    results =
      resultsA == nil && resultsB == nil
      ? []
      : (namesA + onlyInB).map { name in
        CaseResults(caseName: name, a: outcome(name, namesA, resultsA), b: outcome(name, namesB, resultsB))
      }
  }

  /// Whether the two labs have the same settings and cases.
  public var sameSettings: Bool { settings.isEmpty && onlyInA.isEmpty && onlyInB.isEmpty }

  private static func tree(_ experiment: Experiment) -> JSONTree {
    (try? JSONTree(parsing: experiment.json())) ?? .null
  }

  /// Each case's settings as they apply to it: its own keys, and the experiment's network
  /// and data where the case keeps them.
  private static func caseSettings(_ experiment: JSONTree) -> [JSONTree] {
    guard case .array(let cases) = experiment["cases"] ?? .null else { return [] }
    var inherited: [String: JSONTree] = [:]
    if case .object(let network) = experiment["network"] ?? .null { inherited.merge(network) { $1 } }
    inherited["data"] = experiment["data"]
    return cases.map { entry in
      guard case .object(var members) = entry else { return entry }
      members.merge(inherited) { own, _ in own }
      members["name"] = nil
      return .object(members)
    }
  }

  /// The settings whose values differ, by key path in sorted order. Objects with the same
  /// keys on both sides are compared member by member; anything else (a list of hidden
  /// widths, the parameters of two different networks) is one setting.
  private static func differences(_ a: JSONTree?, _ b: JSONTree?, prefix: String = "")
    -> [(key: String, a: JSONTree?, b: JSONTree?)]
  {
    if case .object(let left) = a, case .object(let right) = b, Set(left.keys) == Set(right.keys) {
      return left.keys.sorted().flatMap { key in
        differences(left[key], right[key], prefix: prefix.isEmpty ? key : "\(prefix).\(key)")
      }
    }
    if let a, let b, a.firstDifference(from: b) == nil { return [] }
    return [(prefix, a, b)]
  }
}
