import ArgumentParser
import Foundation
import LabReport
import SafeText

/// The `nnlab` command: trains the seed notebook's 2-3-1 network and writes lab reports.
@main
struct NNLab: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "nnlab",
    abstract: "Train small neural networks on toy data sets and turn the runs into reproducible lab reports.",
    discussion:
      "Exit status: 0 success, 64 bad command line, 65 bad experiment or snapshot file, 73 the output cannot be written, 1 anything else.",
    version: LabReport.version,
    subcommands: [DataSet.self, Train.self, Step.self, Report.self, Render.self, Verify.self, Diff.self]
  )

  /// Runs a command and turns every failure into one line on stderr and its exit status.
  static func main() {
    Interruption.install()
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let outcome as ExitCode {
      // A command that printed its outcome and chose its status (verify: 1 for different).
      Foundation.exit(outcome.rawValue)
    } catch let failure as CommandFailure {
      fail(failure.message, status: failure.status)
    } catch let error as LabReportError {
      fail(error.description, status: error.exitStatus)
    } catch {
      let status = exitCode(for: error)
      if status == .success { exit(withError: error) }
      fail(message(for: error), status: status.rawValue)
    }
  }

  /// Prints `message` as one bounded line on stderr and exits with `status`.
  ///
  /// Messages quote user text through `SafeText.quoted` already; this is the defence for
  /// those that do not, such as swift-argument-parser's, which echo a bad value whole:
  /// line breaks become spaces, control characters escapes, and a line longer than
  /// `SafeText.lineLimit` scalars keeps its beginning and its end (where a message says
  /// what is allowed) around `…`.
  private static func fail(_ message: String, status: Int32) -> Never {
    let joined = message.split(whereSeparator: \.isNewline).joined(separator: " ")
    let line = SafeText.printable(joined, limit: SafeText.lineLimit, truncation: .middle)
    FileHandle.standardError.write(Data("nnlab: error: \(line)\n".utf8))
    Foundation.exit(status)
  }
}

/// A failure with the exit status DESIGN.md documents for its kind.
struct CommandFailure: Error {
  var message: String
  var status: Int32

  /// 64: a bad command-line value.
  static func usage(_ message: String) -> CommandFailure { .init(message: message, status: 64) }
}
