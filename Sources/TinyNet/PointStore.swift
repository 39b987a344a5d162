/// Labelled points copied into owned buffers, with room to gather a batch from them.
final class PointStore {
  let count: Int
  private let x1: UnsafeMutablePointer<Double>
  private let x2: UnsafeMutablePointer<Double>
  private let labels: UnsafeMutablePointer<Int>

  init(_ points: LabeledPoints) {
    count = points.count
    x1 = .allocate(capacity: max(count, 1))
    x2 = .allocate(capacity: max(count, 1))
    labels = .allocate(capacity: max(count, 1))
    x1.initialize(from: points.x1, count: count)
    x2.initialize(from: points.x2, count: count)
    labels.initialize(from: points.y, count: count)
  }

  /// An empty store of `capacity` points to gather batches into.
  init(capacity: Int) {
    count = capacity
    x1 = .allocate(capacity: max(capacity, 1))
    x2 = .allocate(capacity: max(capacity, 1))
    labels = .allocate(capacity: max(capacity, 1))
    x1.initialize(repeating: 0, count: capacity)
    x2.initialize(repeating: 0, count: capacity)
    labels.initialize(repeating: 0, count: capacity)
  }

  deinit {
    x1.deallocate()
    x2.deallocate()
    labels.deallocate()
  }

  /// All points.
  var buffers: PointBuffers { PointBuffers(x1: x1, x2: x2, labels: labels, count: count) }

  /// Copies the point at `source` of `other` to position `target`.
  @inline(__always)
  func copy(_ other: PointStore, point source: Int, to target: Int) {
    x1[target] = other.x1[source]
    x2[target] = other.x2[source]
    labels[target] = other.labels[source]
  }
}
