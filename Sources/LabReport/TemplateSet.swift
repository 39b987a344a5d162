import Foundation
import Mustache
import SafeText

/// The report's Mustache templates and its wording in each language, read from a folder.
///
/// The folder holds `report.mustache` (the page), `case-page.mustache` and
/// `ranking.mustache` (a sweep's pages of one case and of every case), their partials
/// `figure`, `case`, `parameters`, `diagnostics`, `sweep`, `ranked` and `style`, and `locale/en.json`,
/// `locale/ko.json`: the words of the report.
public struct TemplateSet: Sendable {
  /// The templates a set must contain.
  public static let requiredTemplates = [
    "report", "figure", "case", "parameters", "diagnostics", "style", "sweep", "ranked", "case-page", "ranking",
  ]

  let library: MustacheLibrary
  let folder: URL
  let chosenByUser: Bool

  /// Reads every template in `folder`, refusing a set that lacks one, cannot be parsed, or
  /// includes partials it cannot render (`checkPartials`).
  public init(folder: URL, chosenByUser: Bool) throws(LabReportError) {
    self.folder = folder
    self.chosenByUser = chosenByUser
    var library = MustacheLibrary()
    var texts: [(name: String, text: String)] = []
    for name in Self.requiredTemplates {
      let file = folder.appendingPathComponent("\(name).mustache")
      guard let text = try? String(contentsOf: file, encoding: .utf8) else {
        throw .badTemplates("\(Self.quoted(file)) is missing or unreadable", chosenByUser: chosenByUser)
      }
      do {
        try library.register(text, named: name)
      } catch {
        throw .badTemplates(
          "\(Self.quoted(file)) cannot be parsed (\(Self.reason(error)))", chosenByUser: chosenByUser)
      }
      texts.append((name, text))
    }
    try Self.checkPartials(texts, in: folder, chosenByUser: chosenByUser)
    self.library = library
  }

  /// The set shipped with nnlab: `templates/` beside the executable's checkout or install
  /// prefix (`share/nnlab/templates`, so `bin/nnlab` finds `../share/nnlab/templates`),
  /// or in the source tree it was built from.
  public static func installed() throws(LabReportError) -> TemplateSet {
    var candidates: [URL] = []
    var folder = executableURL.deletingLastPathComponent()
    while folder.path != "/" {
      candidates.append(folder.appendingPathComponent("templates"))
      candidates.append(folder.appendingPathComponent("share/nnlab/templates"))
      folder.deleteLastPathComponent()
    }
    let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    candidates.append(sourceRoot.appendingPathComponent("templates"))
    guard
      let found = candidates.first(where: {
        FileManager.default.fileExists(atPath: $0.appendingPathComponent("report.mustache").path)
      })
    else {
      throw .badTemplates(
        "no templates folder found near \(SafeText.quoted(CommandLine.arguments[0], truncation: .middle)); "
          + "use --templates DIR",
        chosenByUser: false)
    }
    return try TemplateSet(folder: found, chosenByUser: false)
  }

  /// The words of the report in `language`.
  public func strings(_ language: ReportLanguage) throws(LabReportError) -> ReportStrings {
    let file = folder.appendingPathComponent("locale/\(language.rawValue).json")
    guard let data = try? Data(contentsOf: file) else {
      throw .badTemplates("\(Self.quoted(file)) is missing or unreadable", chosenByUser: chosenByUser)
    }
    guard let table = try? JSONDecoder().decode([String: String].self, from: data) else {
      throw .badTemplates(
        "\(Self.quoted(file)) must be a JSON object of strings", chosenByUser: chosenByUser)
    }
    if let missing = ReportStrings.Key.allCases.first(where: { table[$0.rawValue] == nil }) {
      throw .badTemplates(
        "\(Self.quoted(file)) lacks the text '\(missing.rawValue)'", chosenByUser: chosenByUser)
    }
    return ReportStrings(table: table)
  }

  /// Renders a page with `template`; a template that renders to nothing is an error, not an
  /// empty page.
  ///
  /// The page is passed through `SafeText.sanitized` whole: Mustache escapes markup but not
  /// control characters or noncharacters, and this way none reaches the page raw, whether it
  /// came from the experiment, the snapshot, a locale file or a template.
  func render(_ page: Any, template: String) throws(LabReportError) -> String {
    guard let html = library.render(page, withTemplate: template), !html.isEmpty else {
      throw .badTemplates("\(template).mustache rendered nothing", chosenByUser: chosenByUser)
    }
    return SafeText.sanitized(html)
  }

  /// A file's path as an error message quotes it.
  private static func quoted(_ file: URL) -> String {
    SafeText.quoted(file.path, truncation: .middle)
  }

  /// Where and why swift-mustache refused a template, without echoing the template's text.
  private static func reason(_ error: any Error) -> String {
    guard let failure = error as? MustacheTemplate.ParserError else {
      return SafeText.printable("\(error)", limit: SafeText.quoteLimit)
    }
    let what: String
    switch failure.error as? MustacheTemplate.Error {
    case .sectionCloseNameIncorrect: what = "a section is closed with another name than it was opened with"
    case .unfinishedName: what = "a tag is not closed, or its name holds a character a name may not have"
    case .expectedSectionEnd: what = "a section is never closed"
    case .invalidSetDelimiter: what = "a set-delimiter tag is malformed"
    case .transformAppliedToInheritanceSection: what = "a block of an inherited partial applies a transform"
    case .illegalTokenInsideInheritSection, .textInsideInheritSection:
      what = "an inherited partial holds something other than blocks"
    case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: what = "a pragma tag ({{% ...}}) is not understood"
    case nil: what = SafeText.printable("\(failure.error)", limit: SafeText.quoteLimit)
    }
    return "line \(failure.context.lineNumber), column \(failure.context.columnNumber): \(what)"
  }
}
