import Foundation

/// A command-line tool a test needs is not installed; the test that meets it fails.
public struct ToolUnavailable: Error, CustomStringConvertible {
  public var description: String
}

/// The executable `name` on `PATH`, or a failure naming the apt package that provides it.
public func toolExecutable(_ name: String, package: String) throws -> URL {
  let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? ""
  for folder in searchPath.split(separator: ":") where !folder.isEmpty {
    let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
    if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
  }
  throw ToolUnavailable(
    description: "\(name) is not installed: install the apt package \(package), or run "
      + "`scripts/install-prerequisites test`")
}

/// The text `pdftotext` (poppler-utils) reads from a PDF file.
public func pdfText(_ file: URL) throws -> String {
  let output = try runProcess(try toolExecutable("pdftotext", package: "poppler-utils"), [file.path, "-"])
  guard output.status == 0 else { throw ToolUnavailable(description: "pdftotext failed: \(output.stderr)") }
  return output.stdout
}

/// What `pdfinfo` (poppler-utils) says of a PDF file, one value per field name; a file
/// that is not a valid PDF throws.
public func pdfInfo(_ file: URL) throws -> [String: String] {
  let output = try runProcess(try toolExecutable("pdfinfo", package: "poppler-utils"), [file.path])
  guard output.status == 0, output.stderr.isEmpty else {
    throw ToolUnavailable(description: "pdfinfo refuses \(file.path): \(output.stderr)")
  }
  var fields: [String: String] = [:]
  for line in output.stdout.split(separator: "\n") {
    guard let colon = line.firstIndex(of: ":") else { continue }
    fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
  }
  return fields
}

/// The width and height in a PNG's IHDR chunk, or nil when `data` is not a PNG.
public func pngSize(_ data: Data) -> (width: Int, height: Int)? {
  let bytes = [UInt8](data.prefix(24))
  let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
  guard bytes.count == 24, Array(bytes[0..<8]) == signature, Array(bytes[12..<16]) == Array("IHDR".utf8) else {
    return nil
  }
  let number = { (start: Int) in bytes[start..<start + 4].reduce(0) { $0 << 8 | Int($1) } }
  return (number(16), number(20))
}
