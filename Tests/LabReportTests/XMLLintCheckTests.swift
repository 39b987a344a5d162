import Foundation
import Testing
import TestSupport

/// The xmllint check that the report tests rely on can fail: it rejects broken XML, and it
/// fails with a clear message, rather than passing, when xmllint is missing or has nothing
/// to check.
@Suite struct XMLLintCheckTests {
  @Test func brokenXMLIsReported() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let good = try folder.write(#"<svg xmlns="http://www.w3.org/2000/svg"><g/></svg>"#, to: "good.svg")
    let bad = try folder.write(#"<svg xmlns="http://www.w3.org/2000/svg"><g></svg>"#, to: "bad.svg")
    #expect(try xmllintComplaints([URL(fileURLWithPath: good)]) == "")
    let complaints = try xmllintComplaints([URL(fileURLWithPath: good), URL(fileURLWithPath: bad)])
    #expect(complaints.contains("bad.svg"), "\(complaints)")
  }

  @Test func aMissingXmllintFailsWithAClearMessage() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let error = try #require(throws: XMLLintUnavailable.self) {
      try xmllintExecutable(searchPath: folder.url.path + ":/nonexistent")
    }
    #expect(error.description.contains("xmllint is not installed"))
    #expect(error.description.contains("libxml2-utils"))
  }

  @Test func nothingToCheckIsAFailure() {
    #expect(throws: XMLLintUnavailable.self) { try xmllintComplaints([]) }
  }
}
