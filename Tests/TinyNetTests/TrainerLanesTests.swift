import Testing
import TinyNet

/// A run shared between two threads computes every number as one thread does.
@Suite struct TrainerLanesTests {
  @Test(arguments: [GradientMethod.numeric, .analytic])
  func twoLanesGiveTheSameBitsAsOne(_ method: GradientMethod) throws {
    let data = DataSpec(kind: .spiral, seed: 5, trainCount: 120, testCount: 60, noise: 0.2).dataset
    let shape = try NetworkShape(features: [.x1, .x2, .sinX1], hidden: [6, 5])
    let settings = TrainingSettings(
      activation: .tanh, batchSize: 7, epochs: 3, learningRate: 0.2, batchNorm: true, gradient: method,
      regularization: Regularization(.l2, rate: 0.01))
    let trainer = Trainer(data: data, seed: 5, settings: settings)
    let start = Parameters.random(shape: shape, seed: 5)
    let one = trainer.run(from: start, lanes: 1)
    let two = trainer.run(from: start, lanes: 2)
    #expect(one == two)
    #expect(one.history.count == 51)
  }
}
