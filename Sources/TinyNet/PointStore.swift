/// Labelled points as feature columns in owned buffers, with room to gather a batch.
///
/// Features are computed once, elementwise, when the store is made; a batch copies them.
final class PointStore {
  let count: Int
  let featureCount: Int
  private let columns: UnsafeMutablePointer<Double>
  private let table: UnsafeMutablePointer<UnsafePointer<Double>>
  private let labels: UnsafeMutablePointer<Int>

  /// The features of `points`, column by column.
  convenience init(_ points: LabeledPoints, features: [Feature]) {
    self.init(capacity: points.count, featureCount: features.count)
    for (f, feature) in features.enumerated() {
      let column = columns + f * count
      for i in 0..<count { column[i] = feature(points.x1[i], points.x2[i]) }
    }
    labels.update(from: points.y, count: count)
  }

  /// An empty store of `capacity` points to gather batches into.
  init(capacity: Int, featureCount: Int) {
    count = capacity
    self.featureCount = featureCount
    let size = max(capacity, 1)
    columns = .allocate(capacity: size * featureCount)
    columns.initialize(repeating: 0, count: size * featureCount)
    table = .allocate(capacity: featureCount)
    for f in 0..<featureCount { (table + f).initialize(to: UnsafePointer(columns + f * capacity)) }
    labels = .allocate(capacity: size)
    labels.initialize(repeating: 0, count: size)
  }

  deinit {
    columns.deallocate()
    table.deallocate()
    labels.deallocate()
  }

  /// All points.
  var buffers: PointBuffers { PointBuffers(features: table, labels: labels, count: count) }

  /// Copies the point at `source` of `other` to position `target`.
  /// - Precondition: both stores have the same features.
  @inline(__always)
  func copy(_ other: PointStore, point source: Int, to target: Int) {
    for f in 0..<featureCount { columns[f * count + target] = other.columns[f * other.count + source] }
    labels[target] = other.labels[source]
  }
}

/// Raw views of a run of points: one column per feature, and the classes.
struct PointBuffers {
  var features: UnsafePointer<UnsafePointer<Double>>
  var labels: UnsafePointer<Int>
  var count: Int
}
