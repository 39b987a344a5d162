import TinyNet

extension Dataset {
  /// The points as CSV with the header `x1,x2,label,set`, training points first, numbers
  /// in their shortest form that reads back to the same double, every line ending in LF.
  public func csv() -> String {
    var text = "x1,x2,label,set\n"
    text.reserveCapacity(16 + 48 * (train.count + test.count))
    for (points, subset) in [(train, ",train\n"), (test, ",test\n")] {
      for i in 0..<points.count {
        text += points.x1[i].description
        text += ","
        text += points.x2[i].description
        text += points.y[i] == 1 ? ",1" : ",0"
        text += subset
      }
    }
    return text
  }
}
