import Foundation
import SafeText

extension ReportAssembler {
  /// The notes kits: `figures/figures.md` and `figures/figures.tex`, every figure and
  /// diagram of `catalogue` with its caption, ready to paste into course notes.
  func notesKits(formats: Set<FigureFormat>) -> [String: Data] {
    [
      "figures/figures.md": Data(markdownKit(formats: formats).utf8),
      "figures/figures.tex": Data(latexKit(formats: formats).utf8),
    ]
  }

  /// Markdown: per figure a heading (its title), the image (the PNG when written, else the
  /// SVG; paths relative to `figures/`) with its alt text, and the caption in italics.
  func markdownKit(formats: Set<FigureFormat>) -> String {
    let format: FigureFormat = formats.contains(.png) ? .png : .svg
    var lines = [
      "# " + SafeText.markdown(experiment.title), "",
      "<!-- Every figure and diagram of the report, written by nnlab \(snapshot.nnlabVersion). Image paths "
        + "are relative to this file's folder; copy a block into notes kept beside it. -->",
    ]
    for figure in catalogue {
      let path = figure.folder == "figures" ? "\(figure.name).\(format.rawValue)" : "../" + figure.path(format)
      lines += ["", "### " + SafeText.markdown(figure.title), "", "![\(SafeText.markdown(figure.altText))](\(path))"]
      let caption = figure.caption.trimmingCharacters(in: .whitespacesAndNewlines)
      if !caption.isEmpty { lines += ["", "*\(SafeText.markdown(caption))*"] }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// LaTeX: per figure a `figure` environment with `\includegraphics` of its file without
  /// extension (so LaTeX takes the PDF, or else the PNG), the caption and
  /// `\label{fig:<name>}`; paths are relative to the report folder. The comments at the top
  /// say what the file needs: `graphicx`, a report written with `--formats pdf` when it
  /// has neither PDFs nor PNGs, and an engine with CJK fonts when any text is Hangul or Han.
  func latexKit(formats: Set<FigureFormat>) -> String {
    var lines = [
      "% " + SafeText.latex(experiment.title),
      "% Every figure and diagram of the report, written by nnlab \(snapshot.nnlabVersion).",
      "% \\input{figures/figures.tex} from a document in the report folder (or set",
      "% \\graphicspath{{path/to/the/report/}}) whose preamble has \\usepackage{graphicx}.",
      "% Labels are fig:<file name>, for example \\ref{fig:\(catalogue.first?.name ?? "data-set")}.",
    ]
    if formats.isDisjoint(with: [.pdf, .png]) {
      lines += [
        "% This report has SVG figures only, which LaTeX cannot include: write it again with",
        "% --formats pdf (nnlab report or nnlab render).",
      ]
    }
    let texts = catalogue.flatMap { [$0.title, $0.caption, $0.altText] } + [experiment.title]
    if texts.contains(where: Self.needsCJKFonts) {
      lines += [
        "% The captions use Hangul or Han characters: compile with a CJK-capable engine, such as",
        "% xelatex or lualatex with fontspec and a CJK font (or the kotex package).",
      ]
    }
    for figure in catalogue {
      lines += [
        "", "% \(SafeText.latex(figure.title))", "% alt: \(SafeText.latex(figure.altText))",
        "\\begin{figure}[htbp]", "  \\centering",
        "  \\includegraphics[width=\\linewidth,height=0.8\\textheight,keepaspectratio]{\(figure.folder)/\(figure.name)}",
        "  \\caption{\(SafeText.latex(figure.caption))}", "  \\label{fig:\(figure.name)}", "\\end{figure}",
      ]
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Whether `text` has Hangul or Han characters, which pdfLaTeX's fonts do not have.
  static func needsCJKFonts(_ text: String) -> Bool {
    text.unicodeScalars.contains {
      $0.properties.isIdeographic || (0xAC00...0xD7A3).contains($0.value) || (0x1100...0x11FF).contains($0.value)
        || (0x3130...0x318F).contains($0.value)
    }
  }
}
