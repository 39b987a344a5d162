import ArgumentParser
import LabReport

/// Options shared by `report` and `render`: the figures' formats and the zip.
struct OutputOptions: ParsableArguments {
  @Option(help: "The figures' formats, a comma-separated list of svg, png, pdf (SVG is always written).")
  var formats = "svg"

  @Flag(help: "Also write the whole report as one <folder name>.zip beside the folder.")
  var zip = false

  /// What to write, or a usage failure (exit 64) naming a bad format.
  func reportOutput() throws(CommandFailure) -> ReportOutput {
    do {
      return ReportOutput(formats: try ReportOutput.formats(parsing: formats), zip: zip)
    } catch {
      throw .usage(error.description)
    }
  }
}
