import Foundation

/// Runs this test executable again as a new process, with only the tests matching `filter`
/// selected and `environment` added. The child does not inherit `SWIFT_DETERMINISTIC_HASHING`,
/// so it hashes with its own random seed, and it lays out memory at its own addresses.
public func runThisTestExecutable(filter: String, adding environment: [String: String]) throws
  -> (status: Int32, output: String)
{
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
  process.arguments = ["--testing-library", "swift-testing", "--filter", filter]
  var childEnvironment = ProcessInfo.processInfo.environment
  childEnvironment["SWIFT_DETERMINISTIC_HASHING"] = nil
  childEnvironment.merge(environment) { $1 }
  process.environment = childEnvironment
  let pipe = Pipe()
  process.standardOutput = pipe
  process.standardError = pipe
  try process.run()
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
