/// Douglas–Peucker simplification of polylines in pixels.
enum PolylineSimplification {
  /// `polyline` with points dropped so that each dropped point lies within `tolerance` of
  /// the simplified polyline (Douglas–Peucker).
  ///
  /// An open polyline keeps its end points. A closed one is split at its first point and the
  /// point farthest from it, which both stay. Collinear and repeated points go. A closed
  /// polyline that shrinks below three points, or an open one below two, is returned empty.
  static func simplify(_ polyline: Polyline, tolerance: Double) -> Polyline {
    var points = polyline.points
    guard points.count > 2 else {
      return polyline.closed || points.count < 2 ? Polyline(points: [], closed: polyline.closed) : polyline
    }
    var keep = [Bool](repeating: false, count: points.count)
    var spans: [(Int, Int)]
    if polyline.closed {
      let first = points[0]
      var farthest = 0
      var farthestDistance = -1.0
      for (index, point) in points.enumerated() {
        let d = (point.x - first.x) * (point.x - first.x) + (point.y - first.y) * (point.y - first.y)
        if d > farthestDistance {
          farthest = index
          farthestDistance = d
        }
      }
      points.append(first)
      keep.append(false)
      spans = [(0, farthest), (farthest, points.count - 1)]
    } else {
      spans = [(0, points.count - 1)]
    }
    for (start, end) in spans {
      keep[start] = true
      keep[end] = true
    }
    while let span = spans.popLast() {
      let (start, end) = span
      guard end - start > 1 else { continue }
      var farthest = start
      var farthestDistance = tolerance
      for index in (start + 1)..<end {
        let d = distance(points[index], toSegment: points[start], points[end])
        if d > farthestDistance {
          farthest = index
          farthestDistance = d
        }
      }
      if farthest != start {
        keep[farthest] = true
        spans.append((start, farthest))
        spans.append((farthest, end))
      }
    }
    if polyline.closed { points.removeLast() }
    let kept = points.indices.filter { keep[$0] }.map { points[$0] }
    let minimum = polyline.closed ? 3 : 2
    return Polyline(points: kept.count >= minimum ? kept : [], closed: polyline.closed)
  }

  /// The distance from `p` to the segment from `a` to `b`.
  static func distance(_ p: Point, toSegment a: Point, _ b: Point) -> Double {
    let dx = b.x - a.x
    let dy = b.y - a.y
    let lengthSquared = dx * dx + dy * dy
    var t = 0.0
    if lengthSquared > 0 {
      t = min(1, max(0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared))
    }
    let ex = p.x - (a.x + t * dx)
    let ey = p.y - (a.y + t * dy)
    return (ex * ex + ey * ey).squareRoot()
  }
}
