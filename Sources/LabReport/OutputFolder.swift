import Foundation

/// Writes a report folder atomically: all files go to a temporary sibling folder, which
/// replaces the target in one step when complete.
///
/// An existing target is replaced only if nnlab made it (it holds the marker file
/// `.nnlab-report`) or it is empty; any failure leaves the earlier folder as it was. One
/// nnlab at a time writes into a parent folder; the next one waits for it, then first cleans
/// up what killed runs left there. An interrupted write removes its temporary folder (see
/// `abandonWrites(then:)`).
public struct OutputFolder: Sendable {
  /// The marker file that tells a report folder nnlab made.
  public static let markerName = ".nnlab-report"
  static let markerContents = Data("This folder was written by nnlab and is replaced when the report is rendered again.\n".utf8)

  public let url: URL

  /// How long a write waits for another nnlab writing into the same parent folder.
  var lockWait: Duration = .seconds(30)

  public init(_ url: URL) {
    self.url = url.standardizedFileURL
  }

  /// Writes `files` (paths relative to the folder, with `/` between folders) and the marker,
  /// and `archive`, if given, to `archiveURL`: staged beside it and renamed into place
  /// right after the folder, so that a failure leaves no half-written zip either.
  public func write(_ files: [String: Data], archive: Data? = nil) throws(LabReportError) {
    let fileManager = FileManager.default
    let parent = url.deletingLastPathComponent()
    try checkTarget()
    if archive != nil { try checkArchiveTarget() }
    do {
      try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
    } catch {
      throw .cannotWrite("cannot create \(parent.path)")
    }
    let lock = try FolderLock(parent, waitingUpTo: lockWait)
    Self.removeLeftovers(in: parent, lockHeld: lock.isHeld)
    // Again, now that no other nnlab changes the folder: the one we waited for may have
    // written it, or someone else may have put files there meanwhile.
    try checkTarget()
    let token = UInt32.random(in: 0...UInt32.max)
    let name = { (kind: TemporaryFolderName.Kind) in
      TemporaryFolderName(target: url.lastPathComponent, kind: kind, processID: getpid(), token: token).name
    }
    let staging = parent.appendingPathComponent(name(.new))
    let retired = parent.appendingPathComponent(name(.old))
    let stagedArchive = parent.appendingPathComponent(
      TemporaryFolderName(target: archiveURL.lastPathComponent, kind: .new, processID: getpid(), token: token).name)
    let earlier: URL?
    do {
      try WritesInProgress.step { folders throws(LabReportError) in
        folders.insert(staging.path)
        try Self.attempt(in: parent) { try fileManager.createDirectory(at: staging, withIntermediateDirectories: false) }
      }
      for (path, contents) in files.sorted(by: { $0.key < $1.key }) {
        let file = try Self.resolve(path, in: staging)
        try WritesInProgress.step { _ throws(LabReportError) in
          try Self.attempt(in: parent) {
            try fileManager.createDirectory(
              at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: file)
          }
        }
      }
      try WritesInProgress.step { _ throws(LabReportError) in
        try Self.attempt(in: parent) {
          try Self.markerContents.write(to: staging.appendingPathComponent(Self.markerName))
        }
      }
      if let archive { try stageArchive(archive, at: stagedArchive) }
      earlier = try WritesInProgress.step { folders throws(LabReportError) in
        try swap(staging, retired: retired, folders: &folders)
      }
    } catch {
      WritesInProgress.step { folders in
        try? fileManager.removeItem(at: staging)
        folders.remove(staging.path)
        if archive != nil {
          try? fileManager.removeItem(at: stagedArchive)
          folders.remove(stagedArchive.path)
        }
      }
      throw error
    }
    if let earlier {
      WritesInProgress.step { folders in
        try? fileManager.removeItem(at: earlier)
        folders.remove(earlier.path)
      }
    }
    if archive != nil { try placeArchive(from: stagedArchive) }
    // Held until the earlier report is gone, so the next writer finds no temporary folder.
    _ = consume lock
  }

  /// Refuses a target that is a file, or a non-empty folder that nnlab did not make.
  public func checkTarget() throws(LabReportError) {
    let fileManager = FileManager.default
    var isFolder: ObjCBool = false
    guard fileManager.fileExists(atPath: url.path, isDirectory: &isFolder) else { return }
    guard isFolder.boolValue else {
      throw .cannotWrite("\(url.path) exists and is not a folder")
    }
    let contents = (try? fileManager.contentsOfDirectory(atPath: url.path)) ?? []
    guard contents.isEmpty || contents.contains(Self.markerName) else {
      throw .cannotWrite(
        "\(url.path) exists and was not made by nnlab; choose another --out or remove it")
    }
  }

  /// The file for a relative report path, refusing anything that would leave the folder.
  static func resolve(_ path: String, in folder: URL) throws(LabReportError) -> URL {
    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
    guard !parts.isEmpty,
      parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\\") })
    else {
      throw .cannotWrite("refusing the file name '\(path)'")
    }
    return parts.reduce(folder) { $0.appendingPathComponent(String($1)) }
  }

  /// Runs `body`, turning its failure into a one-line error about `parent`.
  private static func attempt(in parent: URL, _ body: () throws -> Void) throws(LabReportError) {
    do {
      try body()
    } catch {
      throw .cannotWrite("cannot write into \(parent.path) (\(reason(error)))")
    }
  }

  static func reason(_ error: any Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
      return String(cString: strerror(Int32(underlying.code)))
    }
    return nsError.localizedDescription
  }
}
