import Foundation
import SafeText

/// Progress bars on stderr while cases train: one line per case with iterations per
/// second and the time left. Draws nothing unless stderr is a terminal.
public final class ProgressDisplay: Sendable {
  private struct Bar {
    var name: String
    var total: Int
    var done = 0
    var started: ContinuousClock.Instant?
    var lastUpdate: ContinuousClock.Instant?
  }

  private struct State {
    var bars: [Bar]
    var drawn = false
    var lastDraw: ContinuousClock.Instant?
    /// Whether training is over: bars short of their total stopped early.
    var over = false
  }

  private let state: Locked<State>
  private let clock = ContinuousClock()

  /// A display for cases named `names` with `totals` iterations, or nil when stderr is not
  /// a terminal or the user asked for quiet.
  public init?(names: [String], totals: [Int], quiet: Bool) {
    guard !quiet, isatty(STDERR_FILENO) != 0 else { return nil }
    state = Locked(State(bars: zip(names, totals).map { Bar(name: $0, total: $1) }))
  }

  /// Records that case `index` has finished `iterations`; redraws at most ten times a second,
  /// and whenever a case completes.
  public func update(case index: Int, iterations: Int) {
    let now = clock.now
    state.withLock { state in
      if state.bars[index].started == nil { state.bars[index].started = now }
      state.bars[index].done = iterations
      state.bars[index].lastUpdate = now
      let complete = iterations == state.bars[index].total
      if !complete, let last = state.lastDraw, now - last < .milliseconds(100) { return }
      state.lastDraw = now
      draw(&state)
    }
  }

  /// Draws the final state of every bar once training is over.
  public func finish() {
    state.withLock { state in
      state.over = true
      draw(&state)
    }
  }

  private func draw(_ state: inout State) {
    var text = state.drawn ? "\u{1B}[\(state.bars.count)A" : ""
    state.drawn = true
    for bar in state.bars { text += "\r\u{1B}[2K" + line(bar, over: state.over) + "\n" }
    FileHandle.standardError.write(Data(text.utf8))
  }

  private func line(_ bar: Bar, over: Bool) -> String {
    let width = 24
    let fraction = bar.total > 0 ? Double(bar.done) / Double(bar.total) : 1
    let filled = Int((fraction * Double(width)).rounded(.down))
    let percent = String(Int(fraction * 100))
    var text = Self.label(bar.name)
      + "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
      + String(repeating: " ", count: max(0, 3 - percent.count)) + percent + "%"
    if let started = bar.started, let lastUpdate = bar.lastUpdate, bar.done > 0 {
      let rate = Double(bar.done) / max(Self.seconds(lastUpdate - started), 1e-6)
      text += "  " + Self.number(rate, decimals: 0) + " it/s"
      if bar.done == bar.total {
        text += "  done"
      } else if over {
        text += "  stopped (diverged)"
      } else {
        text += "  " + Self.number(Double(bar.total - bar.done) / rate, decimals: 1) + " s left"
      }
    }
    return text
  }

  /// A case's name as its bar shows it: control characters written as escapes, never more
  /// than 32 scalars (the last one then `…`), padded to a column of 33.
  static func label(_ name: String) -> String {
    let shown = SafeText.printable(name, limit: 32)
    return shown + String(repeating: " ", count: 33 - shown.unicodeScalars.count)
  }

  private static func number(_ value: Double, decimals: Int) -> String {
    SafeText.fixed(value, decimals: decimals) ?? "?"
  }

  private static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
  }
}
