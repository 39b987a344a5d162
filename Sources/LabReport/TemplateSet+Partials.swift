import Foundation
import SafeText

/// A partial that a template includes: `{{> name}}`, or the parent of `{{< name}}...{{/name}}`.
struct PartialInclusion: Equatable, Sendable {
  /// The included template's name; for a dynamic inclusion, the name of the value that
  /// will hold it.
  var name: String
  /// Whether the name is looked up while rendering (`{{>*name}}`, `{{<*name}}`).
  var isDynamic: Bool
}

extension TemplateSet {
  /// The partials `text` includes, in the order they appear.
  ///
  /// swift-mustache keeps a template's parsed tokens to itself, so this walks the text tag
  /// by tag as its parser does (swift-mustache 2.x): every start delimiter opens a tag, the
  /// first end delimiter after it closes the tag, and the first character after the start
  /// delimiter says what the tag is. Comments (`{{! {{> x}} }}`) include nothing;
  /// set-delimiter tags (`{{=<% %>=}}`) are followed, so `<%> name %>` is found after one.
  ///
  /// Limits: call it only on text that swift-mustache has parsed; on other text the answer
  /// means nothing. It reads the text, not the data: a partial inside a section that never
  /// renders still counts, which can only make a check stricter.
  static func partials(in text: String) -> [PartialInclusion] {
    let characters = Array(text)
    var start = Array("{{")
    var end = Array("}}")
    var found: [PartialInclusion] = []
    var position = 0

    func find(_ needle: [Character], from index: Int) -> Int? {
      guard !needle.isEmpty, characters.count >= needle.count else { return nil }
      var index = index
      while index + needle.count <= characters.count {
        if characters[index] == needle[0], Array(characters[index..<index + needle.count]) == needle {
          return index
        }
        index += 1
      }
      return nil
    }
    func skipWhitespace(_ index: inout Int) {
      while index < characters.count, characters[index].isWhitespace { index += 1 }
    }
    func word(_ index: inout Int, while accepted: (Character) -> Bool) -> String {
      let first = index
      while index < characters.count, accepted(characters[index]) { index += 1 }
      return String(characters[first..<index])
    }

    while let open = find(start, from: position) {
      var index = open + start.count
      guard index < characters.count else { break }
      let kind = characters[index]
      index += 1
      switch kind {
      case ">", "<":
        skipWhitespace(&index)
        let isDynamic = index < characters.count && characters[index] == "*"
        if isDynamic { index += 1 }
        found.append(PartialInclusion(name: word(&index) { partialNameCharacters.contains($0) }, isDynamic: isDynamic))
      case "=":
        // `{{=<% %>=}}`: the new start, whitespace, the new end, `=`, the old end.
        skipWhitespace(&index)
        let newStart = word(&index) { !$0.isWhitespace }
        skipWhitespace(&index)
        let newEnd = word(&index) { !$0.isWhitespace && $0 != "=" }
        guard let close = find(end, from: index) else { return found }
        position = close + end.count
        start = Array(newStart)
        end = Array(newEnd)
        continue
      default:
        break
      }
      guard let close = find(end, from: index) else { break }
      position = close + end.count
    }
    return found
  }

  /// The characters swift-mustache allows in a partial's name.
  private static let partialNameCharacters = Set(
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

  /// Refuses a set whose templates include a partial that is not in the set, a partial
  /// named only while rendering, or each other in a cycle, which would recurse until the
  /// stack overflows.
  ///
  /// - Parameter texts: every template's text by name, in the set's order.
  static func checkPartials(
    _ texts: [(name: String, text: String)], in folder: URL, chosenByUser: Bool
  ) throws(LabReportError) {
    func file(_ name: String) -> String {
      SafeText.quoted(folder.appendingPathComponent("\(name).mustache").path, truncation: .middle)
    }
    let names = texts.map(\.name)
    var includes: [String: [String]] = [:]
    for (name, text) in texts {
      var included: [String] = []
      for inclusion in partials(in: text) {
        if inclusion.isDynamic {
          throw .badTemplates(
            "\(file(name)) includes a partial chosen while rendering ({{>*\(inclusion.name)}}); "
              + "name the partial itself, so that the set can be checked before it is used",
            chosenByUser: chosenByUser)
        }
        guard names.contains(inclusion.name) else {
          throw .badTemplates(
            "\(file(name)) includes the partial \(SafeText.quoted(inclusion.name)), which is not "
              + "one of the set's templates (\(names.joined(separator: ", ")))",
            chosenByUser: chosenByUser)
        }
        if !included.contains(inclusion.name) { included.append(inclusion.name) }
      }
      includes[name] = included
    }
    if let cycle = firstCycle(names, includes) {
      guard cycle.count > 2 else {
        throw .badTemplates(
          "\(file(cycle[0])) includes itself, so rendering it would never end",
          chosenByUser: chosenByUser)
      }
      throw .badTemplates(
        "the templates in \(SafeText.quoted(folder.path, truncation: .middle)) include each other in a cycle ("
          + cycle.map { "\($0).mustache" }.joined(separator: " → ") + "), so rendering would never end",
        chosenByUser: chosenByUser)
    }
  }

  /// The first cycle of inclusions, depth first in the set's order, as the names along it
  /// with the first repeated at the end (`[a, b, a]`), or nil when there is none.
  private static func firstCycle(_ names: [String], _ includes: [String: [String]]) -> [String]? {
    var finished: Set<String> = []
    var path: [String] = []

    func visit(_ name: String) -> [String]? {
      if let index = path.firstIndex(of: name) { return Array(path[index...]) + [name] }
      guard !finished.contains(name) else { return nil }
      path.append(name)
      for next in includes[name] ?? [] {
        if let cycle = visit(next) { return cycle }
      }
      path.removeLast()
      finished.insert(name)
      return nil
    }

    for name in names {
      if let cycle = visit(name) { return cycle }
    }
    return nil
  }
}
