import DietAuditTestSupport
import Foundation
import Testing

@testable import AuditPipeline
@testable import Reporting
@testable import Storage

/// `ReportWriter` writes every chart of a stored run beside the Markdown
/// report, byte for byte as `ReportCharts` renders it.
@Suite struct ReportChartFilesTests {
    @Test func everyChartIsWrittenBesideTheReport() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chart-files-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try AuditDatabase()
        let id = try Fixtures.storeChartRun(in: database)
        var options = RunOptions()
        options.outputDirectory = folder.path
        try ReportWriter().prepareOutputs(options)
        _ = try ReportWriter().write(database: database, runId: id, options: options)
        let charts = try ReportCharts.charts(in: database, run: try database.loadRun(id: id))
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasSuffix(".csv") }
        #expect(written.sorted() == (charts.map(\.fileName) + ["planted-audit.md"]).sorted())
        for chart in charts {
            let text = try String(contentsOf: folder.appendingPathComponent(chart.fileName), encoding: .utf8)
            #expect(text == chart.svg, "\(chart.fileName) differs from its rendering")
        }
        let report = try String(contentsOf: folder.appendingPathComponent("planted-audit.md"), encoding: .utf8)
        for chart in charts { #expect(report.contains("](\(chart.fileName))"), "\(chart.fileName) not shown") }
    }
}
