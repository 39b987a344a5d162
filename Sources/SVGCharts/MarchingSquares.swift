/// Contours of a function sampled on a rectangular grid, by marching squares.
///
/// A grid point is inside the region of a level when its value is ≥ the level. Contours
/// cross a cell edge where linear interpolation between its two ends meets the level. In a
/// saddle cell (two diagonal corners inside, the other two outside) the mean of the four
/// corners decides: the inside corners are joined through the cell when the mean is ≥ the
/// level and kept apart otherwise. Because one rule serves every level, the region of a
/// higher level always lies within the region of a lower one.
///
/// Values are `values[j * xs.count + i]` at `(xs[i], ys[j])`, with `xs` and `ys` increasing
/// and at least two of each.
struct MarchingSquares {
  let xs: [Double]
  let ys: [Double]
  let values: [Double]

  // Contour nodes are numbered: grid points first (`j * nx + i`), then crossings on the
  // horizontal edges from (i, j) to (i + 1, j), then crossings on the vertical edges from
  // (i, j) to (i, j + 1).
  private var nx: Int { xs.count }
  private var ny: Int { ys.count }
  private var horizontalBase: Int { nx * ny }
  private var verticalBase: Int { horizontalBase + (nx - 1) * ny }
  private var nodeCount: Int { verticalBase + nx * (ny - 1) }

  /// The boundary of `{p ≥ level}` within the grid's rectangle, as closed rings.
  ///
  /// Rings run counter-clockwise around the region and clockwise around its holes (in data
  /// coordinates, y up), so filling them with the nonzero rule paints exactly the region;
  /// the shoelace sum of all rings is its area. Parts of the grid's border that lie in the
  /// region belong to the rings.
  func superlevelRings(_ level: Double) -> [Polyline] {
    chains(Links(self, level, alongBorder: true), level)
  }

  /// The curve `p = level`: polylines that end on the grid's border, and closed loops.
  func isolines(_ level: Double) -> [Polyline] {
    chains(Links(self, level, alongBorder: false), level)
  }

  /// For each node, the next node along the contour, with the region on the left.
  private struct Links {
    /// The next node of each node, -1 if none.
    var next: [Int32]
    /// The nodes that have a next node, in the order they were linked.
    var linked: [Int32] = []

    init(_ grid: MarchingSquares, _ level: Double, alongBorder: Bool) {
      next = [Int32](repeating: -1, count: grid.nodeCount)
      grid.link(&self, level, alongBorder: alongBorder)
    }

    mutating func link(_ node: Int, to target: Int32) {
      next[node] = target
      linked.append(Int32(node))
    }
  }

  /// Links the contour nodes of `level` cell by cell, then (with `alongBorder`) along the
  /// parts of the grid's border inside the region, walking it counter-clockwise.
  private func link(_ links: inout Links, _ level: Double, alongBorder: Bool) {
    for j in 0..<(ny - 1) {
      for i in 0..<(nx - 1) {
        // Corners counter-clockwise from the lower left; edge k runs from corner k to k + 1.
        let corners = (j * nx + i, j * nx + i + 1, (j + 1) * nx + i + 1, (j + 1) * nx + i)
        let v = (values[corners.0], values[corners.1], values[corners.2], values[corners.3])
        let mask =
          (v.0 >= level ? 1 : 0) | (v.1 >= level ? 2 : 0) | (v.2 >= level ? 4 : 0)
          | (v.3 >= level ? 8 : 0)
        if mask == 0 || mask == 15 { continue }
        let edges = SIMD4<Int32>(
          Int32(horizontalBase + j * (nx - 1) + i), Int32(verticalBase + j * nx + i + 1),
          Int32(horizontalBase + (j + 1) * (nx - 1) + i), Int32(verticalBase + j * nx + i))
        if mask == 5 || mask == 10 {
          // A saddle: the edges leaving the region are the ones starting at an inside corner.
          let joined = (v.0 + v.1 + v.2 + v.3) / 4 >= level
          let first = mask == 5 ? 0 : 1
          let turn = joined ? 1 : 3
          links.link(Int(edges[first]), to: edges[(first + turn) % 4])
          links.link(Int(edges[first + 2]), to: edges[(first + 2 + turn) % 4])
        } else {
          // One edge leaves the region (inside to outside) and one enters it.
          var exit = 0
          var entry = 0
          for k in 0..<4 {
            let from = mask >> k & 1
            let to = mask >> ((k + 1) % 4) & 1
            if from == 1 && to == 0 { exit = k }
            if from == 0 && to == 1 { entry = k }
          }
          links.link(Int(edges[exit]), to: edges[entry])
        }
      }
    }
    if alongBorder {
      // Walk the border counter-clockwise; the region lies to the left.
      func link(_ a: Int, _ b: Int, crossing: Int) {
        switch (values[a] >= level, values[b] >= level) {
        case (true, true): links.link(a, to: Int32(b))
        case (true, false): links.link(a, to: Int32(crossing))
        case (false, true): links.link(crossing, to: Int32(b))
        case (false, false): break
        }
      }
      let top = ny - 1
      let right = nx - 1
      for i in 0..<right {
        link(i, i + 1, crossing: horizontalBase + i)
      }
      for j in 0..<top {
        link(j * nx + right, (j + 1) * nx + right, crossing: verticalBase + j * nx + right)
      }
      for i in (0..<right).reversed() {
        link(top * nx + i + 1, top * nx + i, crossing: horizontalBase + top * (nx - 1) + i)
      }
      for j in (0..<top).reversed() {
        link((j + 1) * nx, j * nx, crossing: verticalBase + j * nx)
      }
    }
  }

  /// The links followed into polylines: open ones from nodes nothing leads to, then loops.
  private func chains(_ links: Links, _ level: Double) -> [Polyline] {
    let next = links.next
    var incoming = [Bool](repeating: false, count: next.count)
    for node in links.linked {
      incoming[Int(next[Int(node)])] = true
    }
    var visited = [Bool](repeating: false, count: next.count)
    var result: [Polyline] = []
    func follow(from start: Int) {
      var points: [Point] = []
      var node = start
      var closed = false
      while true {
        visited[node] = true
        points.append(position(of: node, level))
        let following = Int(next[node])
        if following < 0 { break }
        if visited[following] {
          closed = following == start
          break
        }
        node = following
      }
      result.append(Polyline(points: points, closed: closed))
    }
    for start in links.linked where !incoming[Int(start)] {
      follow(from: Int(start))
    }
    for start in links.linked where !visited[Int(start)] {
      follow(from: Int(start))
    }
    return result
  }

  /// Where node `node` lies for `level`: a grid point, or the interpolated crossing on an edge.
  private func position(of node: Int, _ level: Double) -> Point {
    if node < horizontalBase {
      return Point(x: xs[node % nx], y: ys[node / nx])
    }
    if node < verticalBase {
      let edge = node - horizontalBase
      let (j, i) = edge.quotientAndRemainder(dividingBy: nx - 1)
      let a = values[j * nx + i]
      let t = (level - a) / (values[j * nx + i + 1] - a)
      return Point(x: xs[i] + t * (xs[i + 1] - xs[i]), y: ys[j])
    }
    let edge = node - verticalBase
    let (j, i) = edge.quotientAndRemainder(dividingBy: nx)
    let a = values[j * nx + i]
    let t = (level - a) / (values[(j + 1) * nx + i] - a)
    return Point(x: xs[i], y: ys[j] + t * (ys[j + 1] - ys[j]))
  }
}
