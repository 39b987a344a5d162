import Foundation
@testable import LabReport
import Testing
import TestSupport

/// Writing a report folder: the swap, the lock on the parent folder, and the clean-up of what
/// killed runs left behind.
@Suite struct OutputFolderTests {
  static let report: [String: Data] = ["index.html": Data("<p>new</p>".utf8), "figures/a.svg": Data("<svg/>".utf8)]

  @Test func writesANewFolderAndReplacesItsOwnEarlierOne() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let output = OutputFolder(folder.url.appendingPathComponent("report"))
    try output.write(["index.html": Data("<p>old</p>".utf8)])
    try output.write(Self.report)
    #expect(try folder.files("report") == Self.report.merging([".nnlab-report": OutputFolder.markerContents]) { $1 })
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["report"])
  }

  @Test func replacesAnEmptyFolder() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try FileManager.default.createDirectory(atPath: folder.path("report"), withIntermediateDirectories: false)
    try OutputFolder(folder.url.appendingPathComponent("report")).write(Self.report)
    #expect(try folder.files("report").keys.sorted() == [".nnlab-report", "figures/a.svg", "index.html"])
  }

  @Test func removesTheTemporaryFoldersOfKilledRuns() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("half", to: ".report.nnlab-new-999999-12/index.html")
    try folder.write("half", to: ".other.nnlab-new-\(getpid())-7/figures/a.svg")
    try folder.write("done", to: ".report.nnlab-new-1-3/.nnlab-report")
    try OutputFolder(folder.url.appendingPathComponent("report")).write(Self.report)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["report"])
  }

  @Test func putsBackAReportSetAsideByARunKilledBetweenTwoRenames() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("old", to: ".report.nnlab-old-999999-12/index.html")
    try folder.write("", to: ".report.nnlab-old-999999-12/.nnlab-report")
    try folder.write("new", to: ".report.nnlab-new-999999-12/index.html")
    try OutputFolder(folder.url.appendingPathComponent("other")).write(Self.report)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["other", "report"])
    #expect(try folder.files("report") == ["index.html": Data("old".utf8), ".nnlab-report": Data()])
  }

  @Test func leavesAloneWhatOnlyLooksLikeATemporaryFolder() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let lookalikes = [
      "report.nnlab-new-1-2", ".report.nnlab-new-1", ".report.nnlab-new-x-2", ".report.nnlab-newer-1-2",
      ".nnlab-new-1-2", ".report.nnlab-new-1-2-3", ".report.nnlab-new--2-3",
    ]
    for name in lookalikes { try folder.write("keep", to: "\(name)/file") }
    try OutputFolder(folder.url.appendingPathComponent("report")).write(Self.report)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == (lookalikes + ["report"]).sorted())
  }

  @Test func temporaryFolderNamesReadBack() {
    let name = TemporaryFolderName(target: "seed-lab.v2", kind: .old, processID: 4242, token: 17)
    #expect(name.name == ".seed-lab.v2.nnlab-old-4242-17")
    #expect(TemporaryFolderName(name.name) == name)
    #expect(TemporaryFolderName(".a.nnlab-new-1-4294967295")?.target == "a")
    #expect(TemporaryFolderName(".a.nnlab-new-1-4294967296") == nil)
    #expect(TemporaryFolderName(".a.nnlab-new-+1-2") == nil)
  }

  @Test func waitsForAnotherWriterAndThenSaysSoClearly() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    var output = OutputFolder(folder.url.appendingPathComponent("report"))
    output.lockWait = .milliseconds(300)
    let other = try FolderLock(folder.url, waitingUpTo: .zero)
    let held = other.isHeld
    #expect(held)
    let started = ContinuousClock.now
    let error = #expect(throws: LabReportError.self) { try output.write(Self.report) }
    #expect(error?.description.contains("another nnlab is still writing into \(folder.url.path) after 0.3 s of waiting") == true)
    #expect(ContinuousClock.now - started >= .milliseconds(300))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == [])
    _ = consume other
    try output.write(Self.report)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["report"])
  }

  /// The writer waits on a thread of its own and the lock is let go from this one, so the
  /// test does not depend on the task pool having a free thread while other suites block.
  @Test func writesOnceTheOtherWriterIsDone() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let output = OutputFolder(folder.url.appendingPathComponent("report"))
    let other = try FolderLock(folder.url, waitingUpTo: .zero)
    let finished = DispatchSemaphore(value: 0)
    let outcome = Locked<Result<Void, LabReportError>?>(nil)
    let writer = Thread {
      outcome.withLock { $0 = Result { () throws(LabReportError) in try output.write(Self.report) } }
      finished.signal()
    }
    writer.start()
    Thread.sleep(forTimeInterval: 0.2)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == [])
    _ = consume other
    #expect(finished.wait(timeout: .now() + 60) == .success)
    try outcome.withLock { $0 }?.get()
    #expect(try folder.files("report").keys.sorted() == [".nnlab-report", "figures/a.svg", "index.html"])
  }

  @Test func twoRenamesSwapWhereTheFileSystemCannotExchange() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let output = OutputFolder(folder.url.appendingPathComponent("report"))
    try output.write(["index.html": Data("old".utf8)])
    try folder.write("new", to: "staging/index.html")
    var folders: Set<String> = [folder.path("staging")]
    let earlier = try output.swapInTwoRenames(
      folder.url.appendingPathComponent("staging"), retired: folder.url.appendingPathComponent("retired"),
      folders: &folders)
    #expect(earlier.path == folder.path("retired"))
    #expect(folders == [folder.path("retired")])
    #expect(try folder.files("report") == ["index.html": Data("new".utf8)])
    #expect(try folder.files("retired")["index.html"] == Data("old".utf8))
  }
}
