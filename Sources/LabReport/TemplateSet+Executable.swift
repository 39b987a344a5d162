import Foundation

extension TemplateSet {
  /// The running executable, symbolic links resolved: `/proc/self/exe` where the system has
  /// it, because an nnlab started through `PATH` sees only its bare name in `argv[0]`;
  /// otherwise `argv[0]`.
  static var executableURL: URL {
    if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      return URL(fileURLWithPath: path)
    }
    return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
  }
}
