import Foundation

/// A JSON document as a tree of values, so that two documents can be compared value by
/// value whatever keys they hold, including keys added to a format later.
public indirect enum JSONTree: Sendable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONTree])
  case object([String: JSONTree])

  /// One step down a tree: a member's key or a list element's position.
  public enum Step: Sendable, Equatable, CustomStringConvertible {
    case key(String)
    case index(Int)

    public var description: String {
      switch self {
      case .key(let key): key
      case .index(let index): "[\(index)]"
      }
    }
  }

  /// Reads a document.
  /// - Throws: `DecodingError` when `data` is not JSON.
  public init(parsing data: Data) throws {
    self = try JSONDecoder().decode(JSONTree.self, from: data)
  }

  /// The member at `key` of an object; nil for anything else or a missing key.
  public subscript(key: String) -> JSONTree? {
    guard case .object(let members) = self else { return nil }
    return members[key]
  }

  /// The tree without the member `key`, if it is an object.
  public func removing(_ key: String) -> JSONTree {
    guard case .object(var members) = self else { return self }
    members[key] = nil
    return .object(members)
  }

  /// How many numbers the tree holds.
  public var numberCount: Int {
    switch self {
    case .number: 1
    case .null, .bool, .string: 0
    case .array(let items): items.reduce(0) { $0 + $1.numberCount }
    case .object(let members): members.values.reduce(0) { $0 + $1.numberCount }
    }
  }

  /// A place where two trees differ: its path, and the value on each side (nil where a
  /// side has no value there).
  public typealias Difference = (path: [Step], this: JSONTree?, other: JSONTree?)

  /// The first place, in document order with object keys sorted, where `other` differs from
  /// this tree; numbers are compared bit for bit (so `0` and `-0` differ, as in the file).
  public func firstDifference(from other: JSONTree) -> Difference? {
    var found: Difference?
    visitDifferences(from: other, path: []) { difference in
      found = difference
      return false
    }
    return found
  }

  /// Every place where `other` differs from this tree, in document order with keys sorted.
  public func differences(from other: JSONTree) -> [Difference] {
    var found: [Difference] = []
    visitDifferences(from: other, path: []) { difference in
      found.append(difference)
      return true
    }
    return found
  }

  /// Hands each difference to `visit` until it returns false; returns false once stopped.
  @discardableResult
  private func visitDifferences(from other: JSONTree, path: [Step], _ visit: (Difference) -> Bool) -> Bool {
    switch (self, other) {
    case (.number(let a), .number(let b)):
      return a.bitPattern == b.bitPattern || visit((path, self, other))
    case (.array(let a), .array(let b)):
      for index in 0..<max(a.count, b.count) {
        let step = path + [.index(index)]
        guard index < a.count, index < b.count else {
          guard visit((step, a.indices.contains(index) ? a[index] : nil, b.indices.contains(index) ? b[index] : nil))
          else { return false }
          continue
        }
        guard a[index].visitDifferences(from: b[index], path: step, visit) else { return false }
      }
      return true
    case (.object(let a), .object(let b)):
      for key in Set(a.keys).union(b.keys).sorted() {
        let step = path + [.key(key)]
        guard let left = a[key], let right = b[key] else {
          guard visit((step, a[key], b[key])) else { return false }
          continue
        }
        guard left.visitDifferences(from: right, path: step, visit) else { return false }
      }
      return true
    default:
      return self == other || visit((path, self, other))
    }
  }

  /// The value as compact JSON text: numbers in the shortest form that reads back to the
  /// same double, so a message shows them with full precision.
  public var text: String {
    switch self {
    case .null: "null"
    case .bool(let value): value ? "true" : "false"
    case .number(let value):
      value == value.rounded(.towardZero) && value.magnitude < 1e15
        ? (value == 0 && value.sign == .minus ? "-0" : String(Int64(value))) : "\(value)"
    case .string(let value): String(decoding: (try? JSONEncoder().encode(value)) ?? Data(), as: UTF8.self)
    case .array(let items): "[" + items.map(\.text).joined(separator: ", ") + "]"
    case .object(let members):
      "{" + members.keys.sorted().map { JSONTree.string($0).text + ": " + (members[$0] ?? .null).text }
        .joined(separator: ", ") + "}"
    }
  }

  /// A path as `cases[2].loss.train[16]`.
  public static func describe(_ path: some Sequence<Step>) -> String {
    path.reduce(into: "") { text, step in
      switch step {
      case .index: text += step.description
      case .key(let key): text += text.isEmpty ? key : ".\(key)"
      }
    }
  }
}

extension JSONTree: Codable {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONTree].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONTree].self))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .null: try container.encodeNil()
    case .bool(let value): try container.encode(value)
    case .number(let value): try container.encode(value)
    case .string(let value): try container.encode(value)
    case .array(let items): try container.encode(items)
    case .object(let members): try container.encode(members)
    }
  }
}
