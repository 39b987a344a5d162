/// A run's parameters after a number of updates: iteration 0 is where it started.
public struct Checkpoint: Sendable, Equatable {
  /// The number of completed updates.
  public var iteration: Int
  public var parameters: Parameters

  public init(iteration: Int, parameters: Parameters) {
    self.iteration = iteration
    self.parameters = parameters
  }
}

extension Checkpoint {
  /// The most iterations an experiment may list.
  public static let maximumRequested = 50
  /// How many checkpoints the default plan puts between the first and the last.
  public static let defaultInnerCount = 8

  /// The iterations a run of `total` updates records: `requested` (or, without a list,
  /// `defaultIterations(total:)`) where they fall within the run, always with 0 and
  /// `total`, increasing and each once.
  public static func iterations(requested: [Int]?, total: Int) -> [Int] {
    let chosen = requested ?? defaultIterations(total: total)
    return Array(Set(chosen.filter { (0...total).contains($0) } + [0, total])).sorted()
  }

  /// 0, `total`, and up to `defaultInnerCount` iterations in between on a logarithmic
  /// scale, taken evenly from the round numbers 1, 2, 5, 10, 20, 50, … below `total`.
  public static func defaultIterations(total: Int) -> [Int] {
    var round: [Int] = []
    var decade = 1
    outer: while decade < total {
      for factor in [1, 2, 5] {
        let value = factor * decade
        guard value < total else { break outer }
        round.append(value)
      }
      guard decade <= Int.max / 10 else { break }
      decade *= 10
    }
    let inner: [Int]
    if round.count <= defaultInnerCount {
      inner = round
    } else {
      let last = Double(round.count - 1)
      inner = (0..<defaultInnerCount).map {
        round[Int((Double($0) * last / Double(defaultInnerCount - 1)).rounded())]
      }
    }
    return [0] + inner + (total > 0 ? [total] : [])
  }
}
