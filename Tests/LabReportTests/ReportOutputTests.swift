import LabReport
import Testing

/// `--formats`: SVG always, any of png and pdf, nothing else.
@Suite struct ReportOutputTests {
  @Test func aListAddsToSVGAndCountsEachFormatOnce() throws {
    #expect(try ReportOutput.formats(parsing: "svg") == [.svg])
    #expect(try ReportOutput.formats(parsing: "pdf") == [.svg, .pdf])
    #expect(try ReportOutput.formats(parsing: "png,pdf,png,svg") == [.svg, .png, .pdf])
    #expect(ReportOutput(formats: [.png]).formats == [.svg, .png])
  }

  @Test func badListsNameTheItemAndWhatIsAllowed() {
    #expect(throws: FormatListError(item: "gif")) { try ReportOutput.formats(parsing: "svg,gif") }
    #expect(throws: FormatListError(item: "")) { try ReportOutput.formats(parsing: "") }
    #expect(throws: FormatListError(item: "")) { try ReportOutput.formats(parsing: "png,") }
    #expect(throws: FormatListError(item: "PNG")) { try ReportOutput.formats(parsing: "PNG") }
    #expect(
      FormatListError(item: "gif").description
        == "--formats: 'gif' is not a figure format; give a comma-separated list of svg, png, pdf")
    #expect(
      FormatListError(item: "").description == "--formats: an empty format; give a comma-separated list of svg, png, pdf")
  }
}
