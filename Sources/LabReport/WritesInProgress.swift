import Foundation

/// The temporary folders of the report writes in progress in this process.
///
/// Every step of a write that creates, fills, swaps or removes a temporary folder runs while
/// holding one lock, and `abandon(then:)` takes the same lock to remove the folders and end
/// the process. A stop therefore lands between two steps: never inside a file, and never
/// between the two renames of the fallback swap.
enum WritesInProgress {
  /// The paths to remove if the process stops now.
  private static let folders = Locked<Set<String>>([])

  /// Runs `body` as one step that a stop cannot split. `body` records in its argument the
  /// folders it creates and forgets those it removes or moves into place.
  static func step<Result: Sendable, Failure: Error>(
    _ body: (inout Set<String>) throws(Failure) -> Result
  ) throws(Failure) -> Result {
    try folders.withLock { (folders: inout Set<String>) throws(Failure) -> Result in
      try body(&folders)
    }
  }

  /// Removes the temporary folders of every write in progress and calls `end` without ever
  /// letting those writes take another step.
  static func abandon(then end: () -> Never) -> Never {
    folders.withLock { folders -> Never in
      for path in folders.sorted() { try? FileManager.default.removeItem(atPath: path) }
      end()
    }
  }
}

extension OutputFolder {
  /// Removes the temporary folders of the reports this process is writing, then calls `end`,
  /// which must end the process; the writes never continue and no report is swapped into
  /// place meanwhile. For an interruption: call it from a thread that is not writing.
  ///
  /// A write that has already swapped its report into place is complete; only the earlier
  /// report it set aside is removed.
  public static func abandonWrites(then end: () -> Never) -> Never {
    WritesInProgress.abandon(then: end)
  }
}
