import CSV
import Foundation
import TinyNet

extension Dataset {
  /// The points as CSV with the header `x1,x2,label,set`, training points first, numbers
  /// in their shortest form that reads back to the same double, every line ending in LF.
  public func csv() -> String {
    let stream = OutputStream(toMemory: ())
    stream.open()
    defer { stream.close() }
    guard let writer = try? CSVWriter(stream: stream, newline: .lf) else { return "" }
    try? writer.write(row: ["x1", "x2", "label", "set"])
    for (points, subset) in [(train, "train"), (test, "test")] {
      for i in 0..<points.count {
        writer.beginNewRow()
        try? writer.write(row: [points.x1[i].description, points.x2[i].description, String(points.y[i]), subset])
      }
    }
    writer.stream.close()
    let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
