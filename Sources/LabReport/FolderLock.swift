import Foundation

/// An exclusive lock on a folder, so that one nnlab at a time writes reports into it.
///
/// It is `flock(2)` on the folder's own descriptor: nothing is created on disk, and the
/// system releases the lock when the process ends, however it ends.
struct FolderLock: ~Copyable {
  /// The folder's descriptor, or -1 when the folder is written without the lock.
  private let descriptor: Int32

  /// Whether this process holds the lock. It does not when the folder cannot be opened for
  /// reading or its file system has no `flock`; writing goes ahead then, and the swap
  /// still keeps every report whole.
  var isHeld: Bool { descriptor >= 0 }

  /// Takes the lock on `folder`, waiting up to `limit` for another nnlab to finish.
  init(_ folder: URL, waitingUpTo limit: Duration) throws(LabReportError) {
    let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else {
      self.descriptor = -1
      return
    }
    let clock = ContinuousClock()
    let deadline = clock.now + limit
    while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      let failure = errno
      if failure == EINTR { continue }
      guard failure == EWOULDBLOCK else {
        close(descriptor)
        self.descriptor = -1
        return
      }
      guard clock.now < deadline else {
        close(descriptor)
        let seconds = Double(limit.components.seconds) + Double(limit.components.attoseconds) / 1e18
        throw .cannotWrite(
          "another nnlab is still writing into \(folder.path) after \(String(format: "%g", seconds)) s of waiting;"
            + " try again when it has finished")
      }
      usleep(10_000)
    }
    self.descriptor = descriptor
  }

  deinit {
    if descriptor >= 0 { close(descriptor) }
  }
}
