import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The outcome of a finished child process.
public struct ProcessOutput: Sendable {
  /// The exit status, or the signal number for a process a signal ended (as Foundation's
  /// `Process.terminationStatus` reports it).
  public var status: Int32
  public var stdout: String
  public var stderr: String
  /// Whether the process was stopped because it outlived its time limit.
  public var timedOut = false
}

/// Runs `executable` with `arguments` to completion and captures both output streams.
///
/// With `timeout`, a process still running after that many seconds is killed, and the
/// output says it timed out.
///
/// The child is started with `posix_spawn`, not Foundation's `Process`: `Process.run`
/// copies each `/proc/self/fd` entry's name as a whole 256-byte field, which reads past the
/// end of glibc's directory buffer and, when that buffer ends a mapping, crashes the test
/// process (seen under load while many tests start children at once).
public func runProcess(
  _ executable: URL, _ arguments: [String], stdin: String? = nil, in folder: URL? = nil,
  environment: [String: String]? = nil, timeout: TimeInterval? = nil
) throws -> ProcessOutput {
  let input = try pipeEnds(), output = try pipeEnds(), errors = try pipeEnds()
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_adddup2(&actions, input.read, 0)
  posix_spawn_file_actions_adddup2(&actions, output.write, 1)
  posix_spawn_file_actions_adddup2(&actions, errors.write, 2)
  // GNU env changes the folder (glibc's posix_spawn_file_actions_addchdir_np is not
  // visible from Swift).
  let command = folder.map { ["/usr/bin/env", "-C", $0.path, executable.path] } ?? [executable.path]
  let environment = environment ?? ProcessInfo.processInfo.environment
  let argv = (command + arguments).map { strdup($0) } + [nil]
  let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
  defer { (argv + envp).forEach { free($0) } }
  var pid: pid_t = 0
  let spawned = posix_spawn(&pid, command[0], &actions, nil, argv, envp)
  for end in [input.read, output.write, errors.write] { close(end) }
  guard spawned == 0 else {
    for end in [input.write, output.read, errors.read] { close(end) }
    throw ProcessFailure(message: "cannot start \(executable.path): \(String(cString: strerror(spawned)))")
  }
  let child = SpawnedChild(pid)
  if let timeout {
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { child.kill() }
  }
  // Write, read stdout and read stderr at once, so that no full pipe blocks the child.
  let group = DispatchGroup()
  let errorData = DataBox()
  DispatchQueue.global().async(group: group) {
    if let stdin { writeAll(Array(stdin.utf8), to: input.write) }
    close(input.write)
  }
  DispatchQueue.global().async(group: group) { errorData.data = readAll(errors.read) }
  let outputData = readAll(output.read)
  group.wait()
  let status = child.wait()
  return ProcessOutput(
    status: status, stdout: String(decoding: outputData, as: UTF8.self),
    stderr: String(decoding: errorData.data, as: UTF8.self), timedOut: child.killed)
}

/// Runs `python3` with `arguments`.
public func runPython(_ arguments: [String], stdin: String? = nil) throws -> ProcessOutput {
  try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments, stdin: stdin)
}

/// A child that could not be started.
public struct ProcessFailure: Error, CustomStringConvertible {
  public var message: String
  public var description: String { message }
}

/// A pipe whose ends close when a child is started, so that other children do not keep
/// them open (the child gets its own copies through `dup2`).
private func pipeEnds() throws -> (read: Int32, write: Int32) {
  var ends: [Int32] = [0, 0]
  guard pipe(&ends) == 0 else {
    throw ProcessFailure(message: "cannot make a pipe: \(String(cString: strerror(errno)))")
  }
  for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
  return (ends[0], ends[1])
}

private func readAll(_ descriptor: Int32) -> Data {
  var data = Data()
  var buffer = [UInt8](repeating: 0, count: 65536)
  while true {
    let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
    if count > 0 {
      data.append(contentsOf: buffer[..<count])
    } else if count == 0 || errno != EINTR {
      break
    }
  }
  close(descriptor)
  return data
}

private func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
  var offset = 0
  while offset < bytes.count {
    let count = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    if count > 0 {
      offset += count
    } else if count < 0 && errno == EINTR {
      continue
    } else {
      return
    }
  }
}

private final class DataBox: @unchecked Sendable {
  var data = Data()
}

/// A started child: waited for once, killed on request while it runs.
private final class SpawnedChild: @unchecked Sendable {
  private let pid: pid_t
  private let lock = NSLock()
  private var exited = false
  private var wasKilled = false

  init(_ pid: pid_t) { self.pid = pid }

  var killed: Bool { lock.withLock { wasKilled } }

  /// Kills the child if it has not been waited for yet.
  func kill() {
    lock.withLock {
      guard !exited else { return }
      Glibc.kill(pid, SIGKILL)
      wasKilled = true
    }
  }

  /// Waits for the child and returns its exit status, or the signal that ended it.
  func wait() -> Int32 {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    lock.withLock { exited = true }
    let signal = status & 0x7f
    return signal == 0 ? (status >> 8) & 0xff : signal
  }
}
