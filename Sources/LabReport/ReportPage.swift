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
  var dataHeading: String
  var dataSets: [DataSetView]
  var initialText: String
  var initialBiases: String?
  var initialNetwork: FigureView
  var initialParameters: [ParameterTable]
  var initialBoundary: FigureView
  var updateText: String
  var updateDiverged: String?
  var updateNetwork: FigureView
  var updateBoundary: FigureView
  var updateRows: [ParameterRow]
  var casesText: String
  var cases: [CaseView]
  var histograms: HistogramSection?
  var summaryText: String
  /// Whether cases learn from different data sets, so that the summary has a data column.
  var dataPerCase: Bool
  var summaryRows: [SummaryRow]
  /// The sweep section, in place of the cases and the summary, when the cases are a sweep's.
  var sweep: SweepSection?
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

/// One parameter of the single update: before, gradient, after.
struct ParameterRow {
  var name: String
  var before: String
  var gradient: String
  var after: String
}

/// One layer's parameters as a matrix: a row per unit, its bias then a weight per input.
struct ParameterTable {
  var caption: String
  var header: [String]
  var rows: [ParameterTableRow]
}

struct ParameterTableRow {
  var unit: String
  var values: [String]
}

/// One data set: what it is, and its points.
struct DataSetView {
  var text: String
  var figure: FigureView
}

struct CaseView {
  var anchor: String
  var name: String
  /// The case's own data set, when it is not the experiment's.
  var dataLine: String?
  var settingsLine: String
  var diverged: String?
  var finalLine: String
  var figure: FigureView
  var network: FigureView
  var parameters: [ParameterTable]
  var dynamics: DynamicsView
  var diagnostics: DiagnosticsView
}

/// A case's learning over time.
struct DynamicsView {
  var curves: FigureView
  var boundaries: FigureView
}

/// A case's checks: dead units, confusion matrices and the gradient check.
struct DiagnosticsView {
  /// Which hidden units died, or that none did; nil where the activation cannot die.
  var deadUnits: String?
  var confusion: [ConfusionView]
  var gradientCheck: GradientCheckView
}

struct ConfusionView {
  var caption: String
  var header: [String]
  var rows: [ConfusionRow]
}

struct ConfusionRow {
  var actual: String
  var cells: [ConfusionCell]
}

struct ConfusionCell {
  var count: String
  /// Whether the cell counts correct predictions (its class predicted as itself).
  var correct: Bool
}

struct GradientCheckView {
  var caption: String
  /// Whether the table is long enough to be folded behind its caption.
  var folded: Bool
  var rows: [GradientCheckRow]
}

struct GradientCheckRow {
  var name: String
  var numeric: String
  var analytic: String
  var relativeError: String
  /// Whether the relative error exceeds `GradientCheck.tolerance`.
  var flagged: Bool
}

struct HistogramSection {
  var heading: String
  var figures: [FigureView]
  var notes: [String]
  var commentary: [String]
}

struct SummaryRow {
  var anchor: String
  var name: String
  /// The case's data set (name, seed and noise), when cases learn from different ones.
  var data: String?
  /// The network's shape and inputs: `2-3-1 · x1, x2`.
  var network: String
  var activation: String
  var regularization: String
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
