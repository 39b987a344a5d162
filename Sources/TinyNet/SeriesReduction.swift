/// One series reduced bucket by bucket to first, extremes in order, last.
struct SeriesReduction {
  var values: [Double] = []
  private var first = 0.0, last = 0.0
  private var low = (value: Double.infinity, at: 0)
  private var high = (value: -Double.infinity, at: 0)
  private var open = false

  mutating func add(_ value: Double, at iteration: Int) {
    if !open {
      first = value
      low = (value, iteration)
      high = (value, iteration)
      open = true
    }
    if value < low.value { low = (value, iteration) }
    if value > high.value { high = (value, iteration) }
    last = value
  }

  mutating func closeBucket() {
    guard open else { return }
    let extremes = low.at <= high.at ? (low.value, high.value) : (high.value, low.value)
    values.append(first)
    values.append(extremes.0)
    values.append(extremes.1)
    values.append(last)
    open = false
  }
}
