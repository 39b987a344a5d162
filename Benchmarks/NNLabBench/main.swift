import Foundation
import TinyNet

/// Times the seed lab's training (the single update and the four cases, numeric gradients)
/// in this process and prints the figures as JSON for `bench/bench.py`.
///
/// Usage: nnlab-bench [RUNS]. Reports the median and fastest of RUNS runs, both as the
/// report runs it (cases on all cores) and on one core (cases one after another), and on
/// one core with backpropagation instead of central differences.
let runs = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 15

func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

func measure(_ body: () -> Double) -> (median: Double, fastest: Double, check: Double) {
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
  return results.cases.map { $0.lossTrain.last ?? 0 }.reduce(0, +) + results.step.after.values[0]
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
    return Trainer(data: data, seed: lab.data.seed, settings: settings).run(from: lab.initialParameters)
      .lossTrain.last ?? 0
  }.reduce(0, +) + step.after.values[0]
}
let oneCore = measure { sequential(.numeric) }
let analytic = measure { sequential(.analytic) }
print(
  """
  {"runs": \(runs), "parallel_median": \(parallel.median), "parallel_fastest": \(parallel.fastest), \
  "one_core_median": \(oneCore.median), "one_core_fastest": \(oneCore.fastest), \
  "analytic_one_core_median": \(analytic.median), \
  "checksum": \(parallel.check), "checksum_one_core": \(oneCore.check)}
  """)
