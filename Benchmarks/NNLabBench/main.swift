import Foundation
import TinyNet

/// Times nnlab's training in this process and prints the figures as JSON for
/// `bench/bench.py`.
///
/// Usage: nnlab-bench [RUNS]. Reports the median and fastest of RUNS runs of
/// - the seed lab (the single update and the four cases, numeric gradients), both as the
///   report runs it (cases on all cores) and on one core, and on one core with
///   backpropagation instead of central differences;
/// - a 2-8-8-1 tanh network on 1000 spiral points, 10 epochs of batches of 10, with
///   numeric and with analytic gradients.
let runs = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 15

func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

func measure(runs: Int = runs, _ body: () -> Double) -> (median: Double, fastest: Double, check: Double) {
  let clock = ContinuousClock()
  var times: [Double] = []
  var check = 0.0
  for _ in 0..<runs {
    let start = clock.now
    check = body()
    times.append(seconds(clock.now - start))
  }
  times.sort()
  return (times[times.count / 2], times[0], check)
}

let lab = Experiment.seedLab
let parallel = measure {
  let results = lab.run()
  return results.cases.map { $0.final.lossTrain ?? 0 }.reduce(0, +) + (results.step.after?.values[0] ?? 0)
}
/// The single update and the four cases one after another, with `method` gradients.
func sequential(_ method: GradientMethod) -> Double {
  let data = lab.dataset
  let step = StepUpdate(
    data: data, seed: lab.data.seed, parameters: lab.initialParameters,
    learningRate: lab.step.learningRate, method: method)
  return lab.cases.map { spec in
    var settings = spec.settings
    settings.gradient = method
    return Trainer(data: data, seed: lab.data.seed, settings: settings).run(from: spec.initialParameters)
      .final.lossTrain ?? 0
  }.reduce(0, +) + (step.after?.values[0] ?? 0)
}
let oneCore = measure { sequential(.numeric) }
let analytic = measure { sequential(.analytic) }

/// The spiral benchmark's data, network and settings (the oracle runs the same).
let spiralData = DataSpec(kind: .spiral, seed: 317, trainCount: 1000).dataset
let spiralShape = try NetworkShape(features: [.x1, .x2], hidden: [8, 8])
func spiral(_ method: GradientMethod) -> Double {
  let settings = TrainingSettings(
    activation: .tanh, batchSize: 10, epochs: 10, learningRate: 0.03, gradient: method)
  return Trainer(data: spiralData, seed: 317, settings: settings)
    .run(from: .random(shape: spiralShape, seed: 317)).final.lossTrain ?? .nan
}
let spiralRuns = max(1, runs / 5)
let spiralNumeric = measure(runs: spiralRuns) { spiral(.numeric) }
let spiralAnalytic = measure(runs: spiralRuns) { spiral(.analytic) }
print(
  """
  {"runs": \(runs), "parallel_median": \(parallel.median), "parallel_fastest": \(parallel.fastest), \
  "one_core_median": \(oneCore.median), "one_core_fastest": \(oneCore.fastest), \
  "analytic_one_core_median": \(analytic.median), \
  "checksum": \(parallel.check), "checksum_one_core": \(oneCore.check), \
  "spiral_runs": \(spiralRuns), "spiral_numeric_median": \(spiralNumeric.median), \
  "spiral_analytic_median": \(spiralAnalytic.median), "spiral_loss": \(spiralNumeric.check), \
  "spiral_loss_analytic": \(spiralAnalytic.check)}
  """)
