import Foundation
import SafeText

/// Progress bars on stderr while cases train: one line per case with iterations per
/// second and the time left, or for more than `maximumBars` cases (a sweep) one line for
/// them all, with the cases done. Draws nothing unless stderr is a terminal.
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

  /// The most cases drawn with a bar each.
  public static let maximumBars = 12

  private let state: Locked<State>
  private let clock = ContinuousClock()
  private let aggregate: Bool

  /// A display for cases named `names` with `totals` iterations, or nil when stderr is not
  /// a terminal or the user asked for quiet.
  public init?(names: [String], totals: [Int], quiet: Bool) {
    guard !quiet, isatty(STDERR_FILENO) != 0 else { return nil }
    state = Locked(State(bars: zip(names, totals).map { Bar(name: $0, total: $1) }))
    aggregate = names.count > Self.maximumBars
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
    let lines = aggregate ? [summaryLine(state)] : state.bars.map { line($0, over: state.over) }
    var text = state.drawn ? "\u{1B}[\(lines.count)A" : ""
    state.drawn = true
    for line in lines { text += "\r\u{1B}[2K" + line + "\n" }
    FileHandle.standardError.write(Data(text.utf8))
  }

  /// One line for every case: the share of iterations done, the cases complete, the rate
  /// over all cases and the time left.
  private func summaryLine(_ state: State) -> String {
    let done = state.bars.reduce(0) { $0 + $1.done }
    let total = state.bars.reduce(0) { $0 + $1.total }
    let complete = state.bars.filter { $0.done == $0.total || (state.over && $0.started != nil) }.count
    // Once training is over, cases that diverged stopped short of their totals: all is done.
    var text = Self.bar(fraction: total > 0 && !state.over ? Double(done) / Double(total) : 1)
      + "  \(complete)/\(state.bars.count) cases"
    let starts = state.bars.compactMap(\.started)
    let updates = state.bars.compactMap(\.lastUpdate)
    if let started = starts.min(), let last = updates.max(), done > 0 {
      let rate = Double(done) / max(Self.seconds(last - started), 1e-6)
      text += "  " + Self.number(rate, decimals: 0) + " it/s"
      text += state.over ? "  done" : "  " + Self.number(Double(total - done) / rate, decimals: 1) + " s left"
    }
    return text
  }

  /// A bar of 24 characters filled to `fraction`, and the percentage.
  private static func bar(fraction: Double) -> String {
    let width = 24
    let filled = Int((fraction * Double(width)).rounded(.down))
    let percent = String(Int(fraction * 100))
    return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
      + String(repeating: " ", count: max(0, 3 - percent.count)) + percent + "%"
  }

  private func line(_ bar: Bar, over: Bool) -> String {
    let fraction = bar.total > 0 ? Double(bar.done) / Double(bar.total) : 1
    var text = Self.label(bar.name) + Self.bar(fraction: fraction)
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
