/// Thinning of long series to what one pixel column can show.
enum LineReduction {
  /// The indices of `values` that draw the same line at pixel-column resolution (M4).
  ///
  /// Indices are grouped into runs that share a pixel column (`column` must not decrease
  /// with the index); of each run the first, the smallest value, the largest value and the
  /// last are kept, in their original order. Every spike stays, however short, and the line
  /// enters and leaves each column where the data does. At most four indices per column;
  /// without `ends`, only the extremes (at most two), for columns a few pixels wide where
  /// the line's way in and out cannot be seen.
  static func columnExtremes(_ values: [Double], ends: Bool = true, column: (Int) -> Int) -> [Int] {
    var kept: [Int] = []
    var start = 0
    while start < values.count {
      let current = column(start)
      var end = start + 1
      var lowest = start
      var highest = start
      while end < values.count, column(end) == current {
        if values[end] < values[lowest] { lowest = end }
        if values[end] > values[highest] { highest = end }
        end += 1
      }
      let extremes = [min(lowest, highest), max(lowest, highest)]
      for index in ends ? [start] + extremes + [end - 1] : extremes where index != kept.last {
        kept.append(index)
      }
      start = end
    }
    return kept
  }
}
