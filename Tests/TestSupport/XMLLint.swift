import Foundation

/// Runs `xmllint --noout` on `files`; returns its complaints, empty when all are valid XML.
public func xmllintComplaints(_ files: [URL]) throws -> String {
  guard !files.isEmpty else { return "" }
  let output = try runProcess(
    URL(fileURLWithPath: "/usr/bin/env"), ["xmllint", "--noout"] + files.map(\.path))
  return output.status == 0 ? "" : output.stderr + "(status \(output.status))"
}
