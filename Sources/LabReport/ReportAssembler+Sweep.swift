import Dispatch
import Foundation
import SVGCharts
import TinyNet

extension ReportAssembler {
  /// The most cases the ranked table on `index.html` lists; a larger sweep ranks every case
  /// on `cases/index.html`.
  static let rankedRowsShown = 200
  /// How many of the best and of the worst cases show their decision boundaries.
  static let extremesShown = 3

  /// The cases from best to worst: those that ran to the end by their final test loss,
  /// then those that diverged; ties keep the sweep's order.
  var ranking: [Int] {
    experiment.cases.indices.sorted { a, b in
      let keyA = rankKey(a)
      let keyB = rankKey(b)
      return keyA.0 != keyB.0 ? !keyA.0 : keyA.1 != keyB.1 ? keyA.1 < keyB.1 : a < b
    }
  }

  private func rankKey(_ index: Int) -> (Bool, Double) {
    let result = results.cases[index]
    return (result.divergedAt != nil, result.final.lossTest ?? .infinity)
  }

  /// The path of case `index`'s page inside the report folder.
  func casePagePath(_ index: Int, sweep: Sweep) -> String { "cases/\(sweep.slug(ofCase: index)).html" }

  /// The sweep section of `index.html`.
  mutating func sweepSection(_ sweep: Sweep) throws(LabReportError) -> SweepSection {
    let ranking = self.ranking
    let dimensions = sweep.dimensions
    let varying = dimensions.map { entry in
      "\(settingName(entry.setting)) (\(entry.values.map(\.label).joined(separator: ", ")))"
    }
    let fixed = sweep.settings.filter { $0.values.count == 1 }.map { "\(settingName($0.setting)) \($0.values[0].label)" }
    let rows = ranking.prefix(Self.rankedRowsShown).enumerated().map { rank, index in
      sweepRow(index, rank: rank, sweep: sweep, prefix: "")
    }
    return SweepSection(
      text: strings.format(
        varying.isEmpty ? .sweepTextSingle : varying.count == 1 ? .sweepTextOne : .sweepText,
        ["count": String(experiment.cases.count), "settings": varying.joined(separator: " × ")]),
      fixedText: fixed.isEmpty ? nil : strings.format(.sweepFixed, ["settings": fixed.joined(separator: ", ")]),
      dataText: experiment.cases.contains { $0.data != experiment.data }
        ? strings.format(.sweepData, ["seed": String(experiment.data.seed)]) : nil,
      heatMaps: try heatMapFigures(sweep),
      extremes: try extremesFigure(ranking, sweep: sweep),
      rankedCaption: strings.format(
        rows.count < ranking.count ? .sweepRankedFirst : .sweepRanked,
        ["shown": String(rows.count), "count": String(ranking.count)]),
      settingHeaders: dimensions.map { settingName($0.setting) },
      rows: rows,
      allCases: rows.count < ranking.count
        ? FileLink(label: strings.format(.sweepAllCases, ["count": String(ranking.count)]), href: "cases/index.html")
        : nil,
      seeds: seedSection(sweep))
  }

  /// A case's row of the ranked table; `prefix` leads from the table's page to the report's root.
  func sweepRow(_ index: Int, rank: Int, sweep: Sweep, prefix: String) -> SweepRow {
    let result = results.cases[index]
    return SweepRow(
      rank: String(rank + 1), href: prefix + casePagePath(index, sweep: sweep), name: experiment.cases[index].name,
      values: sweep.values(ofCase: index).map(\.label),
      iterations: result.divergedAt.map { strings.format(.divergedShort, ["iteration": String($0)]) }
        ?? String(result.iterations),
      lossTrain: result.final.lossTrain.map { fixed($0, 4) } ?? "–",
      lossTest: result.final.lossTest.map { fixed($0, 4) } ?? "–",
      accuracyTrain: percent(result.final.accuracyTrain), accuracyTest: percent(result.final.accuracyTest))
  }

  /// The name of a swept setting in the report's language.
  func settingName(_ setting: Sweep.Setting) -> String {
    ReportStrings.Key(rawValue: "setting_" + setting.rawValue).map { strings[$0] } ?? setting.words
  }

  /// The decision boundaries of the best and the worst cases, as thumbnails in rank order.
  private mutating func extremesFigure(_ ranking: [Int], sweep: Sweep) throws(LabReportError) -> FigureView {
    let shown = Self.extremesShown
    let picks = ranking.count <= 2 * shown
      ? Array(ranking.enumerated())
      : Array(ranking.enumerated().prefix(shown)) + Array(ranking.enumerated().suffix(shown))
    let panels = picks.map { rank, index in
      let result = results.cases[index]
      let data = results.caseData[index]
      let classifier = Classifier(
        parameters: result.parameters, options: experiment.cases[index].settings.options, training: data.train)
      let bounds = data.plotBounds
      let grid = ProbabilityGrid(x: bounds.x1, y: bounds.x2, step: Self.coarseGridStep(bounds)) {
        let p = classifier.probability($0, $1)
        return p.isNaN ? 0.5 : p
      }
      let loss = result.final.lossTest.map { fixed($0, 4) } ?? "–"
      return Panel.boundaryThumbnail(
        grid, title: strings.format(.sweepThumbnailTitle, ["rank": String(rank + 1), "loss": loss]))
    }
    let names = picks.map { rank, index in "\(rank + 1). \(experiment.cases[index].name)" }.joined(separator: "; ")
    let caption = strings.format(picks.count < ranking.count ? .sweepExtremesCaption : .sweepAllBoundariesCaption, ["cases": names])
    return try chart(
      Figure(
        title: strings[.sweepExtremesTitle], description: caption, panels: panels, panelWidth: 180, panelHeight: 160,
        columns: picks.count < ranking.count ? shown : min(picks.count, 6)),
      file: "sweep-best-and-worst", caption: caption)
  }

  /// The outcome over the swept seeds of each combination of the other swept settings,
  /// best mean test loss first; nil when no seed is swept beside the heat maps' axes.
  private func seedSection(_ sweep: Sweep) -> SeedSection? {
    let dimensions = sweep.dimensions
    let averaged = sweep.averagedPlaces
    guard !averaged.isEmpty else { return nil }
    let others = dimensions.indices.filter { !averaged.contains($0) }.map { dimensions[$0] }
    let rows = sweep.runsOverSeeds().map { key, members -> (mean: Double, row: SeedRow) in
      let finished = members.filter { results.cases[$0].divergedAt == nil }
      let losses = finished.compactMap { results.cases[$0].final.lossTest }
      let accuracies = finished.map { results.cases[$0].final.accuracyTest }
      let loss = Self.meanAndSpread(losses)
      let accuracy = Self.meanAndSpread(accuracies)
      let diverged = members.count - finished.count
      return (
        loss?.mean ?? .infinity,
        SeedRow(
          values: zip(others, key).map { $0.0.values[$0.1].label },
          runs: diverged == 0
            ? String(members.count)
            : strings.format(.sweepRunsDiverged, ["runs": String(members.count), "diverged": String(diverged)]),
          lossTest: loss.map { fixed($0.mean, 4) } ?? "–", lossSpread: loss.map { fixed($0.spread, 4) } ?? "–",
          accuracyTest: accuracy.map { percent($0.mean) } ?? "–",
          accuracySpread: accuracy.map { fixed($0.spread * 100, 1) } ?? "–")
      )
    }
    let ranked = rows.enumerated().sorted { a, b in
      a.element.mean != b.element.mean ? a.element.mean < b.element.mean : a.offset < b.offset
    }
    let seeds = averaged.map { settingName(dimensions[$0].setting) }
    return SeedSection(
      caption: strings.format(.sweepSeedsCaption, ["seeds": seeds.joined(separator: ", ")]),
      settingHeaders: others.map { settingName($0.setting) },
      rows: ranked.prefix(Self.rankedRowsShown).map(\.element.row))
  }

  /// The mean and the sample standard deviation (0 for one value) of `values`, or nil for none.
  static func meanAndSpread(_ values: [Double]) -> (mean: Double, spread: Double)? {
    guard !values.isEmpty else { return nil }
    let mean = values.reduce(0, +) / Double(values.count)
    guard values.count > 1 else { return (mean, 0) }
    let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    return (mean, (squares / Double(values.count - 1)).squareRoot())
  }

  /// Every file of the report: the page with its figures, `snapshot.json`, and for a sweep
  /// every case's page and the page ranking them all when `index.html` lists only the
  /// best. These are drawn on `jobs` threads, each taking the next piece of work until
  /// none is left, and come out the same whatever `jobs` is.
  mutating func assembleAll(jobs: Int) throws(LabReportError) -> [String: Data] {
    let base = self
    let sweep = experiment.sweep
    let pages = sweep == nil ? 0 : experiment.cases.count
    // Work: 0 the report's page, 1 the snapshot, 2... the case pages.
    let slots = (0..<(2 + pages)).map { _ in Locked<Result<[String: Data], LabReportError>?>(nil) }
    let catalogue = Locked<[CataloguedFigure]>([])
    let next = Locked(0)
    DispatchQueue.concurrentPerform(iterations: min(max(1, jobs), slots.count)) { _ in
      while true {
        let work = next.withLock { value in
          defer { value += 1 }
          return value
        }
        guard work < slots.count else { return }
        let files = Result { () throws(LabReportError) -> [String: Data] in
          switch work {
          case 0:
            var page = base
            let files = try page.assemble()
            catalogue.withLock { $0 = page.catalogue }
            return files
          case 1: return ["snapshot.json": try base.snapshot.json()]
          default:
            guard let sweep else { return [:] }
            return [base.casePagePath(work - 2, sweep: sweep): try base.casePage(work - 2, sweep: sweep)]
          }
        }
        slots[work].withLock { $0 = files }
      }
    }
    for slot in slots {
      guard let drawn = slot.withLock({ $0 }) else { continue }
      files.merge(try drawn.get()) { _, new in new }
    }
    self.catalogue = catalogue.withLock { $0 }
    if let sweep, pages > Self.rankedRowsShown { files["cases/index.html"] = try rankingPage(sweep) }
    return files
  }

  /// The page ranking every case of a large sweep.
  private func rankingPage(_ sweep: Sweep) throws(LabReportError) -> Data {
    let count = experiment.cases.count
    let page = RankingPage(
      lang: snapshot.language.rawValue, version: snapshot.nnlabVersion, t: strings.table,
      title: strings[.sweepAllTitle], experimentTitle: experiment.title, back: "../index.html#sweep",
      rankedCaption: strings.format(.sweepRanked, ["shown": String(count), "count": String(count)]),
      settingHeaders: sweep.dimensions.map { settingName($0.setting) },
      rows: ranking.enumerated().map { sweepRow($1, rank: $0, sweep: sweep, prefix: "../") })
    return Data(try templates.render(page, template: "ranking").utf8)
  }

  /// Case `index`'s page: its whole section, every figure inline.
  private func casePage(_ index: Int, sweep: Sweep) throws(LabReportError) -> Data {
    var assembler = self
    assembler.writesFigureFiles = false
    let page = CasePage(
      lang: snapshot.language.rawValue, version: snapshot.nnlabVersion, t: strings.table,
      title: experiment.cases[index].name, experimentTitle: experiment.title, back: "../index.html#sweep",
      run: try assembler.caseView(index))
    return Data(try templates.render(page, template: "case-page").utf8)
  }
}
