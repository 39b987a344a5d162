/// The sum of `count` doubles at `start`, added in numpy's pairwise order.
///
/// numpy's `add.reduce` on a contiguous float64 array adds fewer than 8 values in a row,
/// up to 128 values with eight interleaved accumulators, and splits longer runs in two
/// halves (a multiple of 8 long). Reproducing that order makes sums, means and standard
/// deviations bit-identical to numpy's.
@usableFromInline
func pairwiseSum(_ start: UnsafePointer<Double>, _ count: Int) -> Double {
  if count < 8 {
    var sum = 0.0
    for i in 0..<count { sum += start[i] }
    return sum
  }
  if count <= 128 {
    var r0 = start[0], r1 = start[1], r2 = start[2], r3 = start[3]
    var r4 = start[4], r5 = start[5], r6 = start[6], r7 = start[7]
    var i = 8
    let end = count - count % 8
    while i < end {
      r0 += start[i]; r1 += start[i + 1]; r2 += start[i + 2]; r3 += start[i + 3]
      r4 += start[i + 4]; r5 += start[i + 5]; r6 += start[i + 6]; r7 += start[i + 7]
      i += 8
    }
    var sum = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
    while i < count {
      sum += start[i]
      i += 1
    }
    return sum
  }
  var half = count / 2
  half -= half % 8
  return pairwiseSum(start, half) + pairwiseSum(start + half, count - half)
}
