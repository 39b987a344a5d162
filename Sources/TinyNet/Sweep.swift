/// A grid of training cases: every combination of a few values of the case settings, each
/// combination a case of its own with a generated name.
///
/// Settings with one value are fixed for every case; settings with several are the sweep's
/// dimensions. Cases are numbered in row-major order: the first dimension (in `Setting`'s
/// order) changes slowest and the last fastest.
public struct Sweep: Sendable, Equatable {
  /// The most cases one sweep expands to.
  public static let maximumCases = 10_000

  /// The settings a sweep may vary, in the order cases are numbered.
  public enum Setting: String, Sendable, CaseIterable, Comparable {
    case learningRate = "learning_rate"
    case batchSize = "batch_size"
    case epochs
    case activation
    case hidden
    case features
    case batchNorm = "batch_norm"
    case regularization
    case regularizationRate = "regularization_rate"
    case gradient
    case initSeed = "init_seed"
    case dataSeed = "data_seed"

    /// The short English words of generated case names, as "learning rate".
    public var words: String {
      switch self {
      case .learningRate: "learning rate"
      case .batchSize: "batch"
      case .epochs: "epochs"
      case .activation: "activation"
      case .hidden: "hidden"
      case .features: "features"
      case .batchNorm: "batch norm"
      case .regularization: "regularization"
      case .regularizationRate: "regularization rate"
      case .gradient: "gradient"
      case .initSeed: "init seed"
      case .dataSeed: "data seed"
      }
    }

    public static func < (a: Setting, b: Setting) -> Bool {
      allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
  }

  /// One value of one setting.
  public enum Value: Sendable, Hashable {
    case learningRate(Double)
    case batchSize(Int)
    case epochs(Int)
    case activation(Activation)
    case hidden([Int])
    case features([Feature])
    case batchNorm(Bool)
    case regularization(Regularization.Kind)
    case regularizationRate(Double)
    case gradient(GradientMethod)
    case initSeed(UInt32)
    case dataSeed(UInt32)

    /// The setting this is a value of.
    public var setting: Setting {
      switch self {
      case .learningRate: .learningRate
      case .batchSize: .batchSize
      case .epochs: .epochs
      case .activation: .activation
      case .hidden: .hidden
      case .features: .features
      case .batchNorm: .batchNorm
      case .regularization: .regularization
      case .regularizationRate: .regularizationRate
      case .gradient: .gradient
      case .initSeed: .initSeed
      case .dataSeed: .dataSeed
      }
    }

    /// The value as written in case names, tables and axes: "0.1", "relu", "8-8",
    /// "x1 x2 x1_x2", "on".
    public var label: String {
      switch self {
      case .learningRate(let rate), .regularizationRate(let rate): String(rate)
      case .batchSize(let count), .epochs(let count): String(count)
      case .activation(let activation): activation.rawValue
      case .hidden(let widths): widths.isEmpty ? "none" : widths.map(String.init).joined(separator: "-")
      case .features(let features): features.map(\.rawValue).joined(separator: " ")
      case .batchNorm(let on): on ? "on" : "off"
      case .regularization(let kind): kind.rawValue
      case .gradient(let method): method.rawValue
      case .initSeed(let seed), .dataSeed(let seed): String(seed)
      }
    }

    /// `spec` with this value set; a change of network starts from that network's own
    /// initialisation unless it is `experimentNetwork`.
    func applied(to spec: CaseSpec, experimentNetwork: NetworkSpec, experimentParameters: Parameters) -> CaseSpec {
      var spec = spec
      switch self {
      case .learningRate(let rate): spec.settings.learningRate = rate
      case .batchSize(let count): spec.settings.batchSize = count
      case .epochs(let count): spec.settings.epochs = count
      case .activation(let activation): spec.settings.activation = activation
      case .batchNorm(let on): spec.settings.batchNorm = on
      case .regularization(let kind): spec.settings.regularization.kind = kind
      case .regularizationRate(let rate): spec.settings.regularization.rate = rate
      case .gradient(let method): spec.settings.gradient = method
      case .dataSeed(let seed): spec.data.seed = seed
      case .hidden, .features, .initSeed:
        // Hidden widths and features are checked on their own when read, and any valid
        // widths go with any valid features, so the shape is always made.
        if case .hidden(let widths) = self, let shape = try? NetworkShape(features: spec.network.shape.features, hidden: widths) {
          spec.network.shape = shape
        }
        if case .features(let features) = self, let shape = try? NetworkShape(features: features, hidden: spec.network.shape.hidden) {
          spec.network.shape = shape
        }
        if case .initSeed(let seed) = self { spec.network.initSeed = seed }
        spec.initialParameters =
          spec.network == experimentNetwork ? experimentParameters : spec.network.initialParameters
      }
      return spec
    }
  }

  /// One setting's values: at least one, none twice.
  public struct Entry: Sendable, Equatable {
    public var setting: Setting
    public var values: [Value]
  }

  /// The values of every setting the sweep names, in `Setting`'s order.
  public let settings: [Entry]
  /// The two settings (or one, when only one varies) of the sweep's heat maps: rows first,
  /// then columns.
  public let axes: [Setting]

  /// A sweep of `settings`' values; `axes` default to the first two settings that vary.
  /// The caller checks that every list is non-empty and that `axes` vary.
  public init(settings: [Setting: [Value]], axes: [Setting]? = nil) {
    self.settings = settings.keys.sorted().map { Entry(setting: $0, values: settings[$0] ?? []) }
    let varying = self.settings.filter { $0.values.count > 1 }.map(\.setting)
    self.axes = axes ?? Array(varying.prefix(2))
  }

  /// The settings with more than one value: the sweep's dimensions, in case order.
  public var dimensions: [Entry] { settings.filter { $0.values.count > 1 } }

  /// The number of cases: the product of the dimensions' sizes, or nil above `Int.max`.
  public var caseCount: Int? {
    settings.reduce(Optional(1)) { count, entry in
      count.flatMap { count in
        let (product, overflow) = count.multipliedReportingOverflow(by: entry.values.count)
        return overflow ? nil : product
      }
    }
  }

  /// The index into each dimension's values of case `index`.
  public func coordinates(ofCase index: Int) -> [Int] {
    var remainder = index
    var coordinates = [Int](repeating: 0, count: dimensions.count)
    for (place, dimension) in dimensions.enumerated().reversed() {
      coordinates[place] = remainder % dimension.values.count
      remainder /= dimension.values.count
    }
    return coordinates
  }

  /// The case at `coordinates` (one index per dimension).
  public func caseIndex(coordinates: [Int]) -> Int {
    zip(dimensions, coordinates).reduce(0) { index, pair in index * pair.0.values.count + pair.1 }
  }

  /// The values of case `index`, one per dimension.
  public func values(ofCase index: Int) -> [Value] {
    zip(dimensions, coordinates(ofCase: index)).map { $0.0.values[$0.1] }
  }

  /// The places in `dimensions` of the seeds that outcomes are averaged over: the data and
  /// init seeds that are not axes.
  public var averagedPlaces: [Int] {
    dimensions.indices.filter {
      [.dataSeed, .initSeed].contains(dimensions[$0].setting) && !axes.contains(dimensions[$0].setting)
    }
  }

  /// The cases grouped by their values of every dimension but the averaged seeds, in case
  /// order: each group's coordinates in those dimensions (in order) and its cases, one per
  /// combination of the averaged seeds.
  public func runsOverSeeds() -> [(coordinates: [Int], cases: [Int])] {
    let averaged = averagedPlaces
    let kept = dimensions.indices.filter { !averaged.contains($0) }
    var groups: [(coordinates: [Int], cases: [Int])] = []
    var places: [[Int]: Int] = [:]
    for index in 0..<(caseCount ?? 0) {
      let all = coordinates(ofCase: index)
      let key = kept.map { all[$0] }
      if let place = places[key] {
        groups[place].cases.append(index)
      } else {
        places[key] = groups.count
        groups.append((key, [index]))
      }
    }
    return groups
  }

  /// The generated name of case `index`: each varying setting's words and value, as
  /// "learning rate 0.1, batch 10"; "all settings fixed" for a sweep of one case.
  public func name(ofCase index: Int) -> String {
    let parts = values(ofCase: index).map { "\($0.setting.words) \($0.label)" }
    return parts.isEmpty ? "all settings fixed" : parts.joined(separator: ", ")
  }

  /// A file name for case `index`'s page, without extension, from its generated name:
  /// lowercase letters, digits, `.`, `_` and `-`, as "learning-rate-0.1-batch-10".
  public func slug(ofCase index: Int) -> String {
    var slug = ""
    for scalar in name(ofCase: index).lowercased().unicodeScalars {
      let keep = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || "._".unicodeScalars.contains(scalar)
      if keep {
        slug.unicodeScalars.append(scalar)
      } else if !slug.hasSuffix("-") && !slug.isEmpty {
        slug += "-"
      }
    }
    while slug.hasSuffix("-") { slug.removeLast() }
    return slug.isEmpty ? "case-\(index + 1)" : slug
  }

  /// Every case of the sweep, each setting's fixed value or the case's own applied to
  /// `base` in `Setting`'s order.
  func cases(base: CaseSpec, experimentNetwork: NetworkSpec, experimentParameters: Parameters) -> [CaseSpec] {
    var fixed = base
    for entry in settings where entry.values.count == 1 {
      fixed = entry.values[0].applied(
        to: fixed, experimentNetwork: experimentNetwork, experimentParameters: experimentParameters)
    }
    return (0..<(caseCount ?? 0)).map { index in
      var spec = fixed
      for value in values(ofCase: index) {
        spec = value.applied(to: spec, experimentNetwork: experimentNetwork, experimentParameters: experimentParameters)
      }
      spec.name = name(ofCase: index)
      return spec
    }
  }
}
