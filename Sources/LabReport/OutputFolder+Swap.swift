import CRename
import Foundation

extension OutputFolder {
  /// Puts the complete report in `staging` at `url` in one step, so that at no moment is
  /// there no report at `url`: an exchange with an earlier report (`renameat2` with
  /// `RENAME_EXCHANGE`), or a rename that refuses to replace anything (`RENAME_NOREPLACE`).
  ///
  /// Runs as one step of `WritesInProgress`, and updates `folders` to what a stop must remove.
  /// - Returns: the temporary folder that now holds the earlier report, or nil.
  func swap(_ staging: URL, retired: URL, folders: inout Set<String>) throws(LabReportError) -> URL? {
    // Another program may make or remove the target meanwhile; look again, a few times.
    for _ in 0..<3 {
      if !Self.entryExists(url.path) {
        if nnlab_rename_noreplace(staging.path, url.path) == 0 {
          folders.remove(staging.path)
          return nil
        }
        switch errno {
        case EEXIST:
          continue
        case EINVAL, ENOSYS:
          // No renameat2 flags on this file system: a plain rename, which can replace at
          // most an empty folder.
          guard rename(staging.path, url.path) == 0 else { throw cannotMove(errno) }
          folders.remove(staging.path)
          return nil
        default:
          throw cannotMove(errno)
        }
      }
      try checkTarget()
      if nnlab_rename_exchange(staging.path, url.path) == 0 {
        // `staging` now holds the earlier report, still to be removed.
        return staging
      }
      switch errno {
      case ENOENT:
        continue
      case EINVAL, ENOSYS:
        return try swapInTwoRenames(staging, retired: retired, folders: &folders)
      default:
        throw cannotMove(errno)
      }
    }
    throw .cannotWrite("cannot move the new report into \(url.path): another program keeps changing it")
  }

  /// The swap for file systems that cannot exchange two folders (EINVAL): the earlier report
  /// is renamed aside, then the new one into place. A stop cannot land between the two, as
  /// both happen in one step; a run killed between them leaves the earlier report aside,
  /// and the next run puts it back (`removeLeftovers`).
  func swapInTwoRenames(
    _ staging: URL, retired: URL, folders: inout Set<String>
  ) throws(LabReportError) -> URL {
    guard rename(url.path, retired.path) == 0 else { throw cannotMove(errno) }
    guard rename(staging.path, url.path) == 0 else {
      let failure = errno
      if !Self.entryExists(url.path) { rename(retired.path, url.path) }
      throw cannotMove(failure)
    }
    folders.remove(staging.path)
    folders.insert(retired.path)
    return retired
  }

  private func cannotMove(_ code: Int32) -> LabReportError {
    .cannotWrite("cannot move the new report into \(url.path) (\(String(cString: strerror(code))))")
  }

  /// Whether anything, even a dangling symbolic link, is at `path`.
  static func entryExists(_ path: String) -> Bool {
    var status = stat()
    return lstat(path, &status) == 0
  }
}
