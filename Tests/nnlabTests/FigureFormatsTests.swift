import Foundation
import Testing
import TestSupport

/// `nnlab report --formats svg,png,pdf --zip` and `nnlab render` with the same flags,
/// through the built binary, checked with poppler, python's zipfile and unzip.
@Suite struct FigureFormatsTests {
  func nnlab(_ arguments: [String]) throws -> ProcessOutput {
    try runProcess(Repository.nnlab, arguments, environment: independentProcessEnvironment)
  }

  /// The size of an SVG's root element in CSS pixels (Graphviz writes points).
  static func svgSize(_ svg: Data) throws -> (width: Double, height: Double) {
    let text = String(decoding: svg.prefix(2000), as: UTF8.self)
    let match = try #require(text.firstMatch(of: /<svg[^>]* width="([0-9.]+)(pt)?" height="([0-9.]+)(pt)?"/))
    let scale = match.2 == nil ? 1.0 : 96.0 / 72.0
    return (try #require(Double(match.1)) * scale, try #require(Double(match.3)) * scale)
  }

  /// The entries of a zip file and their bytes, read by python's zipfile.
  static func zipEntries(_ zip: URL) throws -> [String: Data] {
    let script = """
      import base64, json, sys, zipfile
      with zipfile.ZipFile(sys.argv[1]) as z:
          assert z.testzip() is None
          print(json.dumps({i.filename: [base64.b64encode(z.read(i)).decode(), i.date_time, i.external_attr >> 16]
                            for i in z.infolist()}))
      """
    let output = try runPython(["-c", script, zip.path])
    try #require(output.status == 0, "\(output.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: [Any]])
    var entries: [String: Data] = [:]
    for (name, fields) in object {
      #expect(fields[1] as? [Int] == [2000, 1, 1, 0, 0, 0], "\(name)")
      #expect(fields[2] as? Int == 0o100644, "\(name)")
      entries[name] = Data(base64Encoded: try #require(fields[0] as? String))
    }
    return entries
  }

  @Test func everySVGGetsAPNGAtTwiceItsSizeAndAPDFWithItsTitle() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let output = try nnlab(["report", "--quiet", "--formats", "svg,png,pdf", "--out", folder.path("seed-lab")])
    try #require(output.status == 0, "\(output.stderr)")
    let files = try folder.files("seed-lab")
    let svgs = files.keys.filter { $0.hasSuffix(".svg") }.sorted()
    #expect(svgs.count >= 20, "\(svgs)")
    #expect(files.keys.filter { $0.hasSuffix(".png") }.count == svgs.count)
    #expect(files.keys.filter { $0.hasSuffix(".pdf") }.count == svgs.count)
    for svg in svgs {
      let stem = String(svg.dropLast(4))
      let size = try Self.svgSize(try #require(files[svg]))
      let png = try #require(files[stem + ".png"], "\(stem).png")
      let pixels = try #require(pngSize(png), "\(stem).png is not a PNG")
      let expected: [Int] = [Int((size.width * 2).rounded(.up)), Int((size.height * 2).rounded(.up))]
      #expect([pixels.width, pixels.height] == expected, "\(stem).png")
      let pdf = folder.url.appendingPathComponent("seed-lab/\(stem).pdf")
      let info = try pdfInfo(pdf)
      #expect(info["Pages"] == "1", "\(stem).pdf")
      let title = try #require(String(decoding: files[svg] ?? Data(), as: UTF8.self).firstMatch(of: /<title[^>]*>([^<]*)<\/title>/))
      #expect(info["Title"] == String(title.1).replacingOccurrences(of: "&amp;", with: "&"), "\(stem).pdf")
    }
    let text = { (name: String) in try pdfText(folder.url.appendingPathComponent("seed-lab/\(name).pdf")) }
    #expect(try text("figures/data-set").contains("Training and test points"))
    #expect(try text("figures/case-1-loss-curve").contains("Iteration"))
    #expect(try text("graphs/update-network").contains("One update"))
    #expect(try text("graphs/initial-network").contains("loss"))

    let again = try nnlab(["report", "--quiet", "--formats", "pdf,png", "--out", folder.path("again")])
    try #require(again.status == 0, "\(again.stderr)")
    #expect(differences(files, try folder.files("again")) == [])
  }

  @Test func theZipHoldsTheFolderByteForByteAndRepeats() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let first = try nnlab(["report", "--quiet", "--formats", "png", "--zip", "--out", folder.path("lab")])
    try #require(first.status == 0, "\(first.stderr)")
    let zip = folder.url.appendingPathComponent("lab.zip")
    let zipped = try Data(contentsOf: zip)
    var files = try folder.files("lab")
    files[".nnlab-report"] = nil
    #expect(files.count >= 40)
    let entries = try Self.zipEntries(zip)
    #expect(differences(files, Dictionary(uniqueKeysWithValues: entries.map { (String($0.key.dropFirst(4)), $0.value) })) == [])
    #expect(entries.keys.allSatisfy { $0.hasPrefix("lab/") })

    let listing = try runProcess(try toolExecutable("unzip", package: "unzip"), ["-l", zip.path])
    #expect(listing.status == 0 && listing.stdout.contains("lab/index.html") && listing.stdout.contains("lab/figures/data-set.png"))

    // Run again over the same folder and zip, then render the snapshot elsewhere.
    let second = try nnlab(["report", "--quiet", "--formats", "png", "--zip", "--out", folder.path("lab")])
    try #require(second.status == 0, "\(second.stderr)")
    #expect(try Data(contentsOf: zip) == zipped)
    try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("elsewhere"), withIntermediateDirectories: false)
    let rendered = try nnlab([
      "render", folder.path("lab/snapshot.json"), "--quiet", "--formats", "png", "--zip", "--out", folder.path("elsewhere/lab"),
    ])
    try #require(rendered.status == 0, "\(rendered.stderr)")
    #expect(try Data(contentsOf: folder.url.appendingPathComponent("elsewhere/lab.zip")) == zipped)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["elsewhere", "lab", "lab.zip"])
  }

  @Test(arguments: [
    (["--formats", "gif"], "--formats: 'gif' is not a figure format; give a comma-separated list of svg, png, pdf"),
    (["--formats", ""], "--formats: an empty format; give a comma-separated list of svg, png, pdf"),
    (["--formats", "png,,pdf"], "--formats: an empty format; give a comma-separated list of svg, png, pdf"),
  ])
  func aBadFormatListIsOneLineAndStatus64(_ flags: [String], _ message: String) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    for command in [["report"], ["render", Repository.root.appendingPathComponent("output/seed-lab/snapshot.json").path]] {
      let output = try nnlab(command + flags + ["--quiet", "--out", folder.path("out")])
      #expect(output.status == 64)
      #expect(output.stderr == "nnlab: error: \(message)\n")
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == [])
    }
  }

  /// A zip target that cannot be replaced fails before any work, and a report that cannot
  /// be written leaves no zip, not even a temporary one.
  @Test func aFailedWriteLeavesNoZip() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("lab.zip"), withIntermediateDirectories: false)
    let blocked = try nnlab(["report", "--quiet", "--zip", "--out", folder.path("lab")])
    #expect(blocked.status == 73)
    #expect(blocked.stderr.hasSuffix("lab.zip exists and is a folder, not a zip file\n"), "\(blocked.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["lab.zip"])

    try folder.write("not a report", to: "other/notes.txt")
    let refused = try nnlab(["report", "--quiet", "--zip", "--out", folder.path("other")])
    #expect(refused.status == 73)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["lab.zip", "other"])
  }
}
