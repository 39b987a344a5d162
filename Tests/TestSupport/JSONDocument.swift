import Foundation

/// A JSON document that tests can take apart and write back in any shape, valid or not:
/// objects keep their members in order and may repeat a key, and `raw` text is written as
/// it is (`1e999`, `NaN`, `-9223372036854775809`, a truncated fragment).
public indirect enum JSONDocument: Sendable {
  /// Text written as it is: a number, `true`, `false`, `null`, or anything else.
  case raw(String)
  case string(String)
  case array([JSONDocument])
  case object([Member])

  public typealias Member = (key: String, value: JSONDocument)

  /// Reads a document; numbers keep the value Swift reads, written back in their shortest form.
  public init(parsing data: Data) throws {
    self = try JSONDecoder().decode(JSONDocument.self, from: data)
  }

  /// A number, written as JSON writes it: integers without a fraction, and `-0` kept.
  public static func number(_ value: Double) -> JSONDocument {
    guard value == value.rounded(), abs(value) < 1e15 else { return .raw("\(value)") }
    return .raw(value == 0 && value.sign == .minus ? "-0" : String(Int64(value)))
  }

  /// The document as compact JSON text.
  public var text: String {
    switch self {
    case .raw(let text): text
    case .string(let string): Self.quoted(string)
    case .array(let items): "[" + items.map(\.text).joined(separator: ",") + "]"
    case .object(let members): "{" + members.map { Self.quoted($0.key) + ":" + $0.value.text }.joined(separator: ",") + "}"
    }
  }

  private static func quoted(_ string: String) -> String {
    String(decoding: (try? JSONEncoder().encode(string)) ?? Data("\"\"".utf8), as: UTF8.self)
  }

  // MARK: Editing by key path

  /// The value at a dotted key path such as `cases.0.loss.train` (numbers index lists), if any.
  public subscript(path: String) -> JSONDocument? {
    get { value(at: Self.components(path)) }
  }

  /// Sets the value at a dotted key path, adding the last key to its object when it is missing.
  public mutating func set(_ path: String, _ value: JSONDocument) {
    let components = Self.components(path)
    editMembers(of: components.dropLast()) { members in
      let key = components.last ?? ""
      if let index = Self.index(of: key, in: members) {
        members[index].value = value
      } else {
        members.append((key, value))
      }
    }
  }

  /// Removes the member at a dotted key path.
  public mutating func remove(_ path: String) {
    let components = Self.components(path)
    editMembers(of: components.dropLast()) { members in
      if let index = Self.index(of: components.last ?? "", in: members) { members.remove(at: index) }
    }
  }

  private static func components(_ path: String) -> [String] {
    path.split(separator: ".").map(String.init)
  }

  /// A list element by its number, or an object member by its key.
  private static func index(of key: String, in members: [Member]) -> Int? {
    if members.allSatisfy(\.key.isEmpty), let number = Int(key) {
      return members.indices.contains(number) ? number : nil
    }
    return members.firstIndex { $0.key == key }
  }

  private func value(at components: some Collection<String>) -> JSONDocument? {
    guard let first = components.first else { return self }
    guard let members, let index = Self.index(of: first, in: members) else { return nil }
    return members[index].value.value(at: components.dropFirst())
  }

  private mutating func editMembers(of components: some Collection<String>, _ edit: (inout [Member]) -> Void) {
    if let first = components.first {
      editMembers { members in
        if let index = Self.index(of: first, in: members) {
          members[index].value.editMembers(of: components.dropFirst(), edit)
        }
      }
    } else {
      editMembers(edit)
    }
  }

  // MARK: Editing by position

  /// Every value below the top, each as the positions leading to it, in document order.
  public var positions: [[Int]] {
    (members ?? []).enumerated().flatMap { index, member in
      [[index]] + member.value.positions.map { [index] + $0 }
    }
  }

  /// The value at `position` (see `positions`).
  public func value(at position: some Collection<Int>) -> JSONDocument {
    guard let first = position.first, let members else { return self }
    return members[first].value.value(at: position.dropFirst())
  }

  /// Edits the members of the list or object at `position`; a list's members have empty keys.
  public mutating func editMembers(at position: some Collection<Int>, _ edit: (inout [Member]) -> Void) {
    guard let first = position.first else { return editMembers(edit) }
    editMembers { $0[first].value.editMembers(at: position.dropFirst(), edit) }
  }

  /// The number of elements of a list or members of an object; nil for anything else.
  public var count: Int? { members?.count }

  private var members: [Member]? {
    switch self {
    case .array(let items): items.map { ("", $0) }
    case .object(let members): members
    case .raw, .string: nil
    }
  }

  private mutating func editMembers(_ edit: (inout [Member]) -> Void) {
    switch self {
    case .array(let items):
      var members: [Member] = items.map { ("", $0) }
      edit(&members)
      self = .array(members.map(\.value))
    case .object(var members):
      edit(&members)
      self = .object(members)
    case .raw, .string:
      break
    }
  }
}

extension JSONDocument: Decodable {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .raw("null")
    } else if let value = try? container.decode(Bool.self) {
      self = .raw(String(value))
    } else if let value = try? container.decode(Double.self) {
      self = Self.number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONDocument].self) {
      self = .array(value)
    } else {
      let object = try container.decode([String: JSONDocument].self)
      self = .object(object.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }
  }
}
