import Foundation
import Testing

@testable import LabReport

/// Finding a key in a snapshot's bytes without copying them.
@Suite struct DataSearchTests {
  @Test func theFirstOccurrenceIsFoundWhereverItIs() {
    let data = Data("aaab, the checksum, aab".utf8)
    #expect(data.location(of: Data("aab".utf8)) == 1..<4)
    #expect(data.location(of: Data("aaab".utf8)) == 0..<4)
    #expect(data.location(of: Data(", aab".utf8)) == 18..<23)
    #expect(data.location(of: Data("abc".utf8)) == nil)
    #expect(data.location(of: Data()) == nil)
    #expect(data.location(of: Data("aaab, the checksum, aab!".utf8)) == nil)
    // A slice keeps its own indices.
    let slice = data[5...]
    #expect(slice.location(of: Data("aab".utf8)) == 20..<23)
    #expect(slice[slice.location(of: Data("the".utf8)) ?? 0..<0] == Data("the".utf8))
  }
}
