import Foundation

/// numpy's legacy `RandomState` stream (MT19937), reproduced bit for bit.
///
/// `RandomState(seed: s)` equals `np.random.seed(s)`: Mersenne Twister `init_genrand(s)`.
/// `nextDouble()` equals one `np.random.rand()` value, `uniform(_:_:)` and `normal(_:_:)`
/// numpy's legacy `uniform` and `normal`, `choice(below:)` one index of
/// `np.random.choice(range(n), k)` with replacement, and `permutation(_:)` numpy's legacy
/// `permutation(n)`.
public struct RandomState: Sendable {
  private static let stateSize = 624
  private static let shiftSize = 397

  private var state: [UInt32]
  private var position: Int
  /// The second value of the last polar-method pair, kept for the next `gaussian()`.
  private var keptGaussian: Double?

  /// Seeds the stream as `np.random.seed(seed)` does for an integer seed.
  public init(seed: UInt32) {
    var state = [UInt32](repeating: 0, count: Self.stateSize)
    state[0] = seed
    for i in 1..<Self.stateSize {
      let previous = state[i - 1]
      state[i] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(i)
    }
    self.state = state
    self.position = Self.stateSize
  }

  /// The next tempered 32-bit output of MT19937 (`genrand_int32`).
  public mutating func nextUInt32() -> UInt32 {
    if position >= Self.stateSize { twist() }
    var y = state[position]
    position += 1
    y ^= y >> 11
    y ^= (y << 7) & 0x9D2C_5680
    y ^= (y << 15) & 0xEFC6_0000
    y ^= y >> 18
    return y
  }

  /// A double in [0, 1) with 53 random bits, as `np.random.rand()`.
  public mutating func nextDouble() -> Double {
    let a = nextUInt32() >> 5
    let b = nextUInt32() >> 6
    return (Double(a) * 67_108_864.0 + Double(b)) / 9_007_199_254_740_992.0
  }

  /// numpy's legacy `uniform(low, high)`: `low + (high - low) * rand()`.
  public mutating func uniform(_ low: Double, _ high: Double) -> Double {
    low + (high - low) * nextDouble()
  }

  /// numpy's legacy `normal(mean, scale)`: `mean + scale * g` with `g` from the polar method.
  public mutating func normal(_ mean: Double, _ scale: Double) -> Double {
    mean + scale * gaussian()
  }

  /// numpy's legacy standard normal (`legacy_gauss`): the polar method, which makes two
  /// values at a time and keeps the second for the next call.
  public mutating func gaussian() -> Double {
    if let kept = keptGaussian {
      keptGaussian = nil
      return kept
    }
    var x1 = 0.0, x2 = 0.0, r2 = 0.0
    repeat {
      x1 = 2 * nextDouble() - 1
      x2 = 2 * nextDouble() - 1
      r2 = x1 * x1 + x2 * x2
    } while r2 >= 1 || r2 == 0
    let f = (-2 * log(r2) / r2).squareRoot()
    keptGaussian = f * x1
    return f * x2
  }

  /// One index in `0..<count`, drawn as `np.random.choice(range(count))` draws it.
  ///
  /// numpy masks each 32-bit output with the smallest `2^k - 1` covering `count - 1` and
  /// rejects values above `count - 1`. A population of one draws nothing.
  /// - Precondition: `1 <= count <= 2^32`.
  public mutating func choice(below count: Int) -> Int {
    precondition(count >= 1 && count <= 1 << 32, "choice needs 1...2^32 elements")
    let largest = UInt32(truncatingIfNeeded: count - 1)
    if largest == 0 { return 0 }
    if largest == UInt32.max { return Int(nextUInt32()) }
    var mask = largest
    mask |= mask >> 1
    mask |= mask >> 2
    mask |= mask >> 4
    mask |= mask >> 8
    mask |= mask >> 16
    while true {
      let value = nextUInt32() & mask
      if value <= largest { return Int(value) }
    }
  }

  /// numpy's legacy `permutation(count)`: `0..<count` shuffled from the last position down,
  /// swapping position `i` with one drawn from `0...i` (`random_interval`).
  /// - Precondition: `0 <= count <= 2^32`.
  public mutating func permutation(_ count: Int) -> [Int] {
    var order = Array(0..<count)
    for i in stride(from: count - 1, to: 0, by: -1) {
      order.swapAt(i, choice(below: i + 1))
    }
    return order
  }

  private mutating func twist() {
    let upperMask: UInt32 = 0x8000_0000
    let lowerMask: UInt32 = 0x7FFF_FFFF
    let n = Self.stateSize
    let m = Self.shiftSize
    for i in 0..<n {
      let y = (state[i] & upperMask) | (state[(i + 1) % n] & lowerMask)
      var next = state[(i + m) % n] ^ (y >> 1)
      if y & 1 != 0 { next ^= 0x9908_B0DF }
      state[i] = next
    }
    position = 0
  }
}
