import Foundation
import Synchronization

/// A second thread that does the other half of each step of a training run.
///
/// An iteration hands work over twice and takes about a tenth of a millisecond, so waking
/// a sleeping thread each time (as a dispatch queue does) would cost a large share of it.
/// The partner instead keeps looking for work for a short while after each step, and
/// only then sleeps on a semaphore until the next one. Its `work` is fixed when it is
/// made; each step names a phase for it.
final class LanePartner: Sendable {
  /// How many times the partner looks for new work before it sleeps: some tens of
  /// microseconds, longer than the gap between two steps of one iteration.
  static let spins = 20_000

  private let work: @Sendable (_ phase: Int) -> Void
  /// The number of the last step asked for, and its phase; -1 asks the partner to stop.
  private let requested = Atomic<Int>(0)
  private let phase = Atomic<Int>(0)
  /// The number of the last step the partner finished.
  private let finished = Atomic<Int>(0)
  /// Whether the partner sleeps (1) or looks for work (0).
  private let sleeping = Atomic<Int>(0)
  private let wake = DispatchSemaphore(value: 0)
  private let stopped = DispatchSemaphore(value: 0)

  /// Starts the partner's thread; it runs `work` for each step until `stop()`.
  init(work: @escaping @Sendable (_ phase: Int) -> Void) {
    self.work = work
    Thread { [self] in serve() }.start()
  }

  /// Has the partner run `work(phase)` while the caller runs `mine()`, and returns when
  /// both are done.
  func step(phase: Int, while mine: () -> Void) {
    let number = finished.load(ordering: .acquiring) + 1
    self.phase.store(phase, ordering: .relaxed)
    requested.store(number, ordering: .sequentiallyConsistent)
    if sleeping.exchange(0, ordering: .sequentiallyConsistent) == 1 { wake.signal() }
    mine()
    while finished.load(ordering: .acquiring) < number {}
  }

  /// Ends the partner's thread and waits until it has.
  func stop() {
    requested.store(-1, ordering: .sequentiallyConsistent)
    if sleeping.exchange(0, ordering: .sequentiallyConsistent) == 1 { wake.signal() }
    stopped.wait()
  }

  private func serve() {
    var done = 0
    while true {
      var number = requested.load(ordering: .acquiring)
      var spins = 0
      while number == done && spins < Self.spins {
        spins += 1
        number = requested.load(ordering: .acquiring)
      }
      if number == done {
        // Going to sleep. If work arrived meanwhile and the caller has not seen the flag,
        // take the flag back and carry on; if the caller took it, its signal is on the way.
        sleeping.store(1, ordering: .sequentiallyConsistent)
        if requested.load(ordering: .sequentiallyConsistent) == done {
          wake.wait()
        } else if sleeping.exchange(0, ordering: .sequentiallyConsistent) == 0 {
          wake.wait()
        }
        continue
      }
      if number < 0 {
        stopped.signal()
        return
      }
      work(phase.load(ordering: .relaxed))
      done = number
      finished.store(number, ordering: .releasing)
    }
  }
}
