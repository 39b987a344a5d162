import Foundation
import Testing
import TestSupport

/// librsvg and cairo are loaded only to draw PNG and PDF: nnlab does not need them to
/// start, and without them `--formats png` or `pdf` is refused before any work while SVG
/// reports are still written.
@Suite struct FigureLibraryTests {
  /// The libraries nnlab's executable asks the dynamic loader for, read by `readelf`.
  @Test func nnlabStartsWithoutLibrsvgAndCairo() throws {
    let output = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["readelf", "-d", Repository.nnlab.path])
    try #require(output.status == 0, "\(output.stderr)")
    let needed = output.stdout.split(separator: "\n").filter { $0.contains("(NEEDED)") }
    #expect(needed.contains { $0.contains("[libc.so") }, "\(needed)")
    #expect(!needed.contains { $0.contains("rsvg") || $0.contains("cairo") || $0.contains("glib") }, "\(needed)")
  }

  /// Runs nnlab in `folder` in a mount namespace where the shared library `soname` (such
  /// as `librsvg-2.so.2`) is an empty file, as on a machine without it.
  static func nnlab(_ arguments: [String], hiding soname: String, in folder: URL) throws -> ProcessOutput {
    let script = #"""
      library=$(ldconfig -p | awk -v name="$1" '$1 == name {print $NF; exit}')
      shift
      [ -n "$library" ] && mount --bind /dev/null "$(readlink -f "$library")" && exec "$@"
      """#
    return try runProcess(
      URL(fileURLWithPath: "/usr/bin/env"),
      ["unshare", "--mount", "sh", "-c", script, "sh", soname, Repository.nnlab.path] + arguments,
      in: folder, environment: independentProcessEnvironment)
  }

  /// Whether this machine lets the tests hide a library (root, with mount namespaces).
  static let canHideLibraries: Bool = {
    let output = try? runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["unshare", "--mount", "true"])
    return output?.status == 0
  }()

  @Test(.enabled(if: canHideLibraries)) func withoutLibrsvgPNGAndPDFAreRefusedBeforeAnyWork() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let expected =
      "nnlab: error: cannot draw the report: PNG and PDF figures need librsvg and cairo "
      + "(Debian packages librsvg2-2 and libcairo2): cannot load librsvg-2.so.2: "
    for arguments in [
      ["report", "--quiet", "--formats", "svg,png", "--out", "report"],
      ["render", Repository.root.appendingPathComponent("output/seed-lab/snapshot.json").path, "--quiet",
       "--formats", "pdf", "--zip", "--out", "render"],
    ] {
      let output = try Self.nnlab(arguments, hiding: "librsvg-2.so.2", in: folder.url)
      #expect(output.status == 1, "\(arguments)")
      #expect(output.stderr.hasPrefix(expected), "\(output.stderr)")
      #expect(output.stderr.split(separator: "\n").count == 1, "\(output.stderr)")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == [])

    let svg = try Self.nnlab(["report", "--quiet", "--out", "svg"], hiding: "librsvg-2.so.2", in: folder.url)
    try #require(svg.status == 0, "\(svg.stderr)")
    let files = try folder.files("svg")
    #expect(files["index.html"] != nil)
    #expect(files.keys.filter { $0.hasSuffix(".svg") }.count >= 20, "\(files.keys.sorted())")
    #expect(!files.keys.contains { $0.hasSuffix(".png") || $0.hasSuffix(".pdf") })
  }
}
