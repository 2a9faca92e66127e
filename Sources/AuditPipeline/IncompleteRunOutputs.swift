import Foundation
import Reporting
import Storage

/// What `report` writes for a run that is not `complete`, so that no report
/// file at the requested paths (perhaps one left by an earlier run) can be
/// read as a verdict: the Markdown says why there is none, the JSON has
/// `gate.passed: false` with `verdict: null` and the reason, the JUnit file
/// has one errored test case carrying the reason, the HTML page says what
/// the Markdown says.
enum IncompleteRunOutputs {
    /// Writes the outputs `options` names for `problem`'s run; returns the
    /// paths written (Markdown, JSON, JUnit).
    static func write(
        _ run: RunRecord, problem: RunNotComplete, options: RunOptions
    ) throws -> (report: String?, json: String?, junit: String?) {
        var reportPath: String?
        if let directory = options.outputDirectory {
            let path = (directory as NSString).appendingPathComponent(ReportFiles.fileName(audit: run.audit) + ".md")
            try ReportFiles.write(markdown(run, problem: problem), to: path)
            reportPath = path
        }
        if let path = options.htmlPath {
            try ReportFiles.write(html(run, problem: problem), to: path)
        }
        if let path = options.jsonPath {
            try ReportFiles.write(
                json(run, problem: problem, failOn: options.failOn?.rawValue ?? "never")
                    .serialized() + "\n", to: path)
        }
        if let path = options.junitPath {
            try ReportFiles.write(junit(run, problem: problem), to: path)
        }
        return (reportPath, options.jsonPath, options.junitPath)
    }

    static func markdown(_ run: RunRecord, problem: RunNotComplete) -> String {
        """
        # \(run.audit) — run \(problem.runId)

        **Verdict: none** — this run is `\(run.status.rawValue)`, not complete: \(sentence(problem.reason))

        Only a complete run has findings and a verdict. Started \(Timestamp.iso8601(run.startedAt)); \
        spec \(run.specPath) (SHA-256 \(run.specSha256)).

        """
    }

    /// The same words as ``markdown(_:problem:)``, as an HTML page.
    static func html(_ run: RunRecord, problem: RunNotComplete) -> String {
        HTMLRenderer.render(
            ReportDocument(
                title: "\(run.audit) — run \(problem.runId)",
                lead: [
                    .paragraph(
                        "\(strong: "Verdict: none") — this run is \(code: run.status.rawValue), not complete: "
                            + "\(sentence(problem.reason))"),
                    .paragraph(
                        "Only a complete run has findings and a verdict. Started \(Timestamp.iso8601(run.startedAt)); "
                            + "spec \(run.specPath) (SHA-256 \(run.specSha256))."),
                ], sections: []))
    }

    static func json(_ run: RunRecord, problem: RunNotComplete, failOn: String) -> JSONValue {
        .object([
            ("schema", .string(JSONReport.schema)),
            (
                "run",
                .object([
                    ("id", .integer(Int(problem.runId))), ("audit", .string(run.audit)),
                    ("started_at", .string(Timestamp.iso8601(run.startedAt))),
                    ("finished_at", .string(run.finishedAt.map(Timestamp.iso8601))),
                    ("tool_version", .string(run.toolVersion)), ("data_sha256", .string(run.dataSha256)),
                    ("spec_sha256", .string(run.specSha256)), ("ruleset_sha256", .string(run.rulesetSha256)),
                    ("status", .string(run.status.rawValue)), ("message", .string(run.errorMessage)),
                ])
            ),
            ("findings", .array([])),
            (
                "gate",
                .object([
                    ("fail_on", .string(failOn)), ("passed", .bool(false)), ("verdict", .null),
                    ("reason", .string(problem.description)),
                ])
            ),
        ])
    }

    static func junit(_ run: RunRecord, problem: RunNotComplete) -> String {
        let name = escape("dietaudit \(run.audit) run \(problem.runId)")
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="\(name)" tests="1" failures="0" errors="1">
              <testsuite name="run status" tests="1" failures="0" errors="1">
                <testcase classname="run status" name="run is complete">\
            <error type="\(run.status.rawValue)" message="\(escape(problem.description))"/></testcase>
              </testsuite>
            </testsuites>

            """
    }

    /// `text` ending with a full stop.
    static func sentence(_ text: String) -> String {
        text.hasSuffix(".") ? text : text + "."
    }

    /// XML attribute escaping.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
