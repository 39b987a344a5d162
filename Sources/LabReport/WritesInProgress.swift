import Foundation
import Synchronization

/// The temporary folders of the report writes in progress in this process.
///
/// Every step of a write that creates, fills, swaps or removes a temporary folder runs while
/// holding one lock, so that whatever stops the process later can take the same lock and
/// land between two steps: never inside a file, and never between the two renames of the
/// fallback swap.
enum WritesInProgress {
  /// The paths to remove if the process stops now.
  private static let folders = Mutex<Set<String>>([])

  /// Runs `body` as one step that a stop cannot split. `body` records in its argument the
  /// folders it creates and forgets those it removes or moves into place.
  static func step<Result: Sendable, Failure: Error>(
    _ body: (inout Set<String>) throws(Failure) -> Result
  ) throws(Failure) -> Result {
    try folders.withLock { (folders: inout Set<String>) throws(Failure) -> Result in
      try body(&folders)
    }
  }
}
