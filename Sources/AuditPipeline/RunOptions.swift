import Foundation
import Rules

/// How `dietaudit run` stores and writes a run.
public struct RunOptions: Sendable {
    /// SQLite database to append the run to (created when missing).
    public var databasePath: String = "dietaudit.sqlite"
    /// Folder for the Markdown report (`<audit>.md`); `nil` writes none.
    public var outputDirectory: String? = "reports"
    /// Where to write the self-contained HTML report; `nil` writes none.
    public var htmlPath: String?
    /// Where to write the JSON report; `nil` writes none.
    public var jsonPath: String?
    /// Where to write the gate as JUnit XML; `nil` writes none.
    public var junitPath: String?
    /// Where to write the findings as SARIF 2.1.0; `nil` writes none.
    public var sarifPath: String?
    /// A file to append a short Markdown summary to (GitHub Actions'
    /// `GITHUB_STEP_SUMMARY`); `nil` appends nothing.
    public var stepSummaryPath: String?
    /// Findings at or above this severity fail the gate; `nil` never fails.
    public var failOn: Severity? = .fail
    /// Version string recorded in provenance.
    public var toolVersion: String = DietAuditVersion.current
    /// Reuse scoring seeds and retrained models stored by earlier runs with
    /// the same data, model and training (`false`: `--no-reuse`, train
    /// everything afresh; what is trained is stored either way).
    public var reuse = true

    public init() {}

    /// Folders that must exist before the outputs can be written.
    var outputFolders: [String] {
        ([outputDirectory]
            + [htmlPath, jsonPath, junitPath, sarifPath, databasePath].map {
                $0.map { ($0 as NSString).deletingLastPathComponent }
            })
            .compactMap { $0 }.filter { !$0.isEmpty }
    }
}

/// The tool's version, recorded with every run.
public enum DietAuditVersion {
    public static let current = "0.1.0"
}

/// What a finished run produced.
public struct RunOutcome: Sendable {
    public var runId: Int64
    public var gate: Gate
    public var findingCount: Int
    public var reportPath: String?
    public var htmlPath: String? = nil
    public var jsonPath: String?
    public var junitPath: String?
    public var sarifPath: String? = nil
}
