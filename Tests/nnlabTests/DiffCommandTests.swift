import Foundation
import Testing
import TestSupport

/// `nnlab diff` on real files: a snapshot against an edited experiment, two snapshots, and
/// files it cannot read.
@Suite struct DiffCommandTests {
  static let seedSnapshot = Repository.root.appendingPathComponent("output/seed-lab/snapshot.json").path
  static let playgroundSnapshot = Repository.root.appendingPathComponent("output/playground/snapshot.json").path

  /// The seed lab as an experiment file with one case's learning rate, the data seed and a
  /// case's name changed.
  static func editedSeedLab(in folder: TemporaryFolder) throws -> String {
    let text = try String(contentsOf: Repository.root.appendingPathComponent("examples/seed-lab.json"), encoding: .utf8)
    var object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    var data = try #require(object["data"] as? [String: Any])
    data["seed"] = 7
    object["data"] = data
    var cases = try #require(object["cases"] as? [[String: Any]])
    cases[1]["learning_rate"] = 0.5
    cases[3]["name"] = "renamed"
    object["cases"] = cases
    object["histograms"] = ["Case 3: mini-batch of 20"]
    return try folder.write(String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self), to: "lab.json")
  }

  @Test func aSnapshotAgainstAnEditedExperiment() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let lab = try Self.editedSeedLab(in: folder)
    let output = try runProcess(Repository.nnlab, ["diff", Self.seedSnapshot, lab])
    #expect(output.status == 0, "\(output.stderr)")
    let lines = output.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.prefix(3) == ["A: \(Self.seedSnapshot) (snapshot)", "B: \(lab) (experiment)", ""])
    #expect(lines.contains("cases only in A: \"Case 4: mini-batch of 20 with batch normalisation\""))
    #expect(lines.contains("cases only in B: \"renamed\""))
    let settings = lines.drop { $0 != "settings that differ:" }.dropFirst().prefix { !$0.hasPrefix("cases only") }
    #expect(settings.map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") } == [
      "A B",
      "data.seed 317 7",
      "histograms [\"Case 3: mini-batch of 20\", \"Case 4: m… [\"Case 3: mini-batch of 20\"]",
      "case \"Case 1: SGD, learning rate 0.01\": data.seed 317 7",
      "case \"Case 2: SGD, learning rate 0.3\": data.seed 317 7",
      "case \"Case 2: SGD, learning rate 0.3\": learning_rate 0.3 0.5",
      "case \"Case 3: mini-batch of 20\": data.seed 317 7",
    ])
    // Columns line up: every value of column B starts at the same place.
    let starts = Set(settings.dropFirst().map { line in line.range(of: "  ", options: .backwards).map { line.distance(from: line.startIndex, to: $0.upperBound) } })
    #expect(starts.count == 1)
    #expect(lines.contains("    A  0.5197420313149957   0.5528790327402596   0.81            0.75           no"))
    #expect(lines.contains("    B  -                    -                    -               -              -"))
  }

  @Test func jsonForTools() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let lab = try Self.editedSeedLab(in: folder)
    let output = try runProcess(Repository.nnlab, ["diff", lab, Self.seedSnapshot, "--json"])
    #expect(output.status == 0, "\(output.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    #expect(object["a"] as? [String: String] == ["file": lab, "kind": "experiment"])
    #expect(object["b"] as? [String: String] == ["file": Self.seedSnapshot, "kind": "snapshot"])
    #expect(object["same_settings"] as? Bool == false)
    #expect(object["only_in_a"] as? [String] == ["renamed"])
    let settings = try #require(object["settings"] as? [[String: Any]])
    let rate = try #require(settings.first { $0["setting"] as? String == "learning_rate" })
    #expect(rate["case"] as? String == "Case 2: SGD, learning rate 0.3")
    #expect(rate["a"] as? Double == 0.5 && rate["b"] as? Double == 0.3)
    #expect(settings.first { $0["case"] is NSNull }?["setting"] as? String == "data.seed")
    let results = try #require(object["results"] as? [[String: Any]])
    #expect(results.map { $0["case"] as? String } == [
      "Case 1: SGD, learning rate 0.01", "Case 2: SGD, learning rate 0.3", "Case 3: mini-batch of 20", "renamed",
      "Case 4: mini-batch of 20 with batch normalisation",
    ])
    #expect(results[0]["a"] is NSNull)
    let first = try #require(results[0]["b"] as? [String: Any])
    #expect(first["loss_train"] as? Double == 0.5197420313149957)
    #expect(first["accuracy_test"] as? Double == 0.75)
    #expect(first["diverged_at"] is NSNull)
  }

  @Test func aSnapshotAgainstItselfIsTheSame() throws {
    let output = try runProcess(Repository.nnlab, ["diff", Self.playgroundSnapshot, Self.playgroundSnapshot])
    #expect(output.status == 0)
    #expect(output.stdout.contains("\nsettings: the same\n\nfinal results:\n"))
    #expect(!output.stdout.contains("only in"))
    #expect(output.stdout.contains("  case \"Spiral with two hidden layers of 8\"\n    A  0.09662405383264268"))
  }

  @Test func unreadableOrBadFilesGive65() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let bad = try folder.write(#"{"name": "x"}"#, to: "bad.json")
    let text = try String(contentsOf: URL(fileURLWithPath: Self.seedSnapshot), encoding: .utf8)
    let damaged = try folder.write(text.replacingOccurrences(of: "0.5197420313149957", with: "0.5197420313"), to: "damaged.json")
    for (file, message) in [
      (folder.path("none.json"), "bad experiment: cannot read"), (bad, "bad experiment: "),
      (damaged, "bad snapshot: "),
    ] {
      let output = try runProcess(Repository.nnlab, ["diff", Self.seedSnapshot, file])
      #expect(output.status == 65)
      #expect(output.stdout.isEmpty)
      #expect(output.stderr.hasPrefix("nnlab: error: \(message)"), "\(output.stderr)")
    }
  }
}
