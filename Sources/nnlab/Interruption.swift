import Foundation
import LabReport

/// Ends nnlab cleanly on SIGINT, SIGTERM and SIGHUP: a report being written loses its
/// temporary folder and keeps its earlier version, then nnlab ends by the same signal, so
/// that the shell reports 128 + the signal (130 for an interrupt, 143 for a termination).
///
/// No code runs in a signal handler: the signals are blocked in every thread and one thread
/// of its own waits for them with `sigwait`.
enum Interruption {
  static let signals = [SIGINT, SIGTERM, SIGHUP]

  /// Starts waiting for the signals. Call it first thing, before any other thread starts,
  /// since threads inherit the blocked signals of the thread that starts them.
  ///
  /// A signal that nnlab was started with ignored (`nohup`, or `&` in a script) stays ignored.
  static func install() {
    var waited = sigset_t()
    sigemptyset(&waited)
    for signal in signals where !isIgnored(signal) { sigaddset(&waited, signal) }
    pthread_sigmask(SIG_BLOCK, &waited, nil)
    let blocked = waited
    let waiter = Thread { wait(for: blocked) }
    waiter.name = "nnlab signals"
    waiter.start()
  }

  private static func wait(for waited: sigset_t) -> Never {
    var waited = waited
    var signal: Int32 = 0
    while sigwait(&waited, &signal) != 0 {}
    OutputFolder.abandonWrites { end(by: signal) }
  }

  /// Ends the process by `signal` with its default action.
  private static func end(by signal: Int32) -> Never {
    Glibc.signal(signal, SIG_DFL)
    var unblocked = sigset_t()
    sigemptyset(&unblocked)
    sigaddset(&unblocked, signal)
    pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
    raise(signal)
    _exit(128 + signal)
  }

  private static func isIgnored(_ signal: Int32) -> Bool {
    var action = sigaction()
    sigaction(signal, nil, &action)
    return unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
  }
}
