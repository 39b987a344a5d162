import Foundation

/// A fresh folder under the system's temporary folder, removed by `remove()`.
public struct TemporaryFolder: Sendable {
  public let url: URL

  public init(_ name: String = "nnlab-test") throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  public func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

  /// Writes `text` to `relative` and returns its path.
  @discardableResult
  public func write(_ text: String, to relative: String) throws -> String {
    let file = url.appendingPathComponent(relative)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: file)
    return file.path
  }

  /// Every file below the folder (relative paths, sorted) with its contents.
  public func files(_ relative: String) throws -> [String: Data] {
    try folderFiles(url.appendingPathComponent(relative))
  }

  public func remove() { try? FileManager.default.removeItem(at: url) }
}

/// A folder a test expected is missing.
public struct MissingFolder: Error, CustomStringConvertible {
  public var path: String
  public var description: String { "\(path) is not a folder" }
}

/// Every regular file below `folder`, keyed by its path relative to `folder`.
///
/// Throws when `folder` is missing: two missing folders must not compare equal.
public func folderFiles(_ folder: URL) throws -> [String: Data] {
  var files: [String: Data] = [:]
  let base = folder.resolvingSymlinksInPath().path
  var isFolder: ObjCBool = false
  guard FileManager.default.fileExists(atPath: base, isDirectory: &isFolder), isFolder.boolValue,
    let enumerator = FileManager.default.enumerator(atPath: base)
  else { throw MissingFolder(path: base) }
  for case let path as String in enumerator {
    var isFolder: ObjCBool = false
    let full = base + "/" + path
    if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
      files[path] = try Data(contentsOf: URL(fileURLWithPath: full))
    }
  }
  return files
}
