import Foundation

/// Runs `xmllint --noout` on `files`; returns its complaints, empty when all are valid XML.
public func xmllintComplaints(_ files: [URL]) throws -> String {
  guard !files.isEmpty else { return "" }
  let output = try runProcess(
    URL(fileURLWithPath: "/usr/bin/env"), ["xmllint", "--noout"] + files.map(\.path))
  return output.status == 0 ? "" : output.stderr + "(status \(output.status))"
}

/// Runs `xmllint --html --noout` on `file`; returns its complaints other than about HTML5
/// element names (its parser knows HTML 4), empty when the page parses cleanly.
public func htmlComplaints(_ file: URL) throws -> String {
  let output = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["xmllint", "--html", "--noout", file.path])
  return output.stderr.split(separator: "\n")
    .filter { $0.contains("parser error") && $0.range(of: #"Tag \w+ invalid"#, options: .regularExpression) == nil }
    .joined(separator: "\n")
}
