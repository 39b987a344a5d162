import Testing
import TinyNet

/// Parameter names and order for networks of any shape (DESIGN.md, "Networks of any shape").
@Suite struct NetworkShapeTests {
  @Test func notebookNetworkKeepsTheNotebooksNamesInParameterOrder() {
    #expect(
      NetworkShape.notebook.parameterNames
        == ["b11", "w11", "w21", "b12", "w12", "w22", "b13", "w13", "w23", "b21", "w31", "w32", "w33"])
    #expect(NetworkShape.notebook.description == "2-3-1")
    let initial = Parameters.notebookInitial
    let notebook: [String: Double] = [
      "b11": 0, "b12": 0, "b13": 0, "b21": 0, "w11": 0.2, "w12": 0.3, "w13": 0.8, "w21": 0.7, "w22": 0.8,
      "w23": 0.3, "w31": 0.3, "w32": 0.1, "w33": 0.2,
    ]
    for (name, value) in notebook { #expect(initial[name] == value, "\(name)") }
  }

  @Test func otherShapesNameLayersUnitsAndInputsFromOne() throws {
    let shape = try NetworkShape(features: [.x1, .x2, .x1X2], hidden: [2])
    #expect(
      shape.parameterNames == [
        "b1_1", "w1_1_1", "w1_2_1", "w1_3_1", "b1_2", "w1_1_2", "w1_2_2", "w1_3_2", "b2_1", "w2_1_1", "w2_2_1",
      ])
    #expect(shape.description == "3-2-1")
    #expect(try NetworkShape(hidden: []).parameterNames == ["b1_1", "w1_1_1", "w1_2_1"])
    #expect(try NetworkShape(features: [.x2, .x1], hidden: [3]).parameterNames.first == "b1_1")
  }

  @Test func parameterCountsGrowWithEveryLayer() throws {
    #expect(try NetworkShape(hidden: [8, 8]).parameterCount == 3 * 8 + 9 * 8 + 9)
    let widest = try NetworkShape(features: Feature.allCases, hidden: Array(repeating: 16, count: 6))
    #expect(widest.parameterCount == 8 * 16 + 5 * 17 * 16 + 17)
  }

  @Test func randomInitialisationIsPlaygroundsInParameterOrder() throws {
    let shape = try NetworkShape(hidden: [2])
    let parameters = Parameters.random(shape: shape, seed: 1)
    var random = RandomState(seed: 1)
    let weights = (0..<6).map { _ in random.uniform(-0.5, 0.5) }
    #expect(parameters.values == [0.1, weights[0], weights[1], 0.1, weights[2], weights[3], 0.1, weights[4], weights[5]])
    #expect(Parameters.initial(shape: .notebook, method: .notebook, seed: 1) == .notebookInitial)
    #expect(Parameters.initial(shape: .notebook, method: .random, seed: 1) == .random(shape: .notebook, seed: 1))
  }
}
