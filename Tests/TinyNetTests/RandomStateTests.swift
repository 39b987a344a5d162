import Testing
import TinyNet

/// numpy's legacy stream: first outputs obtained from numpy 2.4 with
/// `np.random.RandomState(seed)._bit_generator.random_raw(4)`, `.rand(4)` and
/// `.choice(range(n), k)` drawn one after another from one stream.
@Suite struct RandomStateTests {
  struct Golden: Sendable {
    var seed: UInt32
    var raw: [UInt32]
    var rand: [Double]
    var choices: [(population: Int, values: [Int])]
  }

  static let golden: [Golden] = [
    Golden(
      seed: 0, raw: [2_357_136_044, 2_546_248_239, 3_071_714_933, 3_626_093_760],
      rand: [0.5488135039273248, 0.7151893663724195, 0.6027633760716439, 0.5448831829968969],
      choices: [(100, [44, 47, 64, 67, 67, 9]), (37, [19, 21, 36, 23]), (2, [0, 0, 0, 0, 0]), (1000, [705, 486, 551])]),
    Golden(
      seed: 1, raw: [1_791_095_845, 4_282_876_139, 3_093_770_124, 4_005_303_368],
      rand: [0.417022004702574, 0.7203244934421581, 0.00011437481734488664, 0.30233257263183977],
      choices: [(100, [37, 12, 72, 9, 75, 5]), (37, [15, 0, 16, 1]), (2, [0, 1, 1, 0, 0]), (1000, [281, 178, 276])]),
    Golden(
      seed: 317, raw: [1_307_174_647, 2_838_153_546, 3_119_444_078, 2_908_664_003],
      rand: [0.3043503139973366, 0.7263021743090906, 0.9635220163088091, 0.5767510288516982],
      choices: [(100, [74, 67, 94, 2, 63, 36]), (37, [14, 12, 5, 28]), (2, [0, 1, 0, 0, 0]), (1000, [113, 391, 669])]),
    Golden(
      seed: 4_294_967_295, raw: [419_326_371, 479_346_978, 3_918_654_476, 2_416_749_639],
      rand: [0.0976320289940138, 0.9123828453026218, 0.78903530185164, 0.7800035981134678],
      choices: [(100, [35, 34, 12, 71, 52, 64]), (37, [22, 25, 32, 11]), (2, [0, 1, 1, 0, 1]), (1000, [311, 726, 526])]),
  ]

  @Test(arguments: golden.indices)
  func rawOutputsMatchNumpy(_ index: Int) {
    let golden = Self.golden[index]
    var random = RandomState(seed: golden.seed)
    #expect((0..<4).map { _ in random.nextUInt32() } == golden.raw)
  }

  @Test(arguments: golden.indices)
  func randMatchesNumpyBitForBit(_ index: Int) {
    let golden = Self.golden[index]
    var random = RandomState(seed: golden.seed)
    #expect((0..<4).map { _ in random.nextDouble() } == golden.rand)
  }

  @Test(arguments: golden.indices)
  func choiceWithReplacementMatchesNumpy(_ index: Int) {
    let golden = Self.golden[index]
    var random = RandomState(seed: golden.seed)
    for (population, values) in golden.choices {
      #expect(values.map { _ in random.choice(below: population) } == values)
    }
  }

  @Test func populationOfOneDrawsNothing() {
    var random = RandomState(seed: 317)
    #expect(random.choice(below: 1) == 0)
    #expect(random.nextUInt32() == 1_307_174_647)
  }

  @Test func streamSurvivesManyTwists() {
    var random = RandomState(seed: 5489)
    for _ in 0..<9999 { _ = random.nextUInt32() }
    // The 10000th output of the reference MT19937 with its default seed 5489.
    #expect(random.nextUInt32() == 4_123_659_995)
  }
}
