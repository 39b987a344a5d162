import Testing
import TinyNet

/// The notebook's cell 2: `np.random.seed(317)`, 100 training and 100 test points.
@Suite struct DatasetTests {
  let data = Dataset(seed: 317, count: 100)

  @Test func trainingPointsAreNumpysBitForBit() {
    #expect(data.train.x1[0] == -0.7825987440106537)
    #expect(data.train.x2[0] == 0.9052086972363624)
    #expect(data.train.x1[74] == 0.8216661969188324)
    #expect(data.train.x2[74] == 0.1610319396214721)
    #expect(data.train.x2[99] == -0.46507948231278506)
  }

  @Test func testPointsContinueTheSameStream() {
    #expect(data.test.x1[0] == -1.8729706827819523)
    #expect(data.test.x2[99] == 1.9068328433298487)
  }

  @Test func labelsFollowTheParabolaAndItsShiftedCopy() {
    #expect(data.train.y.reduce(0, +) == 45)
    #expect(data.test.y.reduce(0, +) == 46)
    #expect(data.train.y.prefix(20).map(String.init).joined() == "10110111111000100010")
  }

  @Test func plotBoundsWidenTheDataRangeByATenth() {
    let bounds = data.plotBounds
    let x1 = data.train.x1 + data.test.x1
    #expect(bounds.x1.lowerBound == x1.min()! - 0.1)
    #expect(bounds.x1.upperBound == x1.max()! + 0.1)
  }
}
