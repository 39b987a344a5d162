import ArgumentParser
import DataFiles
import TinyNet

extension NNLab {
  /// `nnlab data`: the points of a data set.
  struct DataSet: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "data",
      abstract: "Print the points of a data set: the notebook's parabola, a Playground set or a CSV file.",
      discussion: """
        Training points first, then test points, drawn from numpy's legacy stream seeded with \
        --seed exactly as the training commands draw them. CSV output has the columns \
        x1,x2,label,set; --json prints {"train": [[x1, x2, class], ...], "test": [...]}.
        """)

    @OptionGroup var data: DataOptions

    @Flag(help: "Print one JSON object instead of CSV.")
    var json = false

    func run() throws {
      let dataset = try data.spec().dataset
      if json {
        print(try JSONText.encode(DataSetJSON(dataset)))
      } else {
        print(dataset.csv(), terminator: "")
      }
    }
  }
}

/// A data set as `nnlab data --json` prints it.
struct DataSetJSON: Encodable {
  var train: LabeledPoints
  var test: LabeledPoints

  init(_ data: Dataset) {
    train = data.train
    test = data.test
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    for (key, points) in [(CodingKeys.train, train), (.test, test)] {
      var list = container.nestedUnkeyedContainer(forKey: key)
      for i in 0..<points.count {
        var row = list.nestedUnkeyedContainer()
        try row.encode(points.x1[i])
        try row.encode(points.x2[i])
        try row.encode(points.y[i])
      }
    }
  }

  enum CodingKeys: String, CodingKey { case train, test }
}
