import Foundation
import Mustache
import Testing
import TestSupport

@testable import LabReport

/// Finding the partials a template includes, on text swift-mustache accepts.
@Suite struct TemplatePartialsTests {
  static let cases: [(text: String, partials: [String])] = [
    ("{{> name}}", ["name"]),
    ("{{>name}}", ["name"]),
    ("{{>\t name \n}}", ["name"]),
    ("  {{> figure}}\n{{#cases}}{{> case}}{{/cases}}", ["figure", "case"]),
    ("{{! {{> hidden}} }}{{> shown}}", ["shown"]),
    ("{{{svg}}}{{&raw}}{{>after}}", ["after"]),
    ("{{=<% %>=}}{{> text}}<%> a %><%={{ }}=%>{{> b}}", ["a", "b"]),
    ("{{<parent}}{{$block}}x{{/block}}{{/parent}}", ["parent"]),
    ("{{^none}}{{> shown-anyway}}{{/none}}", ["shown-anyway"]),
    ("{{> a/b.c}}", ["a/b.c"]),
    ("no tags at all", []),
  ]

  @Test(arguments: cases)
  func partialsAreFoundAsSwiftMustacheReadsThem(_ example: (text: String, partials: [String])) throws {
    _ = try MustacheTemplate(string: example.text)
    let found = TemplateSet.partials(in: example.text)
    #expect(found.map(\.name) == example.partials)
    #expect(found.allSatisfy { !$0.isDynamic })
  }

  @Test func dynamicPartialsAreMarked() throws {
    for text in ["{{>*chosen}}", "{{< *chosen}}{{/*chosen}}"] {
      _ = try MustacheTemplate(string: text)
      #expect(TemplateSet.partials(in: text) == [PartialInclusion(name: "chosen", isDynamic: true)], "\(text)")
    }
  }

  @Test func theShippedSetLoadsAndIncludesNoCycle() throws {
    let folder = Repository.root.appendingPathComponent("templates")
    _ = try TemplateSet(folder: folder, chosenByUser: true)
    let report = try String(contentsOf: folder.appendingPathComponent("report.mustache"), encoding: .utf8)
    #expect(Set(TemplateSet.partials(in: report).map(\.name)) == ["style", "figure", "case", "parameters", "sweep"])
  }

  @Test func aCycleIsNamedInTheSetsOrder() {
    let texts = [("report", "{{> case}}"), ("figure", "{{> case}}"), ("case", "{{> figure}}"), ("style", "")]
    #expect(throws: LabReportError.self) {
      try TemplateSet.checkPartials(texts.map { (name: $0.0, text: $0.1) }, in: URL(fileURLWithPath: "/t"), chosenByUser: true)
    }
    do {
      try TemplateSet.checkPartials(texts.map { (name: $0.0, text: $0.1) }, in: URL(fileURLWithPath: "/t"), chosenByUser: true)
    } catch {
      #expect(error.description.contains("(case.mustache → figure.mustache → case.mustache)"), "\(error)")
      #expect(error.exitStatus == 64)
    }
  }
}
