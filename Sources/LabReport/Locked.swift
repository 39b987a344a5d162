import Foundation

/// A value that threads share, used by one thread at a time behind a pthread mutex.
///
/// Used instead of `Synchronization.Mutex`, which protects just as well but which
/// ThreadSanitizer cannot follow: a Mutex passes to a thread that was waiting for it through
/// the kernel (futex), in library code the sanitizer does not see, so `make sanitize`
/// reported races on values that only ever changed inside `withLock`. The sanitizer does
/// see every `pthread_mutex_lock` and `pthread_mutex_unlock`.
final class Locked<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  /// Read and written only inside `withLock`, while `lock` is held.
  private var value: Value

  init(_ value: Value) {
    self.value = value
  }

  /// Runs `body` with the value while no other thread can use it.
  func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure)
    -> Result
  {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }
}
