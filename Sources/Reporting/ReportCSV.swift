import Rules
import Storage

/// The report's full tables as CSV files beside it, one row per JSON row and
/// the JSON report's field names as the header: every composition row, every
/// error-risk row and every finding. Values as in the JSON (numbers in full
/// precision, empty for `null`); a field holding a comma, quote or line
/// break is quoted with inner quotes doubled (RFC 4180).
public enum ReportCSV {
    /// Which table a file holds.
    public enum Table: CaseIterable, Sendable {
        case composition, errorRisk, findings

        var suffix: String {
            switch self {
            case .composition: "composition"
            case .errorRisk: "error-risk"
            case .findings: "findings"
            }
        }

        /// What the file holds, in words, for the report's appendix.
        public var contents: String {
            switch self {
            case .composition: "every composition row (score, policy, fraction, attribute, group)"
            case .errorRisk: "every error-risk row, with the full-data baseline"
            case .findings: "every finding, with insufficient evidence"
            }
        }
    }

    /// `<audit>-composition.csv` and so on.
    public static func fileName(audit: String, table: Table) -> String {
        ReportFiles.fileName(audit: audit) + "-" + table.suffix + ".csv"
    }

    /// The CSV text of `table`, or `nil` when the run has no such rows.
    public static func make(_ stored: StoredRun, table: Table) -> String? {
        let rows: [JSONValue] =
            switch table {
            case .composition: stored.composition.map(JSONReport.compositionObject)
            case .errorRisk: stored.errorRisk.rows.map(JSONReport.errorRiskObject)
            case .findings: stored.findings.map(JSONReport.findingObject)
            }
        guard case .object(let first)? = rows.first else { return nil }
        let header = first.map(\.0)
        var lines = [header.map(field).joined(separator: ",")]
        for row in rows {
            guard case .object(let pairs) = row else { continue }
            var values: [String: JSONValue] = [:]
            for (key, value) in pairs { values[key] = value }
            lines.append(header.map { cell(values[$0] ?? .null) }.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func cell(_ value: JSONValue) -> String {
        switch value {
        case .null: ""
        case .string(let text): field(text)
        default: value.serialized(pretty: false)
        }
    }

    /// A field, quoted when it holds a comma, quote or line break.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
