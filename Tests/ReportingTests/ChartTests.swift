import DietAuditTestSupport
import Foundation
import Testing

@testable import Reporting
@testable import Storage

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Whether `svg` parses as XML with `XMLParser`; the parser's error otherwise.
func xmlProblem(_ svg: String) -> String? {
    let parser = XMLParser(data: Data(svg.utf8))
    return parser.parse() ? nil : String(describing: parser.parserError)
}

/// The report's SVG charts, on the planted run over three fractions with
/// random bands (`Fixtures.chartResults()`).
@Suite struct ChartTests {
    static func chartRun() throws -> StoredRun {
        let database = try AuditDatabase()
        return try database.loadRun(id: Fixtures.storeChartRun(in: database))
    }

    /// Every chart of the planted run, score distributions included.
    static func charts() throws -> [ReportChart] {
        let database = try AuditDatabase()
        return try ReportCharts.charts(in: database, run: database.loadRun(id: Fixtures.storeChartRun(in: database)))
    }

    @Test func everyChartMatchesItsSnapshotAndIsXML() throws {
        let charts = try Self.charts()
        #expect(
            charts.map(\.fileName) == [
                "planted-audit-retention.svg", "planted-audit-removal-planted.svg",
                "planted-audit-accuracy-planted.svg", "planted-audit-scores-planted.svg",
            ])
        #expect(charts.map(\.placement) == [.composition, .composition, .errorRisk, .scores])
        // The planted group `female` has the lowest scores, so it is the first box after all examples.
        let boxes = try #require(charts.last?.svg).components(separatedBy: ">sex: ")
        #expect(boxes.count > 1 && boxes[1].hasPrefix("female<"))
        for chart in charts {
            assertSnapshot(chart.svg, named: chart.fileName)
            #expect(xmlProblem(chart.svg) == nil, "\(chart.fileName): \(xmlProblem(chart.svg) ?? "")")
            #expect(chart.svg.contains("<title id=\""), "\(chart.fileName) has no accessible title")
            #expect(chart.svg.contains("@media (prefers-color-scheme: dark)"))
            #expect(!chart.svg.contains("fill=\"white\""), "\(chart.fileName) paints a background")
            #expect(!chart.description.isEmpty && chart.description.hasSuffix("."))
            #expect(!chart.description.dropLast().contains(". "), "one sentence: \(chart.description)")
        }
    }

    @Test func removalChartRanksThePlantedGroupFirstWithItsRandomBand() throws {
        let stored = try Self.chartRun()
        let chart = try #require(ReportCharts.charts(for: stored).first { $0.fileName.contains("-removal-") })
        // The planted group `female` has the lowest scores: keep_hard removes
        // all 200 of its members at 30 % (R = 300), the widest gap to R/N.
        let legend = chart.svg.components(separatedBy: "<title>").dropFirst(1).map {
            $0.components(separatedBy: "</title>")[0]
        }
        #expect(legend.first == "sex: female")
        #expect(chart.description.contains("sex: female under keep_hard, removed at 100% when 30% is pruned"))
        #expect(chart.svg.contains("random pruning, 2.5–97.5 % band"))
        #expect(chart.svg.contains("policy keep_hard") && chart.svg.contains("policy keep_easy"))
        // One translucent band bar per shown group (8 of 8: class 2, sex 2,
        // sex×class 4) per fraction per panel: 8 · 3 · 2.
        #expect(chart.svg.components(separatedBy: "fill-opacity=\"0.3\"/>").count - 1 == 48)
    }

    @Test func accuracyChartSaysWhichIntervalAndStartsAtTheFullModel() throws {
        let stored = try Self.chartRun()
        let chart = try #require(ReportCharts.charts(for: stored).first { $0.placement == .errorRisk })
        #expect(chart.svg.contains("Student t 95 % interval of that mean"))
        #expect(chart.svg.contains("At 0 %: the model trained"))
        // female: full 0.80 → keep_hard 0.6233…: a drop of 17.7 points.
        #expect(chart.description.contains("the largest drop is sex: female, 17.7 percentage points"))
    }

    @Test func renderingIsDeterministicAcrossADatabaseReopen() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("charts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("audit.sqlite").path
        var id: Int64 = 0
        var first: [ReportChart] = []
        do {
            let database = try AuditDatabase(path: path)
            id = try Fixtures.storeChartRun(in: database)
            first = try ReportCharts.charts(in: database, run: try database.loadRun(id: id))
            let again = try ReportCharts.charts(in: database, run: try database.loadRun(id: id))
            #expect(first == again)
        }
        let reopened = try AuditDatabase(path: path)
        let second = try ReportCharts.charts(in: reopened, run: try reopened.loadRun(id: id))
        #expect(first.count == 4)
        #expect(first == second)
    }
}

/// The chart building blocks, against independently computed values.
@Suite struct ChartScaleTests {
    @Test func boxSummaryMatchesNumpy() throws {
        // Tests/References/chart_box_summary.py (numpy 2.4, np.quantile, linear); NaN is left out.
        let summary = try #require(BoxSummary([3.5, -1, 2, 8, 0.25, 4, 4, 10, 7.75, 1, .nan]))
        #expect(summary.count == 10)
        for (actual, expected) in [
            (summary.p05, -0.4375), (summary.q1, 1.25), (summary.median, 3.75), (summary.q3, 6.8125),
            (summary.p95, 9.099999999999998),
        ] {
            #expect(abs(actual - expected) < 1e-12, "\(actual) vs \(expected)")
        }
        #expect(BoxSummary([.nan, .infinity]) == nil)
    }

    @Test func ticksAreRoundAndDomainsCoverTheData() {
        #expect(LinearScale(domain: 0...1, start: 0, end: 100).ticks() == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(LinearScale(domain: 0.6...0.9, start: 0, end: 100).ticks() == [0.6, 0.7, 0.8, 0.9])
        #expect(LinearScale.niceDomain([0.63, 0.87]) == 0.6...0.9)
        #expect(LinearScale.niceDomain([-1.2, 13]) == -5...15)
        #expect(LinearScale.niceDomain([]) == 0...1)
        let scale = LinearScale(domain: 0...2, start: 300, end: 100)
        #expect(scale.position(0.5) == 250 && scale.position(5) == 100)
    }

    @Test func rankingKeepsEightWorstFirstAndTiesInOrder() {
        let ranking = GroupRanking(Array(0..<11)) { $0 == 4 ? 9 : Double($0 % 3) }
        #expect(ranking.shown == [4, 2, 5, 8, 1, 7, 10, 0])
        #expect(ranking.others == [3, 6, 9])
        #expect(ranking.othersLabel() == "3 other groups")
    }
}
