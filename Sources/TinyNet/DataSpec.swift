import Foundation

/// The kinds of data set: the notebook's parabola, TensorFlow Playground's four, and points
/// from a CSV file.
public enum DataKind: String, Sendable, Codable, CaseIterable {
  case parabola, circle, xor, gauss, spiral, csv
}

/// Points read from a table (a CSV file): each row's coordinates, class and, when the table
/// says so, the set it belongs to.
public struct PointTable: Sendable, Equatable {
  /// The most rows a table may have.
  public static let maximumRows = 2 * DataSpec.maximumCount
  /// The largest magnitude of a coordinate, so that no feature or unit can overflow.
  public static let maximumCoordinate = 1e6
  /// `maximumCoordinate` as messages write it.
  public static let maximumCoordinateText = "1000000"

  /// The set a row belongs to.
  public enum Subset: String, Sendable, Codable { case train, test }

  public struct Row: Sendable, Equatable {
    public var x1: Double
    public var x2: Double
    public var label: Int
    public var subset: Subset?

    public init(x1: Double, x2: Double, label: Int, subset: Subset? = nil) {
      self.x1 = x1
      self.x2 = x2
      self.label = label
      self.subset = subset
    }

    /// Whether the coordinates are finite and at most `maximumCoordinate` in magnitude, and
    /// the label is 0 or 1.
    public var isValid: Bool {
      [x1, x2].allSatisfy { $0.isFinite && abs($0) <= PointTable.maximumCoordinate } && (label == 0 || label == 1)
    }
  }

  /// Where the rows came from (a file name), for the report's text.
  public var source: String
  public var rows: [Row]

  public init(source: String, rows: [Row]) {
    self.source = source
    self.rows = rows
  }

  /// Whether the rows say which set each belongs to (all of them do, or none).
  public var hasSubsets: Bool { rows.first?.subset != nil }
}

/// Which points an experiment learns from. Every value is checked by `validate()`; a
/// generated set is drawn from numpy's stream seeded with `seed`, training set first.
public struct DataSpec: Sendable, Equatable {
  /// The most points in a training or a test set.
  public static let maximumCount = 1_000_000
  /// The most noise a Playground set accepts.
  public static let maximumNoise = 0.5

  public var kind: DataKind
  public var seed: UInt32
  /// Training points of a generated set.
  public var trainCount: Int
  /// Test points of a generated set.
  public var testCount: Int
  /// Playground's noise, 0 to 0.5 (0 for the parabola).
  public var noise: Double
  /// The rows of a CSV set.
  public var table: PointTable?
  /// The share of a table's rows drawn for the test set when the table does not say.
  public var testFraction: Double

  public init(
    kind: DataKind = .parabola, seed: UInt32 = 317, trainCount: Int = 100, testCount: Int? = nil,
    noise: Double = 0, table: PointTable? = nil, testFraction: Double = 0.5
  ) {
    self.kind = table == nil ? kind : .csv
    self.seed = seed
    self.trainCount = trainCount
    self.testCount = testCount ?? trainCount
    self.noise = noise
    self.table = table
    self.testFraction = testFraction
  }

  /// Checks every value before any work starts; a table's rows are checked when it is read.
  public func validate() throws(DataError) {
    guard kind == .csv else {
      guard table == nil else { throw .tableWithoutCSV }
      for (field, count) in [(DataError.Field.trainCount, trainCount), (.testCount, testCount)]
      where !(1...Self.maximumCount).contains(count) {
        throw .outOfRange(field, value: String(count), allowed: "1 to \(Self.maximumCount)")
      }
      guard noise.isFinite, (0...Self.maximumNoise).contains(noise) else {
        throw .outOfRange(.noise, value: String(noise), allowed: "0 to \(Self.maximumNoise)")
      }
      if kind == .parabola && noise != 0 { throw .noiseWithParabola }
      return
    }
    guard let table else { throw .missingTable }
    guard !table.rows.isEmpty else { throw .emptySet(.train) }
    guard table.rows.count <= PointTable.maximumRows else { throw .tooManyRows(table.rows.count) }
    guard noise == 0 else { throw .noiseWithTable }
    if !table.hasSubsets {
      guard testFraction.isFinite, testFraction > 0, testFraction < 1 else {
        throw .outOfRange(.testFraction, value: String(testFraction), allowed: "a number between 0 and 1")
      }
    }
    let counts = [(PointTable.Subset.train, trainingPointCount), (.test, testPointCount)]
    for (subset, count) in counts where count == 0 { throw .emptySet(subset) }
    for (subset, count) in counts where count > Self.maximumCount { throw .tooManyPoints(subset, count) }
  }

  /// The number of training points (without drawing the split).
  public var trainingPointCount: Int {
    guard let table else { return trainCount }
    return table.rows.count - tableTestCount(table)
  }

  /// The number of test points (without drawing the split).
  public var testPointCount: Int {
    guard let table else { return testCount }
    return tableTestCount(table)
  }

  /// The data set these settings describe. The spec must be valid.
  public var dataset: Dataset {
    guard let table else {
      return .generated(kind, seed: seed, trainCount: trainCount, testCount: testCount, noise: noise)
    }
    let points = LabeledPoints(
      x1: table.rows.map { $0.x1 }, x2: table.rows.map { $0.x2 }, y: table.rows.map { $0.label })
    let (train, test) = splitIndices(table)
    return Dataset(train: points.subset(train), test: points.subset(test))
  }

  /// How many of a table's rows are test points: those its `set` column names, or
  /// `int(rows * testFraction)`.
  private func tableTestCount(_ table: PointTable) -> Int {
    guard !table.hasSubsets else { return table.rows.count(where: { $0.subset == .test }) }
    return Int((Double(table.rows.count) * testFraction).rounded(.towardZero))
  }

  /// The rows of each set in file order: by the table's own `set` column, or else the first
  /// `int(rows * testFraction)` indices of numpy's `permutation(rows)` (seeded with `seed`)
  /// for the test set and the rest for training.
  private func splitIndices(_ table: PointTable) -> (train: [Int], test: [Int]) {
    let rows = table.rows
    var isTest: [Bool]
    if table.hasSubsets {
      isTest = rows.map { $0.subset == .test }
    } else {
      var random = RandomState(seed: seed)
      isTest = [Bool](repeating: false, count: rows.count)
      for index in random.permutation(rows.count).prefix(tableTestCount(table)) { isTest[index] = true }
    }
    return (rows.indices.filter { !isTest[$0] }, rows.indices.filter { isTest[$0] })
  }
}

/// Data settings that cannot be used.
public enum DataError: Error, Equatable, CustomStringConvertible {
  case outOfRange(Field, value: String, allowed: String)
  case noiseWithParabola
  case noiseWithTable
  case missingTable
  case tableWithoutCSV
  case emptySet(PointTable.Subset)
  case tooManyRows(Int)
  case tooManyPoints(PointTable.Subset, Int)

  /// The setting a value belongs to, named as the command line names it.
  public enum Field: String, Sendable {
    case trainCount = "n-obs"
    case testCount = "n-test"
    case noise
    case testFraction = "test-fraction"

    /// The key of this setting in an experiment file's `data` object.
    public var jsonKey: String { rawValue.replacingOccurrences(of: "-", with: "_") }
  }

  /// The key of the `data` object the error is about.
  public var jsonKey: String {
    switch self {
    case .outOfRange(let field, _, _): field.jsonKey
    case .noiseWithParabola, .noiseWithTable: "noise"
    case .missingTable, .tableWithoutCSV: "csv"
    case .emptySet, .tooManyRows, .tooManyPoints: "csv"
    }
  }

  public var description: String {
    switch self {
    case .outOfRange(let field, let value, let allowed):
      "\(field.rawValue) must be \(allowed), got \(value)"
    case .noiseWithParabola: "the parabola data set has no noise: noise must be 0"
    case .noiseWithTable: "noise applies to generated data sets, not to points from a file"
    case .missingTable: "the csv data set needs a file (csv)"
    case .tableWithoutCSV: "points from a file need the data set 'csv'"
    case .emptySet(let subset): "the \(subset.rawValue) set is empty"
    case .tooManyRows(let count): "the table has \(count) rows; at most \(PointTable.maximumRows) are allowed"
    case .tooManyPoints(let subset, let count):
      "the \(subset.rawValue) set has \(count) points; at most \(DataSpec.maximumCount) are allowed"
    }
  }
}
