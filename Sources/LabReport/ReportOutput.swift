import SafeText

/// A file format for the report's figures and diagrams.
public enum FigureFormat: String, Sendable, CaseIterable {
  /// The drawing itself: always written, since the report links it.
  case svg
  /// An image at twice the SVG's size, for slides and notes that cannot show SVG.
  case png
  /// A one-page vector PDF, for LaTeX (`\includegraphics`).
  case pdf
}

/// What a report writes besides `index.html`, the SVG figures and `snapshot.json`: more
/// figure formats, and the whole report as one zip file.
public struct ReportOutput: Sendable, Equatable {
  /// The formats of every figure and diagram; always holds `.svg`.
  public private(set) var formats: Set<FigureFormat>
  /// Whether to write `<folder name>.zip` beside the folder too.
  public var zip: Bool

  /// SVG and any of `formats`, and a zip when `zip` is true.
  public init(formats: Set<FigureFormat> = [.svg], zip: Bool = false) {
    self.formats = formats.union([.svg])
    self.zip = zip
  }

  /// Reads a comma-separated list of formats such as `svg,png,pdf`; SVG is always added,
  /// and a format named twice counts once.
  /// - Throws: `FormatListError` for an empty list, an empty item or an unknown format.
  public static func formats(parsing list: String) throws(FormatListError) -> Set<FigureFormat> {
    var formats: Set<FigureFormat> = [.svg]
    for item in list.split(separator: ",", omittingEmptySubsequences: false) {
      guard let format = FigureFormat(rawValue: String(item)) else {
        throw FormatListError(item: String(item))
      }
      formats.insert(format)
    }
    return formats
  }
}

/// A `--formats` list naming something that is not a figure format.
public struct FormatListError: Error, Equatable, CustomStringConvertible {
  /// The bad item: empty for an empty list or item.
  public let item: String

  /// The error for `item`.
  public init(item: String) {
    self.item = item
  }

  public var description: String {
    let allowed = FigureFormat.allCases.map(\.rawValue).joined(separator: ", ")
    let what = item.isEmpty ? "an empty format" : "\(SafeText.quoted(item)) is not a figure format"
    return "--formats: \(what); give a comma-separated list of \(allowed)"
  }
}
