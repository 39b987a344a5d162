import Foundation

extension OutputFolder {
  /// The zip file beside the folder: `<folder name>.zip`.
  public var archiveURL: URL {
    url.deletingLastPathComponent().appendingPathComponent(url.lastPathComponent + ".zip")
  }

  /// Refuses an archive target that is a folder (a file there is replaced).
  func checkArchiveTarget() throws(LabReportError) {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: archiveURL.path, isDirectory: &isFolder), isFolder.boolValue {
      throw .cannotWrite("\(archiveURL.path) exists and is a folder, not a zip file")
    }
  }

  /// Writes `archive` to the hidden file `staged` beside the target, as one step of
  /// `WritesInProgress` that records it for removal if the process stops.
  func stageArchive(_ archive: Data, at staged: URL) throws(LabReportError) {
    try WritesInProgress.step { files throws(LabReportError) in
      files.insert(staged.path)
      do {
        try archive.write(to: staged)
      } catch {
        throw .cannotWrite("cannot write \(staged.path) (\(Self.reason(error)))")
      }
    }
  }

  /// Renames the staged archive to `archiveURL` in one step, replacing an earlier one; on
  /// failure the staged file is removed and the earlier archive stays as it was.
  func placeArchive(from staged: URL) throws(LabReportError) {
    try WritesInProgress.step { files throws(LabReportError) in
      guard rename(staged.path, archiveURL.path) == 0 else {
        let failure = errno
        try? FileManager.default.removeItem(at: staged)
        files.remove(staged.path)
        throw .cannotWrite("cannot move the zip into \(archiveURL.path) (\(String(cString: strerror(failure))))")
      }
      files.remove(staged.path)
    }
  }
}
