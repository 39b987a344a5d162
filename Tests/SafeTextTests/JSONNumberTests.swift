import Foundation
import SafeText
import Testing

/// Doubles written as JSONEncoder writes them, for JSON written without the encoder.
@Suite struct JSONNumberTests {
  @Test func doublesAreWrittenAsJSONEncoderWritesThem() throws {
    let values: [Double] = [
      0, -0.0, 1, -1, 100, 1_000_000, 1e15, 1e16, 0.1, 0.30000000000000004, 2.5, 1e-05, 1.5e-07, 5e-324,
      -1.2345678901234567, 1.7976931348623157e308, 123456789012345680,
    ]
    for value in values {
      let encoded = String(decoding: try JSONEncoder().encode([value]), as: UTF8.self)
      #expect("[\(SafeText.json(value))]" == encoded, "\(value)")
    }
    #expect(SafeText.json(100) == "100" && SafeText.json(-0.0) == "-0" && SafeText.json(1e-05) == "1e-05")
  }
}
