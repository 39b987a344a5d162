import Foundation
import ZIPFoundation

/// A report as one zip file, the same bytes for the same files on every run and machine.
enum ReportArchive {
  /// The modification time of every entry: 2000-01-01 00:00 (ZIP stores it without a
  /// time zone; ZIPFoundation reads it in UTC).
  static let modificationDate = Date(timeIntervalSince1970: 946_684_800)

  /// The permissions of every entry: rw-r--r--.
  static let permissions: UInt16 = 0o644

  /// `files` (paths relative to the report folder) as a zip in memory, each entry under
  /// `folderName/`, sorted by path and deflated, with fixed dates and permissions.
  static func zip(_ files: [String: Data], folderName: String) throws(LabReportError) -> Data {
    let archive: Archive
    do {
      archive = try Archive(data: Data(), accessMode: .create)
      for (path, contents) in files.sorted(by: { $0.key < $1.key }) {
        try archive.addEntry(
          with: "\(folderName)/\(path)", type: .file, uncompressedSize: Int64(contents.count),
          modificationDate: modificationDate, permissions: permissions, compressionMethod: .deflate
        ) { position, size in
          contents.subdata(in: Int(position)..<Int(position) + size)
        }
      }
    } catch {
      throw .cannotWrite("cannot make the zip archive (\(error))")
    }
    guard let data = archive.data else { throw .cannotWrite("the zip archive has no data") }
    return data
  }
}
