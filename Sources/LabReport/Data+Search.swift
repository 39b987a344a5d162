import Foundation

extension Data {
  /// The first range of `pattern` in these bytes, nil when there is none or it is empty.
  ///
  /// Foundation's `range(of:)` copies all the bytes first, which for a snapshot of a
  /// million points is a hundred megabytes; this searches them where they are, with
  /// `memchr` for the pattern's first byte and `memcmp` for the rest.
  func location(of pattern: Data) -> Range<Index>? {
    withUnsafeBytes { haystack in
      pattern.withUnsafeBytes { needle in
        guard let base = haystack.baseAddress, let target = needle.baseAddress, (1...haystack.count).contains(needle.count)
        else { return nil }
        let last = haystack.count - needle.count
        var offset = 0
        while offset <= last, let hit = memchr(base + offset, Int32(needle[0]), last - offset + 1) {
          offset = UnsafeRawPointer(hit) - base
          if memcmp(hit, target, needle.count) == 0 {
            return (startIndex + offset)..<(startIndex + offset + needle.count)
          }
          offset += 1
        }
        return nil
      }
    }
  }
}
