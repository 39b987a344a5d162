import Foundation
import SafeText

extension KeyedDecodingContainer where Key == JSONKey {
  /// The sweep object at `key`: a list of values for each setting it names, and the
  /// optional `axes`. Values are checked for their type and shape here; whether each
  /// combination can run, by `decodeSweepCases`.
  func decodeSweep(_ key: JSONKey) throws -> Sweep {
    let object = try nestedContainer(keyedBy: JSONKey.self, forKey: key)
    try object.rejectUnknownKeys(Sweep.Setting.allCases.map(\.rawValue) + ["axes"])
    var settings: [Sweep.Setting: [Sweep.Value]] = [:]
    for setting in Sweep.Setting.allCases where object.contains(JSONKey(stringValue: setting.rawValue)) {
      settings[setting] = try object.decodeSweepValues(setting)
    }
    guard !settings.isEmpty else {
      throw refuse(key, "must list values of at least one setting (\(Sweep.Setting.allCases.map(\.rawValue).joined(separator: ", ")))")
    }
    var axes: [Sweep.Setting]? = nil
    if object.contains("axes") {
      let names = try object.decode([String].self, forKey: "axes")
      axes = try names.map { name in
        guard let setting = Sweep.Setting(rawValue: name), (settings[setting]?.count ?? 0) > 1 else {
          throw object.refuse("axes", "\(SafeText.quoted(name)) is not a setting this sweep gives more than one value")
        }
        return setting
      }
      guard let axes, (1...2).contains(axes.count), Set(axes).count == axes.count else {
        throw object.refuse("axes", "must name one or two different settings of the sweep")
      }
    }
    let sweep = Sweep(settings: settings, axes: axes)
    let sizes = sweep.dimensions.map { String($0.values.count) }.joined(separator: " × ")
    guard (sweep.caseCount ?? .max) <= Sweep.maximumCases else {
      throw refuse(key, "expands to \(sweep.caseCount.map(String.init) ?? "too many") cases (\(sizes)); at most \(Sweep.maximumCases)")
    }
    return sweep
  }

  /// Every case of `sweep` on `base`, each checked: a setting that cannot run is named by
  /// the path of its value in the sweep at `key`, with the first case it fails in.
  func decodeSweepCases(_ key: JSONKey, sweep: Sweep, base: CaseSpec, network: NetworkSpec, parameters: Parameters)
    throws -> [CaseSpec]
  {
    let cases = sweep.cases(base: base, experimentNetwork: network, experimentParameters: parameters)
    for (index, spec) in cases.enumerated() {
      do {
        try spec.settings.validate(observations: spec.data.trainingPointCount)
      } catch {
        let values = sweep.settings.filter { $0.values.count == 1 }.map { $0.values[0] } + sweep.values(ofCase: index)
        let culprit = values.first { $0.setting.rawValue == error.jsonKey }
        guard let culprit, let entry = sweep.settings.first(where: { $0.setting == culprit.setting }),
          let place = entry.values.firstIndex(of: culprit)
        else {
          throw refuse(key, "the case \(SafeText.quoted(spec.name)) cannot run: \(error.description)")
        }
        let object = try nestedContainer(keyedBy: JSONKey.self, forKey: key)
        throw object.refuse(culprit.setting, place, "\(error.description) (in the case \(SafeText.quoted(spec.name)))")
      }
    }
    // The notebook's 2-3-1 network starts from the notebook's parameters whatever the seed.
    let seeds = sweep.settings.first { $0.setting == .initSeed }?.values.count ?? 0
    if seeds > 1, cases.allSatisfy({ $0.network.initialization == .notebook && $0.network.shape == .notebook }) {
      throw try nestedContainer(keyedBy: JSONKey.self, forKey: key).refuse(
        "init_seed",
        "changes nothing: the notebook's 2-3-1 network on x1, x2 starts from the notebook's parameters whatever the seed; give the network \"init\": \"random\"")
    }
    return cases
  }

  /// The list of values of `setting`: at least one, none twice, each of the setting's type.
  private func decodeSweepValues(_ setting: Sweep.Setting) throws -> [Sweep.Value] {
    let key = JSONKey(stringValue: setting.rawValue)
    var list = try nestedUnkeyedContainer(forKey: key)
    var values: [Sweep.Value] = []
    while !list.isAtEnd {
      let index = list.currentIndex
      let value: Sweep.Value
      switch setting {
      case .learningRate: value = .learningRate(try list.decode(Double.self))
      case .regularizationRate: value = .regularizationRate(try list.decode(Double.self))
      case .batchSize: value = .batchSize(try wholeNumber(&list, setting, index))
      case .epochs: value = .epochs(try wholeNumber(&list, setting, index))
      case .activation: value = .activation(try choice(&list, setting, index))
      case .regularization: value = .regularization(try choice(&list, setting, index))
      case .gradient: value = .gradient(try choice(&list, setting, index))
      case .batchNorm: value = .batchNorm(try list.decode(Bool.self))
      case .initSeed: value = .initSeed(try seed(&list, setting, index))
      case .dataSeed: value = .dataSeed(try seed(&list, setting, index))
      case .hidden:
        let widths = try list.decode([Int].self)
        do {
          _ = try NetworkShape(features: [.x1, .x2], hidden: widths)
        } catch {
          throw refuse(setting, index, error.description)
        }
        value = .hidden(widths)
      case .features:
        let names = try list.decode([String].self)
        let features = try names.map { name in
          guard let feature = Feature(rawValue: name) else {
            let allowed = Feature.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            throw refuse(setting, index, "must list features from \(allowed), got \(SafeText.quoted(name))")
          }
          return feature
        }
        do {
          _ = try NetworkShape(features: features, hidden: [])
        } catch {
          throw refuse(setting, index, error.description)
        }
        value = .features(features)
      }
      guard !values.contains(value) else { throw refuse(setting, index, "repeats the value \(value.label)") }
      values.append(value)
    }
    guard !values.isEmpty else { throw refuse(key, "must list at least one value") }
    return values
  }

  private func wholeNumber(_ list: inout UnkeyedDecodingContainer, _ setting: Sweep.Setting, _ index: Int) throws -> Int {
    let number = try list.decode(Double.self)
    guard number.rounded() == number, abs(number) < 9.0e15 else {
      throw refuse(setting, index, "expected an integer, got \(number)")
    }
    return Int(number)
  }

  private func seed(_ list: inout UnkeyedDecodingContainer, _ setting: Sweep.Setting, _ index: Int) throws -> UInt32 {
    let number = try wholeNumber(&list, setting, index)
    guard let seed = UInt32(exactly: number) else {
      throw refuse(setting, index, "must be 0 to 4294967295, got \(number)")
    }
    return seed
  }

  private func choice<T: RawRepresentable & CaseIterable>(
    _ list: inout UnkeyedDecodingContainer, _ setting: Sweep.Setting, _ index: Int
  ) throws -> T where T.RawValue == String {
    let text = try list.decode(String.self)
    guard let value = T(rawValue: text) else {
      let allowed = T.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
      throw refuse(setting, index, "must be one of \(allowed), got \(SafeText.quoted(text))")
    }
    return value
  }

  /// A "bad value" error for the value at `index` of `setting`'s list.
  private func refuse(_ setting: Sweep.Setting, _ index: Int, _ message: String) -> DecodingError {
    DecodingError.dataCorrupted(
      .init(codingPath: codingPath + [JSONKey(stringValue: setting.rawValue), JSONKey(intValue: index)], debugDescription: message))
  }
}

extension Sweep: Encodable {
  /// Writes the sweep as an experiment file gives it: each setting's list, then the axes.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: JSONKey.self)
    for entry in settings {
      var list = container.nestedUnkeyedContainer(forKey: JSONKey(stringValue: entry.setting.rawValue))
      for value in entry.values {
        switch value {
        case .learningRate(let number), .regularizationRate(let number): try list.encode(number)
        case .batchSize(let count), .epochs(let count): try list.encode(count)
        case .activation(let activation): try list.encode(activation)
        case .hidden(let widths): try list.encode(widths)
        case .features(let features): try list.encode(features)
        case .batchNorm(let on): try list.encode(on)
        case .regularization(let kind): try list.encode(kind)
        case .gradient(let method): try list.encode(method)
        case .initSeed(let seed), .dataSeed(let seed): try list.encode(seed)
        }
      }
    }
    try container.encode(axes.map(\.rawValue), forKey: "axes")
  }
}
