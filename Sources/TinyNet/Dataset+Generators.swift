import Foundation

/// The data sets nnlab draws from numpy's legacy stream: the notebook's parabola and
/// TensorFlow Playground's four classification sets (see DESIGN.md, "Data sets").
///
/// Playground's sets are drawn in its own units, with its random calls replaced by
/// `uniform` and `normal` in the same order, and then scaled by `playgroundScale` so they
/// lie in the notebook's square of about [-2, 2]. A set of `n` points has a first block of
/// `n - n / 2` points (class 1) and a second block of `n / 2` (class 0).
extension Dataset {
  /// The factor from Playground's units to the notebook's square.
  static let playgroundScale = 0.4

  /// The notebook's data set for `seed` with `count` training and `count` test points.
  public init(seed: UInt32, count: Int) {
    self = Self.generated(.parabola, seed: seed, trainCount: count, testCount: count, noise: 0)
  }

  /// A generated set: `trainCount` training points, then `testCount` test points from the
  /// same stream seeded once with `seed`.
  /// - Precondition: `kind` is not `.csv`.
  static func generated(_ kind: DataKind, seed: UInt32, trainCount: Int, testCount: Int, noise: Double)
    -> Dataset
  {
    var random = RandomState(seed: seed)
    func draw(_ count: Int, test: Bool) -> LabeledPoints {
      switch kind {
      case .parabola: parabola(&random, count: count, shifted: test)
      case .circle: circle(&random, count: count, noise: noise).scaled(by: playgroundScale)
      case .xor: xor(&random, count: count, noise: noise).scaled(by: playgroundScale)
      case .gauss: gauss(&random, count: count, noise: noise).scaled(by: playgroundScale)
      case .spiral: spiral(&random, count: count, noise: noise).scaled(by: playgroundScale)
      case .csv: preconditionFailure("a CSV data set is read, not drawn")
      }
    }
    let train = draw(trainCount, test: false)
    return Dataset(train: train, test: draw(testCount, test: true))
  }

  /// `X = rand(count, 2) * 4 - 2`, class 1 when `x2 + 1 > x1²`; the test set shifts both
  /// coordinates by 0.2 in the rule: `(x2 + 0.2) + 1 > (x1 + 0.2)²`.
  static func parabola(_ random: inout RandomState, count: Int, shifted: Bool) -> LabeledPoints {
    var x1: [Double] = [], x2: [Double] = [], y: [Int] = []
    for _ in 0..<count {
      let a = random.nextDouble() * 4 - 2
      let b = random.nextDouble() * 4 - 2
      x1.append(a)
      x2.append(b)
      if shifted {
        y.append((b + 0.2) + 1 > (a + 0.2) * (a + 0.2) ? 1 : 0)
      } else {
        y.append(b + 1 > a * a ? 1 : 0)
      }
    }
    return LabeledPoints(x1: x1, x2: x2, y: y)
  }

  /// Playground's `classifyCircleData`: class 1 inside radius 2.5, class 0 in a ring from
  /// 3.5 to 5; the label is taken at the point moved by the noise, the point itself is not.
  static func circle(_ random: inout RandomState, count: Int, noise: Double) -> LabeledPoints {
    var x1: [Double] = [], x2: [Double] = [], y: [Int] = []
    for i in 0..<count {
      let r = i < count - count / 2 ? random.uniform(0, 2.5) : random.uniform(3.5, 5)
      let angle = random.uniform(0, 2 * Double.pi)
      let noiseX = random.uniform(-5, 5) * noise
      let noiseY = random.uniform(-5, 5) * noise
      let x = r * sin(angle)
      let yy = r * cos(angle)
      let dx = x + noiseX
      let dy = yy + noiseY
      x1.append(x)
      x2.append(yy)
      y.append((dx * dx + dy * dy).squareRoot() < 2.5 ? 1 : 0)
    }
    return LabeledPoints(x1: x1, x2: x2, y: y)
  }

  /// Playground's `classifyXORData`: coordinates in [-5, 5] pushed 0.3 away from the axes,
  /// class 1 when the noisy coordinates have the same sign.
  static func xor(_ random: inout RandomState, count: Int, noise: Double) -> LabeledPoints {
    var x1: [Double] = [], x2: [Double] = [], y: [Int] = []
    for _ in 0..<count {
      var x = random.uniform(-5, 5)
      x += x > 0 ? 0.3 : -0.3
      var yy = random.uniform(-5, 5)
      yy += yy > 0 ? 0.3 : -0.3
      let noiseX = random.uniform(-5, 5) * noise
      let noiseY = random.uniform(-5, 5) * noise
      x1.append(x)
      x2.append(yy)
      y.append((x + noiseX) * (yy + noiseY) >= 0 ? 1 : 0)
    }
    return LabeledPoints(x1: x1, x2: x2, y: y)
  }

  /// Playground's `classifyTwoGaussData`: class 1 around (2, 2), class 0 around (-2, -2),
  /// each coordinate normal with standard deviation `sqrt(0.5 + 7 * noise)`.
  static func gauss(_ random: inout RandomState, count: Int, noise: Double) -> LabeledPoints {
    let spread = (0.5 + 7 * noise).squareRoot()
    var x1: [Double] = [], x2: [Double] = [], y: [Int] = []
    for i in 0..<count {
      let center = i < count - count / 2 ? 2.0 : -2.0
      x1.append(random.normal(center, spread))
      x2.append(random.normal(center, spread))
      y.append(center > 0 ? 1 : 0)
    }
    return LabeledPoints(x1: x1, x2: x2, y: y)
  }

  /// Playground's `classifySpiralData`: two arms of 1.75 turns out to radius 5, the second
  /// turned by π, each coordinate moved by `uniform(-1, 1) * noise`.
  static func spiral(_ random: inout RandomState, count: Int, noise: Double) -> LabeledPoints {
    var x1: [Double] = [], x2: [Double] = [], y: [Int] = []
    for (size, turn, label) in [(count - count / 2, 0.0, 1), (count / 2, Double.pi, 0)] {
      for i in 0..<size {
        let r = Double(i) / Double(size) * 5
        let t = 1.75 * Double(i) / Double(size) * 2 * Double.pi + turn
        x1.append(r * sin(t) + random.uniform(-1, 1) * noise)
        x2.append(r * cos(t) + random.uniform(-1, 1) * noise)
        y.append(label)
      }
    }
    return LabeledPoints(x1: x1, x2: x2, y: y)
  }
}
