import Foundation

/// The outcome of a finished child process.
public struct ProcessOutput: Sendable {
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
public func runProcess(
  _ executable: URL, _ arguments: [String], stdin: String? = nil, in folder: URL? = nil,
  environment: [String: String]? = nil, timeout: TimeInterval? = nil
) throws -> ProcessOutput {
  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  if let folder { process.currentDirectoryURL = folder }
  if let environment { process.environment = environment }
  let out = Pipe(), err = Pipe(), input = Pipe()
  process.standardOutput = out
  process.standardError = err
  process.standardInput = input
  try process.run()
  let watch = Watch(process)
  if let timeout {
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { watch.stop() }
  }
  if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
  try input.fileHandleForWriting.close()
  // Read stderr on another thread so that neither full pipe can block the child.
  let errorData = DataBox()
  let group = DispatchGroup()
  DispatchQueue.global().async(group: group) {
    errorData.data = err.fileHandleForReading.readDataToEndOfFile()
  }
  let outputData = out.fileHandleForReading.readDataToEndOfFile()
  group.wait()
  process.waitUntilExit()
  return ProcessOutput(
    status: process.terminationStatus,
    stdout: String(decoding: outputData, as: UTF8.self),
    stderr: String(decoding: errorData.data, as: UTF8.self),
    timedOut: watch.stopped)
}

/// Runs `python3` with `arguments`.
public func runPython(_ arguments: [String], stdin: String? = nil) throws -> ProcessOutput {
  try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments, stdin: stdin)
}

private final class DataBox: @unchecked Sendable {
  var data = Data()
}

/// Kills its process when told to, if that process is still running.
private final class Watch: @unchecked Sendable {
  private let process: Process
  private let lock = NSLock()
  private var killed = false

  init(_ process: Process) { self.process = process }

  var stopped: Bool { lock.withLock { killed } }

  func stop() {
    lock.withLock {
      guard process.isRunning else { return }
      kill(process.processIdentifier, SIGKILL)
      killed = true
    }
  }
}
