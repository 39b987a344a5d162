/// The sweep section of a report: what was swept, heat maps of the outcome over the
/// sweep's axes, the best and worst boundaries, the ranked cases and the spread over seeds.
struct SweepSection {
  var text: String
  /// The settings every case shares, when the sweep fixes any.
  var fixedText: String?
  /// That the cases learn from other data sets than the one shown above, when they do.
  var dataText: String?
  var heatMaps: [FigureView]
  var extremes: FigureView
  var rankedCaption: String
  /// The names of the swept settings, the ranked table's own columns.
  var settingHeaders: [String]
  var rows: [SweepRow]
  /// A link to the page ranking every case, when the table here shows only the best.
  var allCases: FileLink?
  var seeds: SeedSection?
}

/// One case in the ranked table.
struct SweepRow {
  var rank: String
  var href: String
  var name: String
  var values: [String]
  var iterations: String
  var lossTrain: String
  var lossTest: String
  var accuracyTrain: String
  var accuracyTest: String
}

/// The outcome of each combination of the other settings, over the swept seeds.
struct SeedSection {
  var caption: String
  var settingHeaders: [String]
  var rows: [SeedRow]
}

struct SeedRow {
  var values: [String]
  var runs: String
  var lossTest: String
  var lossSpread: String
  var accuracyTest: String
  var accuracySpread: String
}

/// The page of one case of a sweep: `cases/<slug>.html`.
struct CasePage {
  var lang: String
  var version: String
  var t: [String: String]
  var title: String
  var experimentTitle: String
  var back: String
  var run: CaseView
}

/// The page ranking every case of a large sweep: `cases/index.html`.
struct RankingPage {
  var lang: String
  var version: String
  var t: [String: String]
  var title: String
  var experimentTitle: String
  var back: String
  var rankedCaption: String
  var settingHeaders: [String]
  var rows: [SweepRow]
}
