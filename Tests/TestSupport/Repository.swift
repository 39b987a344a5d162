import Foundation

/// Paths inside the nnlab checkout and the built products, for tests.
public enum Repository {
  /// The checkout's top folder.
  public static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The numpy oracle, `reference/seed_reference.py`.
  public static let oracle = root.appendingPathComponent("reference/seed_reference.py")

  /// The folder holding the built products of this test run (`.build/debug`).
  public static var productsFolder: URL {
    var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    while url.path != "/" {
      if url.pathExtension == "xctest" { return url.deletingLastPathComponent() }
      url.deleteLastPathComponent()
    }
    return Bundle.main.bundleURL
  }

  /// The `nnlab` executable built alongside the tests.
  public static var nnlab: URL { productsFolder.appendingPathComponent("nnlab") }
}
