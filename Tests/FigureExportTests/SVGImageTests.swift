import FigureExport
import Foundation
import Testing
import TestSupport

/// SVG in, PNG and PDF out, through librsvg and cairo in process.
@Suite struct SVGImageTests {
  static let svg = Data(
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <svg xmlns="http://www.w3.org/2000/svg" width="120" height="45" viewBox="0 0 120 45">
    <rect x="0" y="0" width="60" height="45" fill="#1f77b4"/>
    <text x="64" y="28" font-family="DejaVu Sans" font-size="14">Loss 결정</text>
    </svg>
    """.utf8)

  @Test func thePNGIsTwiceTheSizeOnWhiteAndRepeats() throws {
    let image = try SVGImage(svg: Self.svg)
    #expect(image.size.width == 120 && image.size.height == 45)
    let png = try image.png(scale: 2)
    #expect(pngSize(png).map { [$0.width, $0.height] } == [240, 90])
    #expect(try SVGImage(svg: Self.svg).png(scale: 2) == png)
    #expect(pngSize(try image.png(scale: 1.5)).map { [$0.width, $0.height] } == [180, 68])
  }

  @Test func thePDFIsOnePageOfTheSizeWithItsTextAndTitle() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let image = try SVGImage(svg: Self.svg)
    let pdf = try image.pdf(title: "Loss curve")
    let file = folder.url.appendingPathComponent("figure.pdf")
    try pdf.write(to: file)
    let info = try pdfInfo(file)
    #expect(info["Pages"] == "1")
    #expect(info["Page size"]?.hasPrefix("90 x 33.75 pts") == true, "\(info)")
    #expect(info["Title"] == "Loss curve")
    #expect(info["CreationDate"]?.contains("2000") == true, "\(info)")
    #expect(try pdfText(file).contains("Loss 결정"))
    #expect(try SVGImage(svg: Self.svg).pdf(title: "Loss curve") == pdf)
  }

  /// Graphviz writes its sizes in points: 72 points are 96 pixels, as in a browser.
  @Test func pointsAreThreeQuartersOfAPixel() throws {
    let svg = #"<svg xmlns="http://www.w3.org/2000/svg" width="72pt" height="36pt" viewBox="0 0 72 36"><rect width="72" height="36"/></svg>"#
    let image = try SVGImage(svg: Data(svg.utf8))
    #expect(image.size.width == 96 && image.size.height == 48)
    #expect(pngSize(try image.png()).map { [$0.width, $0.height] } == [192, 96])
  }

  @Test func unreadableOrSizelessDocumentsAreRefusedWithAReason() {
    #expect {
      try SVGImage(svg: Data("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\"".utf8))
    } throws: { ($0 as? FigureExportError)?.description.hasPrefix("librsvg cannot read the SVG: ") == true }
    #expect(throws: FigureExportError("the SVG has no absolute width and height, so it has no size to draw at")) {
      try SVGImage(svg: Data(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>"#.utf8))
    }
  }

  @Test func anImageBeyondThePixelLimitIsRefused() throws {
    let svg = #"<svg xmlns="http://www.w3.org/2000/svg" width="9000" height="9000"/>"#
    let image = try SVGImage(svg: Data(svg.utf8))
    #expect(throws: FigureExportError("a PNG of 18000 × 18000 pixels is larger than the 64000000 pixels nnlab draws")) {
      try image.png(scale: 2)
    }
    #expect(throws: FigureExportError("a PNG needs a scale greater than 0")) { try image.png(scale: 0) }
  }
}
