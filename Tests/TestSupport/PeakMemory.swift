import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A finished child process and the most memory it held at once.
public struct MeasuredRun: Sendable {
  /// The exit status, or 128 plus the signal that ended the process.
  public var status: Int32
  /// The child's peak resident set size (`ru_maxrss`), in kilobytes.
  public var peakKilobytes: Int
  /// What the child wrote to stderr.
  public var stderr: String
}

/// Runs `executable` with `arguments` to completion and reads its own peak memory from
/// `wait4`, which reports the resources of that one child (unlike `RUSAGE_CHILDREN`, which
/// sums up every child this test process has waited for). Its stdout is discarded.
public func runMeasuringPeakMemory(_ executable: URL, _ arguments: [String]) throws -> MeasuredRun {
  let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("nnlab-stderr-\(UUID().uuidString)")
  defer { try? FileManager.default.removeItem(at: errorFile) }
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 2, errorFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
  defer { argv.forEach { free($0) } }
  var pid: pid_t = 0
  let failure = posix_spawn(&pid, executable.path, &actions, nil, argv, environ)
  guard failure == 0 else { throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EINVAL) }
  var status: Int32 = 0
  var usage = rusage()
  while wait4(pid, &status, 0, &usage) == -1 {
    guard errno == EINTR else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EINVAL) }
  }
  let signal = status & 0x7f
  return MeasuredRun(
    status: signal == 0 ? (status >> 8) & 0xff : 128 + signal, peakKilobytes: usage.ru_maxrss,
    stderr: (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "")
}
