import Foundation

/// A hidden folder that nnlab writes beside a report: `.NAME.nnlab-new-PID-RANDOM` while the
/// new report is written (after the swap it holds the earlier report until removed), and
/// `.NAME.nnlab-old-PID-RANDOM` for the earlier report during the fallback swap.
struct TemporaryFolderName: Equatable {
  enum Kind: String {
    case new
    case old
  }

  /// The report folder's name.
  var target: String
  var kind: Kind
  var processID: Int32
  var token: UInt32

  init(target: String, kind: Kind, processID: Int32, token: UInt32) {
    self.target = target
    self.kind = kind
    self.processID = processID
    self.token = token
  }

  /// Parses a folder name; nil for anything nnlab does not write.
  init?(_ name: String) {
    guard name.hasPrefix("."), let marker = name.range(of: ".nnlab-", options: .backwards),
      marker.lowerBound > name.startIndex
    else { return nil }
    let target = name[name.index(after: name.startIndex)..<marker.lowerBound]
    let parts = name[marker.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
    guard !target.isEmpty, parts.count == 3, let kind = Kind(rawValue: String(parts[0])),
      parts[1...].allSatisfy({ $0.allSatisfy { "0"..."9" ~= $0 } }),
      let processID = Int32(parts[1]), processID > 0, let token = UInt32(parts[2])
    else { return nil }
    self.init(target: String(target), kind: kind, processID: processID, token: token)
  }

  var name: String { ".\(target).nnlab-\(kind.rawValue)-\(processID)-\(token)" }
}
