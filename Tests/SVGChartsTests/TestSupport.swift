import Foundation
import TestSupport
import Testing

@testable import SVGCharts

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// An element of a written SVG document: its name, attributes and text.
struct SVGElement {
  var name: String
  var attributes: [String: String]
  var text = ""
  /// The index of the enclosing element in document order, nil for the root.
  var parent: Int?

  /// The `d` attribute parsed into subpaths of absolute points.
  var subpaths: [[Point]] { PathParser.subpaths(attributes["d"] ?? "") }

  /// The numeric attribute `name`, NaN if it is missing.
  func number(_ name: String) -> Double {
    Double(attributes[name] ?? "") ?? .nan
  }

  /// The rectangle of a `<rect>`.
  var rect: Rect {
    Rect(x: number("x"), y: number("y"), width: number("width"), height: number("height"))
  }

  /// The centre of a `<circle>`.
  var center: Point {
    Point(x: number("cx"), y: number("cy"))
  }
}

/// The elements of `svg` in document order, parsed by Foundation's XML parser.
func elements(of svg: String) throws -> [SVGElement] {
  final class Collector: NSObject, XMLParserDelegate {
    var elements: [SVGElement] = []
    var open: [Int] = []
    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String]
    ) {
      elements.append(SVGElement(name: name, attributes: attributes, parent: open.last))
      open.append(elements.count - 1)
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) {
      if let index = open.last { elements[index].text += string }
    }
    func parser(
      _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
    ) {
      open.removeLast()
    }
  }
  let parser = XMLParser(data: Data(svg.utf8))
  let collector = Collector()
  parser.delegate = collector
  guard parser.parse() else {
    throw ChartError("XMLParser rejected the document: \(String(describing: parser.parserError))")
  }
  return collector.elements
}

/// The elements named `name` whose `class` is `role`.
func elements(_ name: String, role: String, in svg: String) throws -> [SVGElement] {
  try elements(of: svg).filter { $0.name == name && $0.attributes["class"] == role }
}

/// Reads the path data `PathData` writes: M (absolute), l (relative), z.
enum PathParser {
  static func subpaths(_ data: String) -> [[Point]] {
    var result: [[Point]] = []
    var numbers: [Double] = []
    var command: Character = " "
    var token = ""
    var current = Point(x: 0, y: 0)
    func flushToken() {
      if !token.isEmpty, let value = Double(token) { numbers.append(value) }
      token = ""
    }
    func apply() {
      while numbers.count >= 2 {
        let (a, b) = (numbers[0], numbers[1])
        numbers.removeFirst(2)
        if command == "M" {
          current = Point(x: a, y: b)
          result.append([current])
          command = "l"
        } else if command == "l" {
          current = Point(x: current.x + a, y: current.y + b)
          result[result.count - 1].append(current)
        }
      }
    }
    for character in data {
      if character.isLetter {
        flushToken()
        apply()
        command = character
      } else if character == " " || character == "," {
        flushToken()
      } else if character == "-" {
        flushToken()
        token = "-"
      } else {
        token.append(character)
      }
      if numbers.count >= 2 { apply() }
    }
    flushToken()
    apply()
    return result
  }
}

/// Signed shoelace area of a ring (positive when counter-clockwise in y-up coordinates).
func shoelaceArea(_ ring: [Point]) -> Double {
  var twice = 0.0
  for (a, b) in zip(ring, ring.dropFirst() + ring.prefix(1)) {
    twice += a.x * b.y - b.x * a.y
  }
  return twice / 2
}

/// The status and the output (stdout, then stderr) of running `executable` with `arguments`.
func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
  let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), [executable] + arguments)
  return (result.status, result.stdout + result.stderr)
}

/// The output of `python3 -c code` (numpy available).
func python(_ code: String) throws -> String {
  let result = try run("python3", ["-c", code])
  guard result.status == 0 else {
    throw ChartError("python3 failed (numpy is needed for this test): \(result.output)")
  }
  return result.output
}

/// A fresh temporary directory.
func temporaryDirectory() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("svgcharts-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// Writes `svg` to a temporary file and runs `xmllint --noout` on it. Throws when xmllint
/// is missing: the check never passes without running.
func xmllint(_ svg: String) throws -> (status: Int32, output: String) {
  let xmllint = try xmllintExecutable().path
  let directory = try temporaryDirectory()
  defer { try? FileManager.default.removeItem(at: directory) }
  let file = directory.appendingPathComponent("figure.svg")
  try svg.write(to: file, atomically: true, encoding: .utf8)
  return try run(xmllint, ["--noout", file.path])
}

/// Checks `svg` with `xmllint --noout`: expects no output and status 0.
func expectWellFormed(_ svg: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
  let result = try xmllint(svg)
  #expect(result.status == 0, "xmllint: \(result.output)", sourceLocation: sourceLocation)
  #expect(result.output.isEmpty, "xmllint: \(result.output)", sourceLocation: sourceLocation)
}

/// The legend's frame (the one rounded rectangle) in `svg`.
func legendFrame(_ svg: String) throws -> Rect {
  try #require(try elements(of: svg).first { $0.name == "rect" && $0.attributes["rx"] != nil }).rect
}

/// The plot rectangle of panel `panel` (its clip path) in `svg`.
func plotRect(_ svg: String, panel: Int = 0) throws -> Rect {
  let all = try elements(of: svg)
  let clipRects = all.indices.filter { all[$0].name == "clipPath" }.map { all[$0 + 1] }
  return clipRects[panel].rect
}

/// The pixel-to-data map of a panel whose plot shows `x` and `y`, read from its clip path.
struct PlotScale {
  var plot: Rect
  var x: ClosedRange<Double>
  var y: ClosedRange<Double>

  init(svg: String, panel: Int = 0, x: ClosedRange<Double>, y: ClosedRange<Double>) throws {
    plot = try plotRect(svg, panel: panel)
    self.x = x
    self.y = y
  }

  /// The data point drawn at pixel `p`.
  func data(_ p: Point) -> Point {
    Point(
      x: x.lowerBound + (p.x - plot.x) / plot.width * (x.upperBound - x.lowerBound),
      y: y.lowerBound + (plot.y + plot.height - p.y) / plot.height * (y.upperBound - y.lowerBound))
  }
}
