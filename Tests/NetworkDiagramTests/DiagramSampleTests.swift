import Foundation
import NetworkDiagram
import Testing
import TinyNet

/// One point's forward values, and the batch-normalised variant of the diagram.
@Suite struct DiagramSampleTests {
  @Test func sampleTakesPointIndexFromEveryTraceArray() {
    let trace = ForwardTrace(
      points: Fixtures.data.train, parameters: .notebookInitial, options: Fixtures.relu)
    let sample = DiagramSample(trace: trace, points: Fixtures.data.train, index: 74)
    #expect(sample.x1 == Fixtures.data.train.x1[74] && sample.x2 == Fixtures.data.train.x2[74])
    #expect(sample.y == 1)
    #expect(sample.inputs == [sample.x1, sample.x2])
    #expect(sample.hidden.count == 1)
    #expect(sample.hidden[0].map(\.a) == trace.hidden[0].a.map { $0[74] })
    #expect(sample.hidden[0].map(\.z) == trace.hidden[0].z.map { $0[74] })
    #expect(sample.ay == trace.ay[74] && sample.yhat == trace.yhat[74])
    #expect(sample.loss == trace.loss && sample.count == 100)
    #expect(sample.hidden[0].allSatisfy { $0.normalized == nil })
  }

  /// The report takes a diagram's values from a workspace's pass instead of a trace: the
  /// same values, batch-normalised over the whole set too.
  @Test(arguments: [Fixtures.relu, Fixtures.batchNorm, NetworkOptions(activation: .tanh)])
  func aSampleFromAPassIsTheSampleFromATrace(_ options: NetworkOptions) throws {
    let shape = try NetworkShape(features: [.x1, .x2, .sinX1], hidden: [4, 2])
    let parameters = Parameters(shape: shape, values: (0..<shape.parameterCount).map { sin(Double($0) * 1.7) })
    let points = Fixtures.data.train
    let trace = ForwardTrace(points: points, parameters: parameters, options: options)
    let passes = ForwardPasses(points: points, shape: shape, options: options)
    passes.run(parameters)
    for index in [0, 41, 99] {
      #expect(
        DiagramSample(passes: passes, points: points, index: index)
          == DiagramSample(trace: trace, points: points, index: index))
    }
  }

  @Test func batchNormShowsNormalisedValuesAndLabelsTheActivation() throws {
    let sample = Fixtures.sample(.notebookInitial, options: Fixtures.batchNorm)
    let normalized = try sample.hidden[0].map { try #require($0.normalized) }
    let diagram = NetworkDiagram.network(
      parameters: .notebookInitial, sample: sample, options: Fixtures.batchNorm, title: "BN")
    let rendered = try GraphvizRenderer.shared.render(diagram, idPrefix: "bn")
    let document = try #require(SVGDocument(rendered.svg))
    #expect(document.texts.filter { $0 == "BN, relu" }.count == 3)
    for value in normalized {
      #expect(document.texts.contains("bn=\(String(format: "%.2f", value))"))
    }
    #expect(document.texts.contains("values of point 0 (class 1), relu with batch normalisation"))
    let checked = try xmllint(rendered.svg)
    #expect(checked.status == 0, "\(checked.messages)")
  }
}
