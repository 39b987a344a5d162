import NetworkDiagram

extension ReportAssembler {
  /// Refuses a report when Graphviz cannot be loaded, so that a report whose network
  /// diagrams cannot be drawn is refused before any training or writing.
  static func checkDiagramLibrary() throws(LabReportError) {
    do {
      try GraphvizRenderer.loadLibrary()
    } catch {
      throw .rendering(error.description)
    }
  }
}
