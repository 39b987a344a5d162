extension TrainingSettings {
  /// A rough count of the work one training run does, in units that cost about the same:
  /// a multiply-add of the forward pass, with an activation or a logarithm counted as ten.
  ///
  /// Per iteration the gradient evaluates the batch about twice per parameter (numeric) or
  /// three times in all (analytic), and each recorded iteration (see `recordingPlan`)
  /// evaluates the training and test sets once each.
  public func workUnits(shape: NetworkShape, trainCount: Int, testCount: Int) -> Double {
    workUnitsPerIteration(shape: shape, trainCount: trainCount, testCount: testCount)
      * Double(iterations(observations: trainCount))
  }

  /// The average work of one iteration (see `workUnits`).
  public func workUnitsPerIteration(shape: NetworkShape, trainCount: Int, testCount: Int) -> Double {
    var perPoint = 20.0
    for layer in 0..<shape.layerCount {
      perPoint += Double(shape.inputCount(ofLayer: layer) * shape.width(ofLayer: layer))
      if layer < shape.outputLayer { perPoint += 10 * Double(shape.width(ofLayer: layer)) }
    }
    let batch = Double(effectiveBatchSize(observations: trainCount))
    let every = Double(recordingPlan(shape: shape, trainCount: trainCount, testCount: testCount).every)
    return perPoint * (Double(evaluationsPerUpdate(shape: shape)) * batch + Double(trainCount + testCount) / every)
  }

  /// How many times an update evaluates each point of its batch: twice per parameter
  /// (numeric) or three times in all (analytic).
  func evaluationsPerUpdate(shape: NetworkShape) -> Int {
    gradient == .numeric ? 2 * shape.parameterCount : 3
  }
}

extension Experiment {
  /// Seconds of one core per work unit, measured with `make bench` on the 2-core
  /// development machine and rounded up: an estimate errs towards too long.
  public static let secondsPerWorkUnit = 1.0e-9

  /// About how long training all cases takes on `cores` cores, in seconds: the cases run in
  /// parallel, so the longer of the largest case and the total shared among the cores.
  public func estimatedTrainingSeconds(cores: Int) -> Double {
    let work = cases.map {
      $0.settings.workUnits(
        shape: $0.network.shape, trainCount: $0.data.trainingPointCount, testCount: $0.data.testPointCount)
    }
    let parallel = (work.reduce(0, +)) / Double(max(1, min(cores, cases.count)))
    return max(work.max() ?? 0, parallel) * Self.secondsPerWorkUnit
  }
}
