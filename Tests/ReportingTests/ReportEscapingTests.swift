import DietAuditTestSupport
import Foundation
import Testing

@testable import Reporting
@testable import Rules
@testable import Storage

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Hostile labels — group values, attribute (column) names, rule ids and an
/// imported score name holding `|`, backticks, `*`, `_`, `<`, `>`, `&`,
/// control characters and line breaks — print literally in both formats and
/// break neither a Markdown table nor the HTML's XML well-formedness.
@Suite struct ReportEscapingTests {
    static let group = "fe|male `x` *y* _z_ <script>&amp;\u{1}\nline2"
    static let attribute = "se|x*_<b>&"
    static let ruleId = "rule|`id`*_<&>\u{7}"
    static let score = "imported:s|`c`<&>\r\u{1B}"

    /// The planted run with every label replaced by a hostile one.
    static func hostileRun() throws -> StoredRun {
        var (_, stored) = try Fixtures.storedPlantedRun()
        func label(_ text: String) -> String { text == "female" ? group : text }
        func name(_ text: String) -> String { text == "sex" ? attribute : text }
        func scoreName(_ text: String?) -> String? { text == "planted" ? score : text }
        for index in stored.composition.indices {
            stored.composition[index].group = label(stored.composition[index].group)
            stored.composition[index].attribute = name(stored.composition[index].attribute)
            stored.composition[index].score = scoreName(stored.composition[index].score)
        }
        for index in stored.attributes.indices {
            stored.attributes[index].attribute = name(stored.attributes[index].attribute)
            stored.attributes[index].score = scoreName(stored.attributes[index].score)
        }
        for index in stored.errorRisk.rows.indices {
            stored.errorRisk.rows[index].group = label(stored.errorRisk.rows[index].group)
            stored.errorRisk.rows[index].attribute = name(stored.errorRisk.rows[index].attribute)
            stored.errorRisk.rows[index].score = scoreName(stored.errorRisk.rows[index].score)
        }
        for index in stored.findings.indices {
            stored.findings[index].ruleId = ruleId
            stored.findings[index].group = stored.findings[index].group.map(label)
            stored.findings[index].attribute = name(stored.findings[index].attribute)
            stored.findings[index].score = scoreName(stored.findings[index].score)
        }
        for index in stored.scores.indices { stored.scores[index].name = score }
        for index in stored.validity.indices { stored.validity[index].score = score }
        for index in stored.run.dataset.groupings.indices {
            stored.run.dataset.groupings[index].name = name(stored.run.dataset.groupings[index].name)
            stored.run.dataset.groupings[index].groups = stored.run.dataset.groupings[index].groups.map(label)
        }
        stored.run.audit = "audit <b>|&\u{1}"
        return stored
    }

    /// `|` not escaped by a backslash.
    static func cellSeparators(_ line: Substring) -> Int {
        var count = 0, backslashes = 0
        for character in line {
            if character == "|" && backslashes % 2 == 0 { count += 1 }
            backslashes = character == "\\" ? backslashes + 1 : 0
        }
        return count
    }

    @Test func markdownTablesKeepTheirShape() throws {
        let stored = try Self.hostileRun()
        let markdown = MarkdownReport(stored, gate: Gate(findings: stored.findings, failOn: .fail)).render()
        var tableWidth: Int?, tables = 0
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                tableWidth = nil
                continue
            }
            let separators = Self.cellSeparators(line)
            if let width = tableWidth {
                #expect(separators == width, "row breaks its table: \(line)")
            } else {
                tableWidth = separators
                tables += 1
            }
        }
        #expect(tables >= 8)
        #expect(!markdown.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!markdown.contains("<script>"))
        #expect(!markdown.contains("<b>"))
        // Printed literally: escaped in text, visible control characters.
        #expect(markdown.contains("fe\\|male \\`x\\` \\*y\\* \\_z\\_ \\<script\\>\\&amp;\\\\u{1}\\\\nline2"))
        #expect(markdown.contains("se\\|x\\*\\_\\<b\\>\\&"))
        #expect(markdown.contains("`` rule\\|`id`*_<&>\\u{7} ``"))
        #expect(markdown.hasPrefix("# DietAudit report: audit \\<b\\>\\|\\&\\\\u{1}\n"))
    }

    @Test func htmlIsWellFormedAndLiteral() throws {
        let stored = try Self.hostileRun()
        let html = MarkdownReport(stored, gate: Gate(findings: stored.findings, failOn: .fail)).renderHTML()
        let parser = XMLParser(data: Data(html.utf8))
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        #expect(html.components(separatedBy: "<script").count == 2)
        #expect(!html.contains("<b>"))
        #expect(html.contains("fe|male `x` *y* _z_ &lt;script&gt;&amp;amp;\\u{1}\\nline2"))
        #expect(html.contains("<code>rule|`id`*_&lt;&amp;&gt;\\u{7}</code>"))
        #expect(html.contains("<code>imported:s|`c`&lt;&amp;&gt;\\r\\u{1B}</code>"))
        #expect(!html.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func escapingRules() {
        #expect(VisibleText.make("a\nb\r\tc\u{0}\u{7F}\u{85}\u{2028}") == "a\\nb\\r\\tc\\u{0}\\u{7F}\\u{85}\\u{2028}")
        #expect(MarkdownRenderer.escape("1 < 2 & a|b") == "1 \\< 2 \\& a\\|b")
        #expect(MarkdownRenderer.code("a``b", inTable: false) == "``` a``b ```")
        #expect(MarkdownRenderer.code("a|b", inTable: true) == "`a\\|b`")
        #expect(MarkdownRenderer.code("a|b", inTable: false) == "`a|b`")
        #expect(HTMLRenderer.escape("<a href='x'>&\"") == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;")
        #expect(HTMLRenderer.inlineSVG("<?xml version=\"1.0\"?>\n<svg>a\u{1}b</svg>\n") == "<svg>a\u{FFFD}b</svg>")
        #expect(Anchor.slug("Methods and caveats") == "methods-and-caveats")
        #expect(Anchor.slug("Who pays?") == "who-pays")
    }
}
