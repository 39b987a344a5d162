import ArgumentParser
import Foundation
import LabReport
import SafeText

extension NNLab {
  /// `nnlab verify`: train a snapshot's experiment again and compare every recorded number.
  struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Train a snapshot's experiment again and check that every recorded number comes out bit for bit the same.",
      discussion:
        "Compares the single update, every case's loss histories, parameters, final losses and accuracies and where it diverged, and anything else the snapshot records. Prints 'verified: N cases, M numbers identical', or the first value that differs with both numbers in full precision. Exit status: 0 identical, 1 different, 65 an unreadable or damaged snapshot."
    )

    @Argument(help: "A snapshot.json written by nnlab report.")
    var snapshot: String

    func run() throws {
      let recorded = try Snapshot(json: try readSnapshot(snapshot), trainingSweepAgain: false)
      let comparison = try recorded.compared(with: recorded.retrained())
      if let difference = comparison.difference {
        print(difference)
        throw ExitCode.failure
      }
      print("verified: \(recorded.experiment.cases.count) cases, \(comparison.numbersCompared) numbers identical")
    }
  }
}

/// The bytes of the snapshot file at `path`.
/// - Throws: `LabReportError.badSnapshot` when it cannot be read.
func readSnapshot(_ path: String) throws(LabReportError) -> Data {
  guard let data = FileManager.default.contents(atPath: path) else {
    throw .badSnapshot("cannot read \(SafeText.quoted(path, truncation: .middle))")
  }
  return data
}
