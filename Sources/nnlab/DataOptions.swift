import ArgumentParser
import DataFiles
import Foundation
import SafeText
import TinyNet

/// Which points to learn from: shared by `data` and `train`.
struct DataOptions: ParsableArguments {
  @Option(help: "The data set: \(DataKind.allCases.map(\.rawValue).joined(separator: ", ")).")
  var data: DataKind?

  @Option(parsing: .unconditional, help: "Seed of numpy's random stream for the data set and the batches (0 to 4294967295).")
  var seed: Int = 317

  @Option(parsing: .unconditional, help: "Training points of a generated data set (1 to \(DataSpec.maximumCount); default 100).")
  var nObs: Int?

  @Option(parsing: .unconditional, help: "Test points of a generated data set (default: n-obs).")
  var nTest: Int?

  @Option(parsing: .unconditional, help: "Noise of a Playground data set, 0 to 0.5 (the parabola has none).")
  var noise: Double = 0

  @Option(help: "A CSV file with the header x1,x2,label and optionally set (implies --data csv).")
  var csv: String?

  @Option(parsing: .unconditional, help: "The share of a CSV file's rows drawn for the test set when it has no set column.")
  var testFraction: Double = 0.5

  /// The seed as numpy accepts it.
  func validatedSeed() throws(CommandFailure) -> UInt32 {
    guard let seed = UInt32(exactly: seed) else {
      throw .usage("seed must be 0 to 4294967295, got \(self.seed)")
    }
    return seed
  }

  /// The data settings, checked, with a CSV file read.
  /// - Throws: `CommandFailure` with status 64 for a bad value, 65 for a bad file.
  func spec() throws(CommandFailure) -> DataSpec {
    let kind = data ?? (csv == nil ? .parabola : .csv)
    var table: PointTable?
    if kind == .csv {
      guard let csv else { throw .usage("--data csv needs --csv FILE") }
      guard nObs == nil, nTest == nil else {
        throw .usage("--n-obs and --n-test apply to generated data sets; a CSV file gives its own points")
      }
      do {
        table = try PointTable.read(csv, relativeTo: nil)
      } catch {
        throw CommandFailure(message: error.description, status: 65)
      }
    } else if csv != nil {
      throw .usage("--csv gives the points of the data set 'csv', not of \(SafeText.quoted(kind.rawValue))")
    }
    let spec = DataSpec(
      kind: kind, seed: try validatedSeed(), trainCount: nObs ?? 100, testCount: nTest, noise: noise, table: table,
      testFraction: testFraction)
    do {
      try spec.validate()
    } catch {
      switch error {
      case .emptySet, .tooManyRows, .tooManyPoints:
        // The file's rows cannot be used: a bad file, named as its other errors name it.
        throw CommandFailure(message: "\(SafeText.quoted(csv ?? "")): \(error.description)", status: 65)
      default:
        // A value given on the command line (noise, test fraction), whatever the file.
        throw .usage(error.description)
      }
    }
    return spec
  }
}

/// The network's shape and starting parameters, for `train`.
struct NetworkOptionsGroup: ParsableArguments {
  @Option(parsing: .unconditional, help: "Hidden layer widths, comma-separated (1 to 16 units, at most 6 layers), or none.")
  var hidden: String = "3"

  @Option(help: "Network inputs, comma-separated: \(Feature.allCases.map(\.rawValue).joined(separator: ", ")).")
  var features: String = "x1,x2"

  @Option(help: "notebook (the notebook's parameters for 2-3-1 on x1, x2; random otherwise) or random.")
  var `init`: Initialization = .notebook

  @Option(parsing: .unconditional, help: "Seed of the stream that draws random initial weights (default: the data seed).")
  var initSeed: Int?

  /// The network, checked.
  func spec(dataSeed: UInt32) throws(CommandFailure) -> NetworkSpec {
    let widths: [Int]
    if hidden == "none" {
      widths = []
    } else {
      var parsed: [Int] = []
      for part in hidden.split(separator: ",", omittingEmptySubsequences: false) {
        guard let width = Int(part.trimmingCharacters(in: .whitespaces)) else {
          throw .usage("hidden must list widths such as 8,8 or be none, got \(SafeText.quoted(hidden))")
        }
        parsed.append(width)
      }
      widths = parsed
    }
    var inputs: [Feature] = []
    for name in features.split(separator: ",", omittingEmptySubsequences: false) {
      guard let feature = Feature(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
        let allowed = Feature.allCases.map(\.rawValue).joined(separator: ", ")
        throw .usage("features must be chosen from \(allowed), got \(SafeText.quoted(String(name)))")
      }
      inputs.append(feature)
    }
    let shape: NetworkShape
    do {
      shape = try NetworkShape(features: inputs, hidden: widths)
    } catch {
      throw .usage(error.description)
    }
    let seed = initSeed ?? Int(dataSeed)
    guard let initSeed = UInt32(exactly: seed) else {
      throw .usage("init-seed must be 0 to 4294967295, got \(seed)")
    }
    return NetworkSpec(shape: shape, initialization: self.`init`, initSeed: initSeed)
  }
}

extension Activation: ExpressibleByArgument {}
extension GradientMethod: ExpressibleByArgument {}
extension DataKind: ExpressibleByArgument {}
extension Initialization: ExpressibleByArgument {}
extension Regularization.Kind: ExpressibleByArgument {}
