import DietAuditTestSupport
import Foundation
import Testing

@testable import Reporting
@testable import Rules
@testable import Storage

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The report as one document rendered twice: snapshots of both formats for
/// the planted run, byte-identical renders, and well-formed HTML.
///
/// Snapshots live in `__Snapshots__/`; after checking a deliberate change,
/// re-record them with `DIETAUDIT_RECORD_SNAPSHOTS=1 swift test --filter ReportDocumentTests`.
@Suite struct ReportDocumentTests {
    static func plantedReport() throws -> MarkdownReport {
        let (_, stored) = try Fixtures.storedPlantedRun()
        var report = MarkdownReport(stored, gate: Gate(findings: stored.findings, failOn: .fail))
        report.figures = [
            ReportChart(
                fileName: "planted-audit-retention.svg", title: "Retention ratio by group",
                description: "Dot plot of retention ratios", placement: .composition,
                svg: try #require(RetentionChart(stored).svg()))
        ]
        report.dataFiles = [
            ReportDataFile(fileName: "planted-audit-composition.csv", contents: ReportCSV.Table.composition.contents)
        ]
        return report
    }

    @Test func htmlSnapshotIsWellFormedXML() throws {
        let html = try Self.plantedReport().renderHTML()
        assertSnapshot(html, named: "planted.html")
        let parser = XMLParser(data: Data(html.utf8))
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        #expect(!html.contains("http://") || html.components(separatedBy: "http://").count == 2)
        #expect(!html.contains("https://"))
        #expect(html.contains("<nav id=\"contents\""))
        #expect(html.contains("@media print"))
        #expect(html.contains("prefers-color-scheme: dark"))
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(html.contains("<table class=\"sortable\" id=\"table-findings\">"))
        #expect(html.contains("<details>"))
    }

    @Test func markdownAndHTMLCarryTheSameSections() throws {
        let report = try Self.plantedReport()
        let markdown = report.render(), html = report.renderHTML()
        let titles = report.document().sections.map(\.title)
        #expect(
            titles == [
                "Summary", "Findings", "Who gets removed", "Who pays", "Score validity", "Data",
                "Methods and caveats", "Provenance", "Appendix",
            ])
        for section in report.document().sections {
            #expect(markdown.contains("\n## \(section.title)\n"))
            #expect(html.contains("<section id=\"\(section.anchor)\">\n<h2>\(section.title)</h2>"))
        }
        // The table of contents follows the summary in both.
        let summaryEnd = try #require(markdown.range(of: "\nContents: [Summary](#summary)"))
        #expect(markdown[..<summaryEnd.lowerBound].contains("## Summary"))
        #expect(!markdown[..<summaryEnd.lowerBound].contains("## Findings"))
    }

    @Test func rendersAreByteIdenticalAcrossRendersAndReopenedDatabases() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dietaudit-report-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("runs.sqlite").path
        let id: Int64
        do {
            let database = try AuditDatabase(path: path)
            id = try database.beginRun(Fixtures.plantedRunRecord())
            try database.completeRun(
                id: id, results: Fixtures.plantedResults(), finishedAt: Date(timeIntervalSince1970: 1_700_000_060))
        }
        func render() throws -> (String, String) {
            let stored = try AuditDatabase(path: path).loadRun(id: id)
            let report = MarkdownReport(stored, gate: Gate(findings: stored.findings, failOn: .fail))
            return (report.render(), report.renderHTML())
        }
        let first = try render(), second = try render()
        #expect(first.0 == second.0)
        #expect(first.1 == second.1)
        let (_, memory) = try Fixtures.storedPlantedRun()
        #expect(MarkdownReport(memory, gate: Gate(findings: memory.findings, failOn: .fail)).render() == first.0)
    }

    @Test func summaryStaysShortOnALargeRun() throws {
        let (_, stored) = try Fixtures.storedPlantedRun()
        let large = LargeRun.make(from: stored)
        #expect(large.findings.count >= 1000)
        let report = MarkdownReport(large, gate: Gate(findings: large.findings, failOn: .fail))
        let markdown = report.render()
        let summary = try #require(
            markdown.components(separatedBy: "## Summary\n").last?
                .components(separatedBy: "\n## ").first)
        let lines = summary.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("Contents: ") }
        #expect(lines.count <= 12, "summary has \(lines.count) lines:\n\(summary)")
        // The three worst groups of findings are named, worst first.
        let bullets = lines.filter { $0.hasPrefix("- **fail**") }
        #expect(bullets.count == 3)
        #expect(bullets.first?.contains("`rule-09`") == true)
        // The findings table is capped; every group is in the appendix.
        #expect(markdown.contains("The 12 worst groups are shown; all 40 are in the [appendix](#appendix)."))
        #expect(markdown.contains("<summary>All 40 groups of findings</summary>"))
    }
}

/// A stored run with many findings: 40 rules × plans' worth of breaches
/// (25 each), rule `rule-09` the furthest below its limit.
enum LargeRun {
    static func make(from stored: StoredRun) -> StoredRun {
        var large = stored
        large.findings = (0..<40).flatMap { rule -> [Finding] in
            (0..<25).map { index in
                Finding(
                    ruleId: String(format: "rule-%02d", rule), severity: rule < 30 ? .fail : .warn,
                    score: "planted", policy: "keep_hard", fraction: 0.3, attribute: "sex",
                    group: "g\(index)", metric: "retention_ratio",
                    value: rule == 9 ? 0.1 : 0.5 + Double(index) / 100, threshold: 0.8, comparison: "below",
                    message: "retention ratio below 0.8")
            }
        }
        var unstable = stored.validity[0]
        unstable.seedStability = 0.1
        unstable.inputNormSpearman = 0.95
        unstable.classDependence = 0.9
        var other = unstable
        other.score = "other"
        large.validity = [unstable, other]
        return large
    }
}
