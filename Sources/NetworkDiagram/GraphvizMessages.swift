internal import CGraphvizLoader
import Foundation
import Synchronization

/// Graphviz's warnings and errors, captured instead of printed to standard error.
///
/// Graphviz reports through one process-wide function; `install(_:)` replaces it with one
/// that appends to a buffer. Callers hold the renderer's lock, so the buffer only ever
/// holds the messages of the operation in progress.
enum GraphvizMessages {
  private static let buffer = Mutex("")

  /// Routes every message of `library` to the buffer from now on.
  static func install(_ library: NNLabGraphviz) {
    _ = library.agseterrf { text in
      guard let text else { return 0 }
      let piece = String(cString: text)
      GraphvizMessages.buffer.withLock { $0 += piece }
      return 0
    }
  }

  /// Forgets earlier messages and Graphviz's error level before an operation starts.
  static func reset(_ library: NNLabGraphviz) {
    _ = library.agreseterrors()
    buffer.withLock { $0 = "" }
  }

  /// Throws if Graphviz reported an error since `reset(_:)`, with Graphviz's message.
  static func check(_ operation: String, _ library: NNLabGraphviz) throws(GraphvizError) {
    guard library.agerrors() >= Int32(AGERR.rawValue) else { return }
    throw GraphvizError(operation: operation, message: collected(orElse: "error without a message"))
  }

  /// The messages collected since `reset(_:)`, on one line, or `fallback` if there were none.
  static func collected(orElse fallback: String) -> String {
    let text = buffer.withLock { $0 }
      .split(whereSeparator: \.isNewline)
      .map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
      .joined(separator: " ")
    return text.isEmpty ? fallback : text
  }
}
