import Foundation
import NetworkDiagram
import SVGCharts
import TinyNet

extension ReportAssembler {
  /// The step of the decision boundary's grid: the notebook's 0.02, coarser for data that
  /// spans more than about 5 units so that a grid keeps at most `boundaryCells` cells a side.
  static func gridStep(_ bounds: (x1: ClosedRange<Double>, x2: ClosedRange<Double>)) -> Double {
    let span = max(bounds.x1.upperBound - bounds.x1.lowerBound, bounds.x2.upperBound - bounds.x2.lowerBound)
    return max(0.02, span / 250)
  }

  /// The points of `points` that figures draw (see `shownIndices`), in the notebook's
  /// colours, one for each class; `title` words each point's hover text.
  func scatterPoints(
    _ points: LabeledPoints, class0: Color, class1: Color, title: ((Int) -> String)? = nil
  ) -> [ScatterPoint] {
    Self.shownIndices(points).map {
      ScatterPoint(
        x: points.x1[$0], y: points.x2[$0], color: points.y[$0] == 1 ? class1 : class0, title: title?($0))
    }
  }

  /// A point's index, coordinates (three decimals) and class, for hover texts.
  static func pointValues(_ points: LabeledPoints, _ index: Int) -> [String: String] {
    [
      "index": String(index), "x1": fixed(points.x1[index], 3), "x2": fixed(points.x2[index], 3),
      "class": String(points.y[index]),
    ]
  }

  func axes(title: String) -> ChartLabels {
    ChartLabels(title: title, xLabel: strings[.feature1], yLabel: strings[.feature2])
  }

  /// The decision boundary of `parameters` over the training points; `overflowing` counts
  /// grid points where the network's arithmetic overflowed (drawn at p = 0.5).
  func boundaryPanel(
    _ parameters: Parameters, data: Dataset, options: NetworkOptions, title: String, highlighted: [ScatterPoint],
    overflowing: inout Int
  ) -> Panel {
    let classifier = Classifier(parameters: parameters, options: options, training: data.train)
    let bounds = data.plotBounds
    var undefined = 0
    let grid = ProbabilityGrid(x: bounds.x1, y: bounds.x2, step: Self.gridStep(bounds)) {
      let p = classifier.probability($0, $1)
      guard p.isNaN else { return p }
      undefined += 1
      return 0.5
    }
    overflowing += undefined
    let points = scatterPoints(data.train, class0: .blue, class1: .yellow) { index in
      let p = classifier.probability(data.train.x1[index], data.train.x2[index])
      return strings.format(
        .pointTitle, Self.pointValues(data.train, index).merging(["p": p.isFinite ? fixed(p, 3) : "–"]) { $1 })
    }
    return Panel.decisionBoundary(
      grid, points: points, highlighted: highlighted,
      labels: axes(title: title), colorBarLabel: strings[.probability])
  }

  /// A note on grid points where the probability could not be computed, if any.
  func overflowNote(_ count: Int) -> String? {
    count == 0 ? nil : strings.format(.overflowNote, ["count": String(count)])
  }

  mutating func boundaryFigure(_ parameters: Parameters, data: Dataset, options: NetworkOptions, file: String)
    throws(LabReportError) -> FigureView
  {
    var overflowing = 0
    let panel = boundaryPanel(
      parameters, data: data, options: options, title: strings[.boundaryTitle], highlighted: [],
      overflowing: &overflowing)
    return try chart(
      Figure(title: strings[.boundaryTitle], description: strings[.initialBoundaryCaption], panels: [panel]),
      file: file, caption: strings[.initialBoundaryCaption],
      note: joinedNote(overflowNote(overflowing), sampleNote(data.train)))
  }

  /// The network diagram of `parameters`; with `unitMaps`, each hidden unit shows its
  /// output over the input square inside its node, and dead ReLU units are marked.
  mutating func networkFigure(
    _ parameters: Parameters, data dataset: Dataset, options: NetworkOptions, file: String, title: String,
    caption: String, unitMaps: Bool = false
  ) throws(LabReportError) -> FigureView {
    let data = dataset.train
    let passes = ForwardPasses(points: data, shape: parameters.shape, options: options)
    passes.run(parameters)
    var diagram = NetworkDiagram.network(
      parameters: parameters, sample: DiagramSample(passes: passes, points: data, index: 0), options: options,
      title: title, hoverValues: true)
    if unitMaps {
      try attachUnitMaps(to: &diagram, parameters, data: dataset, options: options, passes: passes, file: file)
    }
    diagram.subtitle = [
      strings.format(
        .networkSubtitle,
        ["index": "0", "y": String(data.y[0]), "activation": activationText(options, shape: parameters.shape)])
    ]
    let labelled = NetworkDiagram.labelsParameters(of: parameters.shape)
    return try diagramFigure(
      diagram, file: file, caption: labelled ? caption : caption + " " + strings[.parameterTableNote])
  }

  /// Puts each hidden unit's map into its node and marks the ReLU units that are 0 for
  /// every training point (in `passes`' last pass, over the training set).
  private func attachUnitMaps(
    to diagram: inout NetworkDiagram, _ parameters: Parameters, data: Dataset, options: NetworkOptions,
    passes: ForwardPasses, file: String
  ) throws(LabReportError) {
    let shape = parameters.shape
    do {
      for (layer, maps) in unitMaps(parameters, data: data, options: options).enumerated() {
        for (unit, map) in maps.enumerated() {
          let side = Self.mapSide
          let fragment = NetworkDiagram.UnitMapFragment(svg: try map.svgFragment(side: side), side: side)
          try diagram.attachMap(fragment, to: NetworkDiagram.unitName("z", layer: layer, unit: unit, shape: shape))
        }
      }
      if options.activation == .relu {
        let dead = passes.deadUnits.map { NetworkDiagram.unitName("z", layer: $0.layer, unit: $0.unit, shape: shape) }
        try diagram.markDead(dead, legend: strings[.deadUnitLegend])
      }
    } catch {
      throw .rendering("\(file): \(error)")
    }
  }

  /// The side, in pixels, of a unit map inside a diagram's node.
  static let mapSide = 60.0

  /// `parameters` as one matrix per layer (a row per unit: bias, then a weight per input),
  /// for networks whose diagram cannot label them; empty otherwise.
  func parameterTables(_ parameters: Parameters) -> [ParameterTable] {
    let shape = parameters.shape
    guard !NetworkDiagram.labelsParameters(of: shape) else { return [] }
    return (0..<shape.layerCount).map { layer in
      let inputs = layer == 0
        ? shape.features.map(\.symbol)
        : (0..<shape.inputCount(ofLayer: layer)).map { NetworkDiagram.unitName("z", layer: layer - 1, unit: $0, shape: shape) }
      let rows = (0..<shape.width(ofLayer: layer)).map { unit in
        let bias = shape.biasIndex(layer: layer, unit: unit)
        return ParameterTableRow(
          unit: layer == shape.outputLayer ? "ay" : NetworkDiagram.unitName("a", layer: layer, unit: unit, shape: shape),
          values: (0...inputs.count).map { fixed(parameters.values[bias + $0], 3) })
      }
      return ParameterTable(
        caption: strings.format(
          layer == shape.outputLayer ? .parameterTableCaptionOutput : .parameterTableCaption,
          ["layer": String(layer + 1), "inputs": String(inputs.count), "units": String(rows.count)]),
        header: [strings[.bias]] + inputs, rows: rows)
    }
  }

  /// Writes a chart's standalone SVG to `figures/` (if the report writes figure files) and
  /// returns it for inlining.
  mutating func chart(_ figure: Figure, file: String, caption: String, note: String? = nil)
    throws(LabReportError) -> FigureView
  {
    do {
      let document = try figure.document(idPrefix: "\(file)-")
      guard writesFigureFiles else {
        return FigureView(anchor: "figure-\(file)", svg: document.element, caption: caption, note: note, links: [])
      }
      files["figures/\(file).svg"] = Data(document.standalone.utf8)
      catalogue.append(
        CataloguedFigure(
          folder: "figures", name: file, title: figure.title, caption: caption.isEmpty ? figure.title : caption,
          altText: figure.description))
      return FigureView(
        anchor: "figure-\(file)", svg: document.element, caption: caption, note: note,
        links: [FileLink(label: strings[.svgFile], href: "figures/\(file).svg")])
    } catch {
      throw .rendering("\(file): \(error)")
    }
  }

  /// Lays out a diagram, writes its SVG and DOT to `graphs/` (if the report writes figure
  /// files) and returns it for inlining.
  mutating func diagramFigure(_ diagram: NetworkDiagram, file: String, caption: String)
    throws(LabReportError) -> FigureView
  {
    do {
      let rendered = try GraphvizRenderer.shared.render(diagram, idPrefix: "\(file)-")
      guard writesFigureFiles else {
        return FigureView(
          anchor: "figure-\(file)", svg: rendered.inlineSVG, caption: caption, note: strings[.diagramLegend], links: [])
      }
      files["graphs/\(file).svg"] = Data(rendered.svg.utf8)
      files["graphs/\(file).dot"] = Data(rendered.dot.utf8)
      catalogue.append(
        CataloguedFigure(
          folder: "graphs", name: file, title: diagram.title, caption: caption, altText: diagram.summary))
      return FigureView(
        anchor: "figure-\(file)", svg: rendered.inlineSVG, caption: caption, note: strings[.diagramLegend],
        links: [
          FileLink(label: strings[.svgFile], href: "graphs/\(file).svg"),
          FileLink(label: strings[.dotFile], href: "graphs/\(file).dot"),
        ])
    } catch {
      throw .rendering("\(file): \(error)")
    }
  }
}
