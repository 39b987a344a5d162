import Foundation
import Testing
import TestSupport

/// The committed example labs: each example file's report in `output/` is what nnlab makes
/// of it today.
@Suite struct ExampleLabTests {
  static let names = ["seed-lab", "playground"]

  static func example(_ name: String) -> URL { Repository.root.appendingPathComponent("examples/\(name).json") }
  static func committed(_ name: String) -> URL { Repository.root.appendingPathComponent("output/\(name)") }

  func nnlab(_ arguments: [String]) throws -> ProcessOutput {
    try runProcess(Repository.nnlab, arguments, environment: independentProcessEnvironment)
  }

  /// The snapshot archives the example file as it is: every key the file gives has the
  /// same value there (the snapshot adds the defaults). A changed example without a new
  /// report fails here.
  @Test(arguments: names)
  func theCommittedSnapshotHoldsTheExampleFile(_ name: String) throws {
    let example = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.example(name)))
    let snapshot = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: Self.committed(name).appendingPathComponent("snapshot.json")))
        as? [String: Any])
    let archived = try #require(snapshot["experiment"])
    #expect(mismatches(example, archived, at: "") == [])
    #expect((example as? [String: Any])?["name"] as? String == name)
  }

  /// The playground lab trained again in a fresh process gives the committed bytes.
  @Test func thePlaygroundLabTrainsToTheCommittedReport() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let output = try nnlab(["report", Self.example("playground").path, "--quiet", "--out", folder.path("report")])
    try #require(output.status == 0, "\(output.stderr)")
    #expect(differences(try folderFiles(Self.committed("playground")), try folder.files("report")) == [])
  }

  /// Each case shows its lesson in its final test accuracy: XOR fails without a hidden
  /// layer and is solved by the product feature; the circle by the squares; the spiral by
  /// depth (and sines); the noisy blobs with L2.
  @Test func eachPlaygroundCaseShowsItsLesson() throws {
    let snapshot = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: Self.committed("playground").appendingPathComponent("snapshot.json")))
        as? [String: Any])
    let cases = try #require(snapshot["cases"] as? [[String: Any]])
    let expected: [ClosedRange<Double>] = [0...0.6, 0.99...1, 0.95...1, 0.9...1, 0.9...1]
    try #require(cases.count == expected.count)
    for (index, (run, range)) in zip(cases, expected).enumerated() {
      let final = try #require(run["final"] as? [String: Double])
      let accuracy = try #require(final["accuracy_test"])
      #expect(range.contains(accuracy), "case \(index + 1): \(accuracy)")
    }
  }
}

/// Where `part` is not contained in `whole`: objects key by key (`whole` may have more
/// keys), lists element by element, anything else equal.
func mismatches(_ part: Any, _ whole: Any, at path: String) -> [String] {
  switch (part, whole) {
  case let (part as [String: Any], whole as [String: Any]):
    return part.keys.sorted().flatMap { key in
      whole[key].map { mismatches(part[key]!, $0, at: "\(path).\(key)") } ?? ["\(path).\(key) is missing"]
    }
  case let (part as [Any], whole as [Any]):
    guard part.count == whole.count else { return ["\(path) has \(whole.count) entries, not \(part.count)"] }
    return zip(part, whole).enumerated().flatMap { mismatches($1.0, $1.1, at: "\(path)[\($0)]") }
  case let (part as NSObject, whole as NSObject):
    return part == whole ? [] : ["\(path): \(whole), not \(part)"]
  default:
    return ["\(path) cannot be compared"]
  }
}
