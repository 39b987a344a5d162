import SafeText
import TinyNet

extension ReportAssembler {
  /// A note that a run recorded only the first, every k-th and the last update; nil when it
  /// recorded every update.
  func recordingNote(_ recording: RecordingPlan) -> String? {
    guard recording.every > 1 else { return nil }
    return strings.format(
      .recordedEvery,
      [
        "every": SafeText.grouped(recording.every), "count": SafeText.grouped(recording.recordCount),
        "iterations": SafeText.grouped(recording.iterations),
      ])
  }
}
