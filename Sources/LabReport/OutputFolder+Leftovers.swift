import Foundation

extension OutputFolder {
  /// Cleans up after runs that were killed or lost power in `parent`: removes their
  /// temporary folders, and puts back an earlier report that a run set aside and never
  /// replaced (stopped between the two renames of the fallback swap).
  ///
  /// Under the folder lock every temporary folder is a leftover, since only the holder of
  /// the lock makes them. Without the lock, only those of processes that no longer exist.
  static func removeLeftovers(in parent: URL, lockHeld: Bool) {
    let fileManager = FileManager.default
    guard let names = try? fileManager.contentsOfDirectory(atPath: parent.path) else { return }
    for name in names.sorted() {
      guard let leftover = TemporaryFolderName(name) else { continue }
      if !lockHeld {
        let running = leftover.processID == getpid() || kill(leftover.processID, 0) == 0 || errno != ESRCH
        if running { continue }
      }
      let path = parent.appendingPathComponent(name).path
      let target = parent.appendingPathComponent(leftover.target).path
      if leftover.kind == .old, !entryExists(target), rename(path, target) == 0 { continue }
      try? fileManager.removeItem(atPath: path)
    }
  }
}
