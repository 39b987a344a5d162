/// What the templates render: every text already in the report's language, every figure
/// as inline SVG. Property names are the names the templates use.
struct ReportPage {
  var lang: String
  var version: String
  /// The locale file's texts, for static labels (`{{t.section_data}}`).
  var t: [String: String]
  var title: String
  var notes: [String]
  var generatedBy: String
  var dataText: String
  var dataFigure: FigureView
  var initialText: String
  var initialBiases: String
  var initialNetwork: FigureView
  var initialBoundary: FigureView
  var updateText: String
  var updateNetwork: FigureView
  var updateBoundary: FigureView
  var updateRows: [ParameterRow]
  var casesText: String
  var cases: [CaseView]
  var histograms: HistogramSection?
  var summaryRows: [SummaryRow]
  var renderCommand: String
}

/// One figure: inline SVG, caption, and links to its files.
struct FigureView {
  var anchor: String
  var svg: String
  var caption: String
  var note: String?
  var links: [FileLink]
}

struct FileLink {
  var label: String
  var href: String
}

struct ParameterRow {
  var name: String
  var before: String
  var gradient: String
  var after: String
}

struct CaseView {
  var anchor: String
  var name: String
  var settingsLine: String
  var diverged: String?
  var finalLine: String
  var figure: FigureView
  var network: FigureView
}

struct HistogramSection {
  var figures: [FigureView]
  var commentary: [String]
}

struct SummaryRow {
  var anchor: String
  var name: String
  var activation: String
  var learningRate: String
  var batchSize: String
  var epochs: String
  var batchNorm: String
  var iterations: String
  var lossTrain: String
  var lossTest: String
  var accuracyTrain: String
  var accuracyTest: String
}
