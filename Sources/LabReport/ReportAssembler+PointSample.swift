import SafeText
import TinyNet

extension ReportAssembler {
  /// The most points of one set that a figure draws. A larger set is drawn as this many
  /// points spread evenly through it (`LabeledPoints.evenlySpacedIndices`), and the
  /// figure's note says so; counts, histograms, losses and accuracies use every point.
  static let figurePointLimit = 100

  /// The indices of the points of `points` that figures draw.
  static func shownIndices(_ points: LabeledPoints) -> [Int] {
    points.evenlySpacedIndices(limit: figurePointLimit)
  }

  /// "100 of 1,000,000 training points shown." when figures draw only some of `points`,
  /// the training set's or (with `test`) the test set's.
  func sampleNote(_ points: LabeledPoints, test: Bool = false) -> String? {
    guard points.count > Self.figurePointLimit else { return nil }
    return strings.format(
      test ? .sampleNoteTest : .sampleNoteTrain,
      ["shown": SafeText.grouped(Self.figurePointLimit), "total": SafeText.grouped(points.count)])
  }

  /// The notes that apply, as one text; nil when none does.
  func joinedNote(_ notes: String?...) -> String? {
    let present = notes.compactMap { $0 }
    return present.isEmpty ? nil : present.joined(separator: " ")
  }
}
