internal import CRsvgLoader
import Foundation

/// An SVG document read by librsvg, ready to be drawn by cairo as a PNG image or a one-page
/// PDF, in process.
///
/// librsvg and cairo are loaded when the first image is read (see `loadLibrary()`), so a
/// process that draws none never maps them.
///
/// Sizes follow CSS: a pixel is 1/96 inch, so an SVG `width="540"` is 540 pixels, a
/// Graphviz `width="405pt"` also 540 pixels, and either is a PDF page 405 points wide.
/// The same document gives the same bytes on the same machine (same librsvg, cairo and
/// fonts): nothing depends on the time or on memory addresses, and the PDF's creation
/// date is `creationDate`.
///
/// An image is not thread-safe: draw it from one thread at a time.
public final class SVGImage {
  /// The resolution at which lengths in `pt`, `mm` or `in` become pixels: CSS's 96 per inch.
  public static let dotsPerInch = 96.0

  /// The creation date written into every PDF, so that the same figure gives the same bytes.
  public static let creationDate = "2000-01-01T00:00:00Z"

  /// The largest image `png(scale:)` draws, in pixels (width times height): 64 million,
  /// 256 MB of memory while drawing.
  public static let pixelLimit = 64_000_000

  /// The document's size in CSS pixels, from its `width` and `height`.
  public let size: (width: Double, height: Double)

  private let handle: UnsafeMutablePointer<RsvgHandle>

  /// librsvg's and cairo's functions, loaded once per process.
  private let library: NNLabRsvgFunctions

  /// Reads an SVG document.
  /// - Throws: `FigureExportError` when librsvg or cairo cannot be loaded, when librsvg
  ///   cannot parse `svg`, or when the document has no absolute `width` and `height` (a
  ///   percentage, or a `viewBox` alone, has no size).
  public init(svg: Data) throws(FigureExportError) {
    let library = try Self.library()
    var error: UnsafeMutablePointer<GError>?
    let handle = svg.withUnsafeBytes { bytes in
      library.rsvg_handle_new_from_data(bytes.bindMemory(to: UInt8.self).baseAddress, gsize(bytes.count), &error)
    }
    guard let handle else {
      throw FigureExportError("librsvg cannot read the SVG: \(Self.message(taking: error, library))")
    }
    library.rsvg_handle_set_dpi(handle, Self.dotsPerInch)
    var width = 0.0
    var height = 0.0
    guard library.rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) != 0,
      width.isFinite, height.isFinite, width > 0, height > 0
    else {
      library.g_object_unref(UnsafeMutableRawPointer(handle))
      throw FigureExportError("the SVG has no absolute width and height, so it has no size to draw at")
    }
    self.library = library
    self.handle = handle
    self.size = (width, height)
  }

  deinit {
    library.g_object_unref(UnsafeMutableRawPointer(handle))
  }

  /// The pixel size of `png(scale:)`: the document's size times `scale`, rounded up.
  public func pixelSize(scale: Double) -> (width: Int, height: Int) {
    (Int((size.width * scale).rounded(.up)), Int((size.height * scale).rounded(.up)))
  }

  /// The document as a PNG image (8 bits a channel) `scale` times its size, on white, as a
  /// browser shows it on a white page.
  /// - Throws: `FigureExportError` when `scale` is not positive, the image would exceed
  ///   `pixelLimit`, or cairo or librsvg fail.
  public func png(scale: Double = 2) throws(FigureExportError) -> Data {
    guard scale.isFinite, scale > 0 else { throw FigureExportError("a PNG needs a scale greater than 0") }
    let (width, height) = pixelSize(scale: scale)
    guard width <= Int(Int32.max), height <= Int(Int32.max), width * height <= Self.pixelLimit else {
      throw FigureExportError(
        "a PNG of \(width) × \(height) pixels is larger than the \(Self.pixelLimit) pixels nnlab draws")
    }
    let surface = library.cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))
    defer { library.cairo_surface_destroy(surface) }
    try check(library.cairo_surface_status(surface), "cannot make a \(width) × \(height) image")
    try draw(on: surface, scale: scale, background: true)
    let sink = ByteSink()
    let status = withExtendedLifetime(sink) {
      library.cairo_surface_write_to_png_stream(surface, appendBytes, Unmanaged.passUnretained(sink).toOpaque())
    }
    try check(status, "cannot write the PNG")
    return sink.data
  }

  /// The document as a one-page PDF of its size (a pixel is 0.75 point), its text kept as
  /// text, with `title` in the document information when given.
  /// - Throws: `FigureExportError` when cairo or librsvg fail.
  public func pdf(title: String? = nil) throws(FigureExportError) -> Data {
    let sink = ByteSink()
    let pointsPerPixel = 72 / Self.dotsPerInch
    return try withExtendedLifetime(sink) { () throws(FigureExportError) -> Data in
      let surface = library.cairo_pdf_surface_create_for_stream(
        appendBytes, Unmanaged.passUnretained(sink).toOpaque(), size.width * pointsPerPixel,
        size.height * pointsPerPixel)
      defer { library.cairo_surface_destroy(surface) }
      try check(library.cairo_surface_status(surface), "cannot start the PDF")
      library.cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, Self.creationDate)
      if let title { library.cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title) }
      try draw(on: surface, scale: pointsPerPixel)
      library.cairo_surface_finish(surface)
      try check(library.cairo_surface_status(surface), "cannot write the PDF")
      return sink.data
    }
  }

  /// Draws the whole document onto `surface`, `scale` surface units to the pixel, over
  /// white with `background`.
  private func draw(on surface: OpaquePointer?, scale: Double, background: Bool = false) throws(FigureExportError) {
    let context = library.cairo_create(surface)
    defer { library.cairo_destroy(context) }
    if background {
      library.cairo_set_source_rgb(context, 1, 1, 1)
      library.cairo_paint(context)
    }
    library.cairo_scale(context, scale, scale)
    var viewport = RsvgRectangle(x: 0, y: 0, width: size.width, height: size.height)
    var error: UnsafeMutablePointer<GError>?
    guard library.rsvg_handle_render_document(handle, context, &viewport, &error) != 0 else {
      throw FigureExportError("librsvg cannot draw the SVG: \(Self.message(taking: error, library))")
    }
    try check(library.cairo_status(context), "cannot draw the SVG")
  }

  /// Throws `what` with cairo's reason unless `status` is success.
  private func check(_ status: cairo_status_t, _ what: String) throws(FigureExportError) {
    guard status == CAIRO_STATUS_SUCCESS else {
      let reason = library.cairo_status_to_string(status).map { String(cString: $0) } ?? "status \(status.rawValue)"
      throw FigureExportError("\(what): \(reason)")
    }
  }

  /// A GError's message as one line; frees the error with `library`.
  private static func message(taking error: UnsafeMutablePointer<GError>?, _ library: NNLabRsvgFunctions) -> String {
    guard let error else { return "no reason given" }
    defer { library.g_error_free(error) }
    guard let text = error.pointee.message else { return "no reason given" }
    return String(cString: text).split(whereSeparator: \.isNewline).joined(separator: " ")
  }
}

/// The bytes cairo writes to a stream.
private final class ByteSink {
  var data = Data()
}

/// cairo's stream writer: appends to the `ByteSink` passed as the closure.
private let appendBytes: cairo_write_func_t = { closure, bytes, length in
  guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
  Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
  return CAIRO_STATUS_SUCCESS
}
