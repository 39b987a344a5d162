import FigureExport
import Foundation

extension ReportAssembler {
  /// Refuses `formats` with PNG or PDF when librsvg or cairo cannot be loaded, so that a
  /// report that cannot be drawn is refused before any training or writing.
  static func checkExportLibrary(formats: Set<FigureFormat>) throws(LabReportError) {
    guard !formats.isDisjoint(with: [.png, .pdf]) else { return }
    do {
      try SVGImage.loadLibrary()
    } catch {
      throw .rendering(error.description)
    }
  }

  /// The PNG (at twice the size) and the PDF of every figure and diagram of `catalogue`, as
  /// `formats` asks, each drawn from its SVG in `files` and put beside it.
  func exports(formats: Set<FigureFormat>) throws(LabReportError) -> [String: Data] {
    let wanted = [FigureFormat.png, .pdf].filter(formats.contains)
    guard !wanted.isEmpty else { return [:] }
    var exports: [String: Data] = [:]
    for figure in catalogue {
      let path = figure.path(.svg)
      guard let svg = files[path] else { throw .rendering("\(path) is not in the report") }
      do {
        let image = try SVGImage(svg: svg)
        for format in wanted {
          exports[figure.path(format)] = format == .png ? try image.png(scale: 2) : try image.pdf(title: figure.title)
        }
      } catch {
        throw .rendering("\(path): \(error)")
      }
    }
    return exports
  }
}
