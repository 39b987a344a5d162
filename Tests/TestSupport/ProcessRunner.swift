import Foundation

/// The outcome of a finished child process.
public struct ProcessOutput: Sendable {
  public var status: Int32
  public var stdout: String
  public var stderr: String
}

/// Runs `executable` with `arguments` to completion and captures both output streams.
public func runProcess(
  _ executable: URL, _ arguments: [String], stdin: String? = nil, in folder: URL? = nil,
  environment: [String: String]? = nil
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
    stderr: String(decoding: errorData.data, as: UTF8.self))
}

/// Runs `python3` with `arguments`.
public func runPython(_ arguments: [String], stdin: String? = nil) throws -> ProcessOutput {
  try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments, stdin: stdin)
}

private final class DataBox: @unchecked Sendable {
  var data = Data()
}
