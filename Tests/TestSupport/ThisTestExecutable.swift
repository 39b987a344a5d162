import Foundation

/// Runs this test executable again as a new process, with only the tests matching `filter`
/// selected and `environment` added. The child does not inherit `SWIFT_DETERMINISTIC_HASHING`,
/// so it hashes with its own random seed, and it lays out memory at its own addresses.
public func runThisTestExecutable(filter: String, adding environment: [String: String]) throws
  -> (status: Int32, output: String)
{
  var childEnvironment = ProcessInfo.processInfo.environment
  childEnvironment["SWIFT_DETERMINISTIC_HASHING"] = nil
  childEnvironment.merge(environment) { $1 }
  let child = try runProcess(
    URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath(),
    ["--testing-library", "swift-testing", "--filter", filter], environment: childEnvironment)
  return (child.status, child.stdout + child.stderr)
}
