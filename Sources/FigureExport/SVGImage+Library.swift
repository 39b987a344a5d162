internal import CRsvgLoader

extension SVGImage {
  /// The Debian packages that hold librsvg and cairo, which drawing needs at run time (the
  /// `-dev` packages are needed to build nnlab).
  public static let libraryPackages = ["librsvg2-2", "libcairo2"]

  /// Loads librsvg and cairo if no image has loaded them yet, so that a caller can refuse
  /// work that needs PNG or PDF before doing any.
  /// - Throws: `FigureExportError` naming the Debian packages, and the library or function
  ///   that is missing.
  public static func loadLibrary() throws(FigureExportError) {
    _ = try library()
  }

  /// librsvg's and cairo's functions, loaded at the first call (once per process, whatever
  /// the thread).
  static func library() throws(FigureExportError) -> NNLabRsvgFunctions {
    var problem: UnsafePointer<CChar>?
    guard let functions = nnlab_rsvg_functions(&problem) else {
      throw FigureExportError(
        "PNG and PDF figures need librsvg and cairo (Debian packages "
          + "\(libraryPackages.joined(separator: " and "))): \(problem.map { String(cString: $0) } ?? "no reason given")")
    }
    return functions.pointee
  }
}
