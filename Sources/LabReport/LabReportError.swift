/// A report that cannot be made, with the exit status DESIGN.md documents for its kind.
///
/// Each message is one line for a terminal. User text in it (a path, a name, a value)
/// belongs in `SafeText.quoted`, which shows at most `SafeText.quoteLimit` scalars with
/// control characters as escapes; the command line bounds the whole line besides.
public enum LabReportError: Error, Equatable, CustomStringConvertible {
  /// The experiment file is malformed or holds a bad value (exit 65).
  case badExperiment(String)
  /// The snapshot is malformed, truncated, changed or of another format (exit 65).
  case badSnapshot(String)
  /// The output folder cannot be written, or belongs to someone else (exit 73).
  case cannotWrite(String)
  /// A template set that cannot be used: missing, unparsable or incomplete (exit 1, or 64
  /// when the set was named with `--templates`).
  case badTemplates(String, chosenByUser: Bool)
  /// A figure or diagram could not be drawn (exit 1).
  case rendering(String)

  /// The process exit status for this error.
  public var exitStatus: Int32 {
    switch self {
    case .badExperiment, .badSnapshot: 65
    case .cannotWrite: 73
    case .badTemplates(_, let chosenByUser): chosenByUser ? 64 : 1
    case .rendering: 1
    }
  }

  public var description: String {
    switch self {
    case .badExperiment(let message): "bad experiment: \(message)"
    case .badSnapshot(let message): "bad snapshot: \(message)"
    case .cannotWrite(let message): "cannot write the report: \(message)"
    case .badTemplates(let message, _): "bad templates: \(message)"
    case .rendering(let message): "cannot draw the report: \(message)"
    }
  }
}

/// The language a report is written in.
public enum ReportLanguage: String, Sendable, Codable, CaseIterable {
  case en
  case ko
}
