import DietAuditTestSupport
import Foundation
import Testing

@testable import Reporting
@testable import Storage

/// Hostile labels and group caps in the report's SVG charts
/// (`Fixtures.storeHostileRun`: 12 groups with `|`, `<`, `&`, quotes,
/// U+0001, line breaks, a tab, DEL, a C1 control and a 192-character label).
@Suite struct ChartEscapingTests {
    static func hostileCharts() throws -> [ReportChart] {
        let database = try AuditDatabase()
        return try ReportCharts.charts(
            in: database, run: try database.loadRun(id: Fixtures.storeHostileRun(in: database)))
    }

    @Test func hostileLabelsStillGiveValidXML() throws {
        let charts = try Self.hostileCharts()
        #expect(charts.count == 4)
        for chart in charts {
            #expect(xmlProblem(chart.svg) == nil, "\(chart.fileName): \(xmlProblem(chart.svg) ?? "")")
            let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
            #expect(chart.fileName.allSatisfy(allowed.contains), "unsafe file name \(chart.fileName)")
            #expect(!chart.svg.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        }
        let removal = try #require(charts.first { $0.fileName.contains("-removal-") })
        #expect(removal.fileName == "hostile--audit-----x----removal-imported-s----.svg")
        #expect(removal.svg.contains("gr&lt;o&gt;up|&quot;x&quot;: a|b"))
        #expect(removal.svg.contains("gr&lt;o&gt;up|&quot;x&quot;: ctl\u{2401}x"))
        #expect(removal.svg.contains("gr&lt;o&gt;up|&quot;x&quot;: line\u{240A}break"))
        #expect(removal.svg.contains("cr\u{240D}\u{240A}lf\u{2409}tab"))
        #expect(removal.svg.contains("del\u{2421}c1\u{FFFD}") && removal.svg.contains("q&quot;uote&#39;s"))
        #expect(removal.svg.contains("Removal rate by group — imported:s&lt;&amp;&gt;\u{2401}"))
        let scores = try #require(charts.first { $0.placement == .scores })
        #expect(scores.svg.contains("&lt;0|\u{240A}&gt;"))
    }

    @Test func chartsCapTheGroupsAtEightAndSummariseTheRest() throws {
        let charts = try Self.hostileCharts()
        let removal = try #require(charts.first { $0.fileName.contains("-removal-") })
        // 2 classes + 12 attribute groups: the 8 furthest from R/N drawn, the
        // planted `a|b` first, 6 summarised as a grey band.
        #expect(removal.svg.contains("6 other groups (range)"))
        #expect(removal.description.contains("for 8 of 14 groups"))
        let accuracy = try #require(charts.first { $0.placement == .errorRisk })
        #expect(accuracy.svg.contains("4 other groups (range of means)"))
        #expect(accuracy.description.contains("the largest drop is gr<o>up|\"x\": a|b, 31.0 percentage points"))
        // 12 stored classes (no attribute columns stored): 8 boxes, the 4
        // nearest the overall median pooled.
        let scores = try #require(charts.first { $0.placement == .scores })
        #expect(scores.svg.contains("4 other groups"))
        #expect(scores.svg.components(separatedBy: ">n = ").count - 1 == 1 + 8 + 1)
        #expect(scores.svg.contains(">n = 400<"), "the pooled box holds 4 × 100 examples")
        let retention = try #require(charts.first { $0.fileName.hasSuffix("-retention.svg") })
        #expect(retention.svg.contains("6 other groups (range)"))
        for chart in [removal, accuracy] {
            let series = chart.svg.components(separatedBy: "<polyline").count - 1
            #expect(series <= 8 * 2, "\(chart.fileName) draws \(series) lines")
        }
    }

    @Test func longLabelsAreCutWithTheFullLabelAsTooltip() throws {
        let removal = try #require(try Self.hostileCharts().first { $0.fileName.contains("-removal-") })
        let long = String(repeating: "very long label ", count: 12)
        #expect(removal.svg.contains("<title>gr&lt;o&gt;up|&quot;x&quot;: \(long)</title>"))
        #expect(!removal.svg.contains(">gr&lt;o&gt;up|&quot;x&quot;: \(long)</text>"))
        #expect(removal.svg.contains("…</text>"))
    }

    @Test func escapeReplacesEveryCharacterXMLForbids() {
        #expect(SVGText.escape("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;")
        #expect(SVGText.escape("\u{0}\u{1}\t\n\r\u{1F}\u{7F}\u{80}\u{9F}\u{FFFE}\u{FFFF}é×") == "␀␁␉␊␍␟␡����é×")
        #expect(SVGText.truncated("abcdef", limit: 4) == "abc…")
        #expect(SVGText.truncated("abc", limit: 4) == "abc")
        #expect(SVGText.number(-0.04) == "0.0" && SVGText.number(12.25) == "12.2" && SVGText.number(.nan) == "0.0")
    }
}
