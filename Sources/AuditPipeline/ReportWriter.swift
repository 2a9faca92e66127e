import DietAuditCore
import Foundation
import Reporting
import Rules
import Storage

/// Writes the reports of a stored run: Markdown (with its charts), JSON,
/// JUnit, SARIF and the CI step summary. Used after a run and by `dietaudit report`; a report is a view of
/// the stored run, never of in-memory results.
public struct ReportWriter {
    public init() {}

    /// Creates the folders the outputs go to.
    /// - Throws: ``InputError`` naming a folder that cannot be created.
    public func prepareOutputs(_ options: RunOptions) throws {
        for directory in options.outputFolders {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw InputError(
                    "cannot create the output folder: \(error.localizedDescription)",
                    at: SourceLocation(file: directory))
            }
        }
    }

    /// Renders stored run `runId` into the outputs `options` names: in
    /// `outputDirectory` the Markdown report with its charts and its full
    /// tables as CSV, the HTML report at `htmlPath`, the JSON report at
    /// `jsonPath`, JUnit XML at `junitPath`; the gate is evaluated at
    /// `options.failOn`.
    public func write(database: AuditDatabase, runId: Int64, options: RunOptions) throws -> RunOutcome {
        let stored = try database.loadRun(id: runId)
        let gate = Gate(findings: stored.findings, failOn: options.failOn)
        var report = MarkdownReport(stored, gate: gate)
        report.figures = try ReportCharts.charts(in: database, run: stored)
        var reportPath: String?
        if let directory = options.outputDirectory {
            let path = (directory as NSString).appendingPathComponent(
                ReportFiles.fileName(audit: stored.run.audit) + ".md")
            for figure in report.figures {
                try ReportFiles.write(figure.svg, to: (directory as NSString).appendingPathComponent(figure.fileName))
            }
            for table in ReportCSV.Table.allCases {
                guard let csv = ReportCSV.make(stored, table: table) else { continue }
                let fileName = ReportCSV.fileName(audit: stored.run.audit, table: table)
                try ReportFiles.write(csv, to: (directory as NSString).appendingPathComponent(fileName))
                report.dataFiles.append(ReportDataFile(fileName: fileName, contents: table.contents))
            }
            try ReportFiles.write(report.render(), to: path)
            reportPath = path
        }
        if let htmlPath = options.htmlPath {
            var page = report
            if let directory = options.outputDirectory {
                let from = (htmlPath as NSString).deletingLastPathComponent
                page.dataFiles = report.dataFiles.map { file in
                    var linked = file
                    linked.fileName = ReportFiles.relativePath(
                        (directory as NSString).appendingPathComponent(file.fileName), from: from)
                    return linked
                }
            }
            try ReportFiles.write(page.renderHTML(), to: htmlPath)
        }
        if let jsonPath = options.jsonPath {
            try ReportFiles.write(JSONReport.make(stored, gate: gate).serialized() + "\n", to: jsonPath)
        }
        if let junitPath = options.junitPath {
            let ruleset = try? Ruleset.parse(stored.run.rulesetText, file: stored.run.rulesetPath)
            let ruleIds = ruleset?.rules.map(\.id) ?? []
            try ReportFiles.write(JUnitReport.make(stored, gate: gate, ruleIds: ruleIds), to: junitPath)
        }
        try writeCIOutputs(stored, gate: gate, options: options, reportPath: reportPath)
        return RunOutcome(
            runId: runId, gate: gate, findingCount: stored.findings.count, reportPath: reportPath,
            htmlPath: options.htmlPath, jsonPath: options.jsonPath, junitPath: options.junitPath,
            sarifPath: options.sarifPath)
    }
}
