/// A position in figure pixels (y grows downwards) or in data units, as the context says.
struct Point: Sendable, Equatable {
  var x: Double
  var y: Double
}

/// An axis-aligned rectangle in figure pixels.
struct Rect: Sendable, Equatable {
  var x: Double
  var y: Double
  var width: Double
  var height: Double

  var minX: Double { x }
  var maxX: Double { x + width }
  var minY: Double { y }
  var maxY: Double { y + height }
  var midX: Double { x + width / 2 }
  var midY: Double { y + height / 2 }

  /// The rectangle grown by `amount` on every side (shrunk when `amount` is negative).
  func outset(by amount: Double) -> Rect {
    Rect(x: x - amount, y: y - amount, width: width + 2 * amount, height: height + 2 * amount)
  }

  /// Whether `point` lies inside or on the border.
  func contains(_ point: Point) -> Bool {
    point.x >= minX && point.x <= maxX && point.y >= minY && point.y <= maxY
  }

  /// Whether the segment from `a` to `b` meets the rectangle (Liang–Barsky clipping).
  func intersectsSegment(_ a: Point, _ b: Point) -> Bool {
    let dx = b.x - a.x
    let dy = b.y - a.y
    var enter = 0.0
    var leave = 1.0
    for (p, q) in [(-dx, a.x - minX), (dx, maxX - a.x), (-dy, a.y - minY), (dy, maxY - a.y)] {
      if p == 0 {
        if q < 0 { return false }
      } else {
        let t = q / p
        if p < 0 { enter = max(enter, t) } else { leave = min(leave, t) }
        if enter > leave { return false }
      }
    }
    return true
  }
}
