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
    Bad(arguments: ["train", "--n-obs", "0"], mentions: "n-obs must be 1 to 1000000, got 0"),
    Bad(arguments: ["train", "--n-obs", "1000001"], mentions: "n-obs must be 1 to 1000000"),
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

/// Whatever a user passes, an error is one short line with no raw control characters.
@Suite struct BoundedErrorLineTests {
  @Test func anEnormousValueGivesOneShortLine() throws {
    // Linux refuses a single argument over 128 KiB (MAX_ARG_STRLEN), so this is the
    // largest value a command line can carry.
    let output = try runProcess(Repository.nnlab, ["train", "--activation", String(repeating: "x", count: 131_000)])
    #expect(output.status == 64)
    #expect(output.stdout.isEmpty)
    #expect(output.stderr.utf8.count < 500, "\(output.stderr.utf8.count) bytes")
    #expect(output.stderr.split(separator: "\n").count == 1)
    #expect(output.stderr.hasPrefix("nnlab: error: The value 'xxx"))
    #expect(output.stderr.contains("…"))
    // The end of the message, which says what is allowed, survives.
    #expect(output.stderr.hasSuffix("'relu', 'tanh', 'sigmoid' or 'linear'.\n"), "\(output.stderr)")
  }

  @Test func anEnormousValueInAnExperimentFileGivesOneShortLine() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let activation = String(repeating: "x", count: 1_000_000)
    let file = try folder.write(
      #"{"name": "big", "title": "Big", "cases": [{"name": "one", "activation": "\#(activation)"}]}"#,
      to: "big.json")
    let output = try runProcess(Repository.nnlab, ["report", file, "--out", folder.path("report")])
    #expect(output.status == 65)
    #expect(output.stderr.utf8.count < 500, "\(output.stderr.utf8.count) bytes")
    #expect(output.stderr.split(separator: "\n").count == 1)
    #expect(output.stderr.hasPrefix("nnlab: error: bad experiment: "))
  }

  @Test func escapeSequencesInAValueAreShownNotSent() throws {
    let output = try runProcess(Repository.nnlab, ["train", "--activation", "relu\u{1B}[2J\u{1B}]0;title\u{7}\u{9B}1m"])
    #expect(output.status == 64)
    #expect(output.stderr.contains(#"relu\u{1B}[2J\u{1B}]0;title\u{7}\u{9B}1m"#), "\(output.stderr)")
    #expect(!output.stderr.unicodeScalars.contains { $0 != "\n" && ($0.value < 0x20 || (0x7F...0x9F).contains($0.value)) })
  }
}
