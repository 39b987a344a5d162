// swift-tools-version:6.0
import Foundation
import PackageDescription

/// The `-I` flags of librsvg's and cairo's headers, from pkg-config. FigureExport loads the
/// libraries at run time (CRsvgLoader), so it wants their headers only: a system-library
/// target with `pkgConfig:` would also link the libraries into nnlab, and every nnlab
/// process would then load them, and some 40 more, at start.
let rsvgHeaderFlags: [String] = {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["pkg-config", "--cflags-only-I", "librsvg-2.0", "cairo"]
  let output = Pipe()
  process.standardOutput = output
  guard (try? process.run()) != nil else { return [] }
  let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  process.waitUntilExit()
  return text.split(whereSeparator: \.isWhitespace).map(String.init)
}()

/// How a release nnlab is linked, for a start-up that maps less of it: by lld, with its
/// relative relocations packed (DT_RELR: some 85,000 of them took 2 MiB, every page of
/// which the dynamic loader read at each start); with the functions that
/// scripts/startup-order.txt lists (those nnlab runs) put together, so that a command
/// touches a few hundred KiB of code instead of pages all over its 18 MiB (a function the
/// list does not name, a new one, is only left where it was); and without exporting its
/// own symbols, which `--static-swift-stdlib` asks for (`-export-dynamic`): no library
/// nnlab loads calls back into it, and the loader then searches no table of 8,000 symbols
/// for each symbol of libc, libm and libstdc++.
let releaseLinkerFlags = [
  "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
  "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/scripts/startup-order.txt",
  "-Xlinker", "--no-warn-symbol-ordering", "-Xlinker", "--no-export-dynamic",
]

let package = Package(
  name: "nnlab",
  products: [
    .executable(name: "nnlab", targets: ["nnlab"]),
    .library(name: "TinyNet", targets: ["TinyNet"]),
    .library(name: "SVGCharts", targets: ["SVGCharts"]),
    .library(name: "NetworkDiagram", targets: ["NetworkDiagram"]),
    .library(name: "LabReport", targets: ["LabReport"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    .target(name: "SafeText"),
    .target(name: "TinyNet", dependencies: ["SafeText", .product(name: "Crypto", package: "swift-crypto")]),
    .target(
      name: "DataFiles",
      dependencies: ["TinyNet", "SafeText", .product(name: "CSV", package: "CSV.swift")]),
    .target(name: "SVGCharts", dependencies: ["SafeText"]),
    // Graphviz is loaded at the first diagram (CGraphvizLoader) rather than linked, so that
    // the commands that draw none start without mapping it and its dependencies.
    .target(name: "CLibraryLoading", linkerSettings: [.linkedLibrary("dl")]),
    .target(name: "CGraphvizLoader", dependencies: ["CLibraryLoading"]),
    .target(name: "NetworkDiagram", dependencies: ["TinyNet", "CGraphvizLoader", "SafeText"]),
    .systemLibrary(name: "CRename"),
    .target(
      name: "CRsvgLoader", dependencies: ["CLibraryLoading"], cSettings: [.unsafeFlags(rsvgHeaderFlags)]),
    .target(
      name: "FigureExport", dependencies: ["CRsvgLoader"],
      swiftSettings: [.unsafeFlags(rsvgHeaderFlags.flatMap { ["-Xcc", $0] })]),
    .target(
      name: "LabReport",
      dependencies: [
        "TinyNet", "DataFiles", "SVGCharts", "NetworkDiagram", "SafeText", "CRename", "FigureExport",
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
    .executableTarget(
      name: "nnlab",
      dependencies: [
        "TinyNet", "DataFiles", "LabReport", "SafeText",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      linkerSettings: [.unsafeFlags(releaseLinkerFlags, .when(configuration: .release))]
    ),
    .executableTarget(name: "nnlab-bench", dependencies: ["TinyNet"], path: "Benchmarks/NNLabBench"),
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(name: "SafeTextTests", dependencies: ["SafeText"]),
    .testTarget(name: "TinyNetTests", dependencies: ["TinyNet", "TestSupport"]),
    .testTarget(name: "SVGChartsTests", dependencies: ["SVGCharts", "TestSupport"]),
    .testTarget(name: "FigureExportTests", dependencies: ["FigureExport", "TestSupport"]),
    .testTarget(name: "NetworkDiagramTests", dependencies: ["NetworkDiagram", "TinyNet", "SVGCharts", "TestSupport"]),
    .testTarget(
      name: "LabReportTests",
      dependencies: ["LabReport", "SafeText", "TestSupport", .product(name: "Mustache", package: "swift-mustache")]
    ),
    .testTarget(name: "nnlabTests", dependencies: ["nnlab", "TestSupport"]),
  ]
)
