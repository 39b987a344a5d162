import Foundation

/// How two written folders differ, file by file: an empty list when they hold the same
/// files with the same bytes and are not empty.
///
/// Names the first few differing files, so that a failure says where to look.
public func differences(_ first: [String: Data], _ second: [String: Data], limit: Int = 10) -> [String] {
  guard !first.isEmpty || !second.isEmpty else { return ["both folders are empty: nothing was compared"] }
  var found: [String] = []
  for path in Set(first.keys).union(second.keys).sorted() {
    switch (first[path], second[path]) {
    case (nil, _): found.append("\(path) only in the second")
    case (_, nil): found.append("\(path) only in the first")
    case let (a?, b?) where a != b: found.append("\(path) differs (\(a.count) and \(b.count) bytes)")
    default: continue
    }
    if found.count == limit { break }
  }
  return found
}

/// This process's environment for a child that must be a fresh, independent run: without
/// `SWIFT_DETERMINISTIC_HASHING`, so that the child seeds its hashing at random and any
/// output that depends on hash or dictionary order shows up as a difference.
public var independentProcessEnvironment: [String: String] {
  var environment = ProcessInfo.processInfo.environment
  environment["SWIFT_DETERMINISTIC_HASHING"] = nil
  return environment
}
