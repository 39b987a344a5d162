import SafeText
import TinyNet

extension Dataset {
  /// The points as one JSON object `{"test": [[x1, x2, class], ...], "train": [...]}`, byte
  /// for byte as `JSONEncoder` with sorted keys writes it, without its tree of every value:
  /// two million points take seconds and over a gigabyte through the encoder.
  public func json() -> String {
    var text = "{"
    text.reserveCapacity(2 + 48 * (train.count + test.count))
    for (key, points) in [("test", test), ("train", train)] {
      text += key == "test" ? #""test":["# : #","train":["#
      for i in 0..<points.count {
        if i > 0 { text += "," }
        text += "["
        text += SafeText.json(points.x1[i])
        text += ","
        text += SafeText.json(points.x2[i])
        text += points.y[i] == 1 ? ",1]" : ",0]"
      }
      text += "]"
    }
    return text + "}"
  }
}
