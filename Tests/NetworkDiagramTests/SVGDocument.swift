import Foundation
import TestSupport

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// What a test reads from an SVG: parsed as XML, so entities are decoded.
struct SVGDocument {
  /// The name of the root element.
  var root = ""
  /// The root element's attributes.
  var rootAttributes: [String: String] = [:]
  /// The text of every `<text>` element, in document order.
  var texts: [String] = []
  /// The text of every `<title>` element, in document order.
  var titles: [String] = []
  /// The text of every `<desc>` element, in document order.
  var descriptions: [String] = []
  /// Every `id` attribute, in document order.
  var ids: [String] = []
  /// Names of the root's child elements, in order.
  var children: [String] = []
  /// The vertical centre of each circle, by node name (smaller is higher on the page).
  var nodeCenters: [String: Double] = [:]
}

extension SVGDocument {
  /// Parses `svg`, or returns nil if it is not well-formed XML.
  init?(_ svg: String) {
    let collector = Collector()
    let parser = XMLParser(data: Data(svg.utf8))
    parser.delegate = collector
    guard parser.parse() else { return nil }
    self = collector.document
  }

  private final class Collector: NSObject, XMLParserDelegate {
    var document = SVGDocument()
    private var depth = 0
    private var text: String?
    /// Whether the parser is inside a `<g class="node">`, and that node's name once read.
    private var inNode = false
    private var nodeName: String?

    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String] = [:]
    ) {
      if depth == 0 {
        document.root = name
        document.rootAttributes = attributes
      } else if depth == 1 {
        document.children.append(name)
      }
      if let id = attributes["id"] { document.ids.append(id) }
      if name == "g" {
        inNode = attributes["class"] == "node"
        nodeName = nil
      }
      if name == "ellipse", inNode, let node = nodeName,
        let y = attributes["cy"].flatMap(Double.init)
      {
        document.nodeCenters[node] = y
      }
      if ["text", "title", "desc"].contains(name) { text = "" }
      depth += 1
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      text? += string
    }

    func parser(
      _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
    ) {
      depth -= 1
      guard let finished = text else { return }
      switch name {
      case "text": document.texts.append(finished)
      case "title":
        document.titles.append(finished)
        if inNode { nodeName = finished }
      case "desc": document.descriptions.append(finished)
      default: return
      }
      text = nil
    }
  }
}

/// Runs `xmllint --noout` on `document`; returns its exit status and messages.
///
/// Throws when xmllint is missing: the check never passes without running.
func xmllint(_ document: String) throws -> (status: Int32, messages: String) {
  let output = try runProcess(try xmllintExecutable(), ["--noout", "-"], stdin: document)
  return (output.status, output.stderr)
}
