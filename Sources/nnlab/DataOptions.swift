import ArgumentParser
import TinyNet

/// The data set's seed, shared by `train`, `step` and their random batch draws.
struct SeedOption: ParsableArguments {
  @Option(help: "Seed of numpy's random stream for the data set and the batches (0 to 4294967295).")
  var seed: Int = 317

  /// The seed as numpy accepts it.
  func validated() throws(CommandFailure) -> UInt32 {
    guard let seed = UInt32(exactly: seed) else {
      throw .usage("seed must be 0 to 4294967295, got \(self.seed)")
    }
    return seed
  }
}

extension Activation: ExpressibleByArgument {}
extension GradientMethod: ExpressibleByArgument {}
