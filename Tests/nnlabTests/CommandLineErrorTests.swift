import Testing
import TestSupport

/// Bad command lines: one line on stderr naming the value, exit status 64, nothing on stdout.
@Suite struct CommandLineErrorTests {
  struct Bad: Sendable, CustomStringConvertible {
    var arguments: [String]
    var mentions: String
    var description: String { arguments.joined(separator: " ") }
  }

  static let bad = [
    Bad(arguments: ["train", "--learning-rate", "0"], mentions: "learning-rate must be a finite number greater than 0, got 0.0"),
    Bad(arguments: ["train", "--learning-rate", "-1"], mentions: "learning-rate"),
    Bad(arguments: ["train", "--learning-rate", "nan"], mentions: "got nan"),
    Bad(arguments: ["train", "--learning-rate", "inf"], mentions: "got inf"),
    Bad(arguments: ["train", "--learning-rate", "fast"], mentions: "fast"),
    Bad(arguments: ["train", "--batch-size", "0"], mentions: "batch-size must be 1 to 10000000, got 0"),
    Bad(arguments: ["train", "--epochs=-3"], mentions: "epochs must be 1 to 10000000, got -3"),
    Bad(arguments: ["train", "--n-obs", "0"], mentions: "n-obs must be 1 to 10000000, got 0"),
    Bad(arguments: ["train", "--n-obs", "10000001"], mentions: "n-obs must be 1 to 10000000"),
    Bad(arguments: ["train", "--epochs", "200000"], mentions: "at most 10000000 are allowed"),
    Bad(arguments: ["train", "--epochs", "9223372036854775807", "--batch-size", "1"], mentions: "epochs must be 1 to 10000000"),
    Bad(arguments: ["train", "--activation", "softmax"], mentions: "softmax"),
    Bad(arguments: ["train", "--gradient", "symbolic"], mentions: "symbolic"),
    Bad(arguments: ["train", "--batch-norm"], mentions: "batch normalisation needs a batch of at least 2 points"),
    Bad(arguments: ["train", "--seed=-1"], mentions: "seed must be 0 to 4294967295, got -1"),
    Bad(arguments: ["train", "--seed", "4294967296"], mentions: "seed must be 0 to 4294967295"),
    Bad(arguments: ["train", "--colour"], mentions: "--colour"),
    Bad(arguments: ["step", "--learning-rate", "0"], mentions: "learning-rate must be a finite number greater than 0"),
    Bad(arguments: ["fly"], mentions: "fly"),
  ]

  @Test(arguments: bad)
  func badArgumentGivesOneLineAndStatus64(_ bad: Bad) throws {
    let output = try runProcess(Repository.nnlab, bad.arguments)
    #expect(output.status == 64)
    #expect(output.stdout.isEmpty)
    let lines = output.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(output.stderr)")
    #expect(output.stderr.hasPrefix("nnlab: error: "))
    #expect(output.stderr.contains(bad.mentions), "\(output.stderr)")
  }

  @Test func helpIsNotAnError() throws {
    let output = try runProcess(Repository.nnlab, ["train", "--help"])
    #expect(output.status == 0)
    #expect(output.stdout.contains("--learning-rate"))
  }
}
