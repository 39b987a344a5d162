import Foundation

/// Why an `xmllint` check could not run at all; a test that meets it fails.
public struct XMLLintUnavailable: Error, CustomStringConvertible {
  public var description: String
}

/// The `xmllint` executable on `searchPath` (a `PATH`-style list of folders).
///
/// Throws, and so fails the calling test, when there is none: a check that cannot run must
/// never pass quietly.
public func xmllintExecutable(
  searchPath: String = ProcessInfo.processInfo.environment["PATH"] ?? ""
) throws -> URL {
  for folder in searchPath.split(separator: ":") where !folder.isEmpty {
    let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("xmllint")
    if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
  }
  throw XMLLintUnavailable(
    description: "xmllint is not installed (no xmllint on PATH \(searchPath)), so the SVG files "
      + "cannot be checked: install the apt package libxml2-utils, or run "
      + "`scripts/install-prerequisites test`")
}

/// Runs `xmllint --noout` on `files`; returns its complaints, empty when all are valid XML.
///
/// Throws when xmllint is missing or when `files` is empty, so that the check can fail.
public func xmllintComplaints(_ files: [URL]) throws -> String {
  guard !files.isEmpty else {
    throw XMLLintUnavailable(description: "no files were given to xmllint: nothing would be checked")
  }
  let output = try runProcess(try xmllintExecutable(), ["--noout"] + files.map(\.path))
  return output.status == 0 && output.stderr.isEmpty ? "" : output.stderr + "(status \(output.status))"
}

/// Runs `xmllint --html --noout` on `file`; returns its complaints other than about HTML5
/// element names (its parser knows HTML 4), empty when the page parses cleanly.
public func htmlComplaints(_ file: URL) throws -> String {
  let output = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["xmllint", "--html", "--noout", file.path])
  return output.stderr.split(separator: "\n")
    .filter { $0.contains("parser error") && $0.range(of: #"Tag \w+ invalid"#, options: .regularExpression) == nil }
    .joined(separator: "\n")
}
