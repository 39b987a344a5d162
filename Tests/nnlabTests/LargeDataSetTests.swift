import Foundation
import Testing
import TestSupport

/// Reports of data sets far larger than a figure can show: figures draw an evenly spaced
/// sample of each set and say so, runs record every k-th update and say so, and every file
/// stays the size of a small report's, the same on every run, and renders again byte for
/// byte from its snapshot.
@Suite(.serialized) struct LargeDataSetTests {
  /// A lab on Playground's circle with `points` training and test points: two cases of
  /// 200 updates (one epoch of batches of 100, or two of single points for 100 points), one
  /// shown with histograms.
  static func lab(points: Int) -> String {
    let (batch, epochs) = points == 100 ? (1, 2) : (points / 200, 1)
    return """
      {"name": "circle-\(points)", "title": "A circle of \(points) points",
       "data": {"set": "circle", "seed": 7, "n_obs": \(points), "noise": 0.1},
       "network": {"hidden": [4]}, "step": {"learning_rate": 0.2, "activation": "tanh"},
       "cases": [
         {"name": "tanh", "activation": "tanh", "batch_size": \(batch), "epochs": \(epochs), "learning_rate": 0.3,
          "gradient": "analytic"},
         {"name": "relu", "activation": "relu", "batch_size": \(batch), "epochs": \(epochs), "learning_rate": 0.1,
          "gradient": "analytic"}],
       "histograms": ["tanh"]}
      """
  }

  func report(_ experiment: String, to folder: String) throws {
    let output = try runProcess(
      Repository.nnlab, ["report", experiment, "--quiet", "--out", folder], environment: independentProcessEnvironment)
    try #require(output.status == 0, "\(output.stderr)")
  }

  @Test func twentyThousandPointsGiveFiguresTheSizeOfAHundredPointReport() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try report(try folder.write(Self.lab(points: 100), to: "small.json"), to: folder.path("small"))
    let big = try folder.write(Self.lab(points: 20_000), to: "big.json")
    try report(big, to: folder.path("big"))
    let small = try folder.files("small"), large = try folder.files("big")

    let figures = small.keys.filter { $0.hasSuffix(".svg") || $0 == "index.html" }.sorted()
    #expect(figures.count == 23)
    for file in figures {
      let before = try #require(small[file]).count, after = try #require(large[file], "\(file)").count
      #expect(Double(after) <= 1.2 * Double(before), "\(file): \(after) bytes against \(before)")
    }

    // The notes say what is drawn and what is recorded: k = ceil(40,000 / (3 · 100)).
    let page = String(decoding: try #require(large["index.html"]), as: UTF8.self)
    #expect(page.components(separatedBy: "100 of 20,000 training points shown").count == 6)
    #expect(page.contains("100 of 20,000 test points shown"))
    #expect(page.components(separatedBy: "on 10,000 of the 20,000 training points, evenly spaced").count == 3)
    #expect(
      page.components(separatedBy: "recorded every 134 updates and after the first and the last: 3 of the 200 updates")
        .count == 5)
    let smallPage = String(decoding: try #require(small["index.html"]), as: UTF8.self)
    #expect(!smallPage.contains("points shown") && !smallPage.contains("recorded every"))
    let snapshot = String(decoding: try #require(large["snapshot.json"]), as: UTF8.self)
    #expect(snapshot.components(separatedBy: #""record_every" : 134"#).count == 3)

    // The same bytes from a second process, and from the snapshot without training.
    try report(big, to: folder.path("again"))
    #expect(differences(large, try folder.files("again")) == [])
    let rendered = try runProcess(
      Repository.nnlab, ["render", folder.path("big/snapshot.json"), "--quiet", "--out", folder.path("rendered")],
      environment: independentProcessEnvironment)
    try #require(rendered.status == 0, "\(rendered.stderr)")
    #expect(differences(large, try folder.files("rendered")) == [])
    let verified = try runProcess(Repository.nnlab, ["verify", folder.path("big/snapshot.json")])
    #expect(verified.status == 0 && verified.stdout.hasPrefix("verified: 2 cases"), "\(verified.stdout)\(verified.stderr)")

    // In Korean too.
    let korean = try runProcess(
      Repository.nnlab,
      ["render", folder.path("big/snapshot.json"), "--lang", "ko", "--quiet", "--out", folder.path("ko")])
    try #require(korean.status == 0, "\(korean.stderr)")
    let koreanPage = try String(contentsOfFile: folder.path("ko/index.html"), encoding: .utf8)
    #expect(koreanPage.contains("학습 데이터 20,000개 중 고르게 떨어진 100개를 표시했습니다."))
    #expect(koreanPage.contains("134번의 업데이트마다"))
  }

  /// A file of 24,000 rows: its report records every k-th update, its snapshot keeps every
  /// point, and renders again byte for byte once the file is gone.
  @Test func aFileOfTwentyFourThousandRowsRendersWithoutTheFile() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let rows = (0..<24_000).map { row in
      let x1 = Double(row % 487) / 121.75 - 2, x2 = Double(row % 491) / 122.75 - 2
      return "\(x1),\(x2),\(x2 + 1 > x1 * x1 ? 1 : 0)\n"
    }
    try folder.write("x1,x2,label\n" + rows.joined(), to: "lab/points.csv")
    let experiment = try folder.write(
      """
      {"name": "rows", "title": "Rows", "data": {"csv": "points.csv", "test_fraction": 0.25},
       "cases": [{"name": "a", "batch_size": 50, "epochs": 1, "learning_rate": 0.1}]}
      """, to: "lab/experiment.json")
    try report(experiment, to: folder.path("report"))
    try FileManager.default.removeItem(at: folder.url.appendingPathComponent("lab"))
    let files = try folder.files("report")
    let page = String(decoding: try #require(files["index.html"]), as: UTF8.self)
    // 18,000 training points in batches of 50 of a numeric gradient (26 evaluations per
    // point): k = ceil(24,000 / 1,300) = 19, so 360 updates record 1, 19, …, 342 and 360.
    #expect(page.contains("100 of 18,000 training points shown"))
    #expect(page.contains("100 of 6,000 test points shown"))
    #expect(page.contains("recorded every 19 updates and after the first and the last: 20 of the 360 updates"))
    let bytes = try #require(files["snapshot.json"])
    let snapshot = try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
    let data = try #require((snapshot["experiment"] as? [String: Any])?["data"] as? [String: Any])
    #expect((data["points"] as? [[Double]])?.count == 24_000)
    let loss = try #require(((snapshot["cases"] as? [[String: Any]])?.first)?["loss"] as? [String: Any])
    #expect(loss["record_every"] as? Int == 19 && (loss["train"] as? [Double])?.count == 20)

    let rendered = try runProcess(
      Repository.nnlab, ["render", folder.path("report/snapshot.json"), "--quiet", "--out", folder.path("again")],
      environment: independentProcessEnvironment)
    try #require(rendered.status == 0, "\(rendered.stderr)")
    #expect(differences(files, try folder.files("again")) == [])
  }
}
