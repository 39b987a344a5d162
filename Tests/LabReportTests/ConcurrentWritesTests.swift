import Dispatch
import Foundation
@testable import LabReport
import Synchronization
import Testing
import TestSupport

/// Reports written by several threads of one process at once, each into its own folder.
@Suite struct ConcurrentWritesTests {
  /// Every write records its temporary folders in one list for the whole process, so the
  /// writers keep waiting for each other; under ThreadSanitizer (`make sanitize`) that
  /// waiting must be something the sanitizer can follow.
  @Test func writersOnSeveralThreadsEachWriteTheirWholeReport() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let report = (0..<20).reduce(into: [String: Data]()) { files, index in
      files["figures/\(index).svg"] = Data("<svg id=\"\(index)\"/>".utf8)
    }
    let failures = Mutex<[String]>([])
    DispatchQueue.concurrentPerform(iterations: 8) { index in
      do {
        try OutputFolder(folder.url.appendingPathComponent("\(index)/report")).write(report)
      } catch {
        failures.withLock { $0.append("\(index): \(error)") }
      }
    }
    #expect(failures.withLock { $0 } == [])
    for index in 0..<8 {
      #expect(try folder.files("\(index)/report") == report.merging([".nnlab-report": OutputFolder.markerContents]) { $1 })
    }
  }
}
