extension LabeledPoints {
  /// The indices of at most `limit` points spread evenly through the set, increasing:
  /// every index when the set has no more than `limit` points, else `i · count / limit`
  /// (rounded down) for each `i` below `limit`.
  ///
  /// No random numbers: the same points on every run, and in the proportions of the set's
  /// own order, so a generated set's blocks of classes and a file's rows keep their shares.
  /// - Precondition: `limit` is at least 1.
  public func evenlySpacedIndices(limit: Int) -> [Int] {
    precondition(limit >= 1, "a sample holds at least one point")
    guard count > limit else { return Array(0..<count) }
    return (0..<limit).map { $0 * count / limit }
  }
}
