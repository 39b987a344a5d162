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
        print(dataset.json())
      } else {
        print(dataset.csv(), terminator: "")
      }
    }
  }
}
