import DietAuditCore
import Foundation
import Rules
import Storage

/// The findings of a stored run as SARIF 2.1.0 (OASIS Static Analysis Results
/// Interchange Format), so code-scanning services (GitHub code scanning,
/// GitLab, Azure DevOps) show a data diet's findings beside a pull request.
///
/// Layout: one `run` whose `tool.driver` is `dietaudit` at the run's stored
/// tool version, listing every rule of the run's ruleset under its rule id
/// (plus any rule a finding names that the ruleset text no longer has).
/// One `result` per finding, in stored order:
///
/// - `ruleId` and `ruleIndex` (position in `tool.driver.rules`);
/// - `kind` and `level` from ``classification(of:)`` — the single place where
///   a finding's nature maps to SARIF;
/// - `message.text`: the finding's sentence;
/// - `locations`: the audit spec file as stored with the run (relative paths
///   stay relative) at line 1, and a logical location naming the plan and
///   group (``logicalName(of:)``);
/// - `partialFingerprints["dietauditFinding/v1"]`: ``fingerprint(of:)``, which
///   leaves out the value so a finding keeps its identity when its number moves;
/// - `properties`: the scope fields, metric, value, threshold, comparison and outcome.
///
/// Objects keep a fixed key order, so rendering the same stored run twice gives
/// the same bytes.
public enum SARIFReport {
    /// The SARIF version written.
    public static let version = "2.1.0"
    /// The published JSON schema of SARIF 2.1.0 (OASIS, errata 01).
    public static let schemaURI =
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// The `partialFingerprints` key; bump the suffix if the fingerprint's recipe changes.
    public static let fingerprintKey = "dietauditFinding/v1"

    /// The SARIF log of `stored`, with the driver rules taken from the run's
    /// stored ruleset text.
    public static func make(_ stored: StoredRun) -> String {
        let rules = (try? Ruleset.parse(stored.run.rulesetText, file: stored.run.rulesetPath))?.rules ?? []
        return make(stored, rules: rules)
    }

    /// The SARIF log of `stored`, with `rules` as the driver's rules.
    public static func make(_ stored: StoredRun, rules: [Rule]) -> String {
        let descriptors = ruleDescriptors(rules: rules, findings: stored.findings)
        let indexById = Dictionary(
            descriptors.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let results = stored.findings.map { finding in
            result(finding, ruleIndex: indexById[finding.ruleId] ?? 0, specPath: stored.run.specPath)
        }
        let driver: JSONValue = .object([
            ("name", .string("dietaudit")),
            ("version", .string(stored.run.toolVersion)),
            ("rules", .array(descriptors.map(\.json))),
        ])
        let run: JSONValue = .object([
            ("tool", .object([("driver", driver)])),
            ("results", .array(results)),
            (
                "properties",
                .object([
                    ("audit", .string(stored.run.audit)),
                    ("runId", .integer(Int(stored.id))),
                    ("status", .string(stored.run.status.rawValue)),
                    ("ruleset", .string(stored.run.rulesetName)),
                    ("dataSha256", .string(stored.run.dataSha256)),
                    ("specSha256", .string(stored.run.specSha256)),
                    ("rulesetSha256", .string(stored.run.rulesetSha256)),
                ])
            ),
        ])
        let log: JSONValue = .object([
            ("$schema", .string(schemaURI)),
            ("version", .string(version)),
            ("runs", .array([run])),
        ])
        return log.serialized() + "\n"
    }

    /// SARIF `kind` and `level` of a finding. A rule breach is kind `fail`
    /// with the level of its severity (fail → `error`, warn → `warning`,
    /// info → `note`). SARIF allows a level other than `none` only with kind
    /// `fail`; a finding that asks for human judgement instead of reporting
    /// a breach (e.g. insufficient evidence) belongs here as kind `review`,
    /// level `none`.
    public static func classification(of finding: Finding) -> (kind: String, level: String) {
        finding.isInsufficientEvidence ? ("review", "none") : ("fail", level(of: finding.severity))
    }

    /// SARIF `level` of a severity.
    public static func level(of severity: Severity) -> String {
        switch severity {
        case .fail: "error"
        case .warn: "warning"
        case .info: "note"
        }
    }

    /// A finding's stable identity: lower-case hex SHA-256 of its rule id,
    /// score, policy, fraction, attribute and group (absent fields as empty
    /// text, fields joined by the ASCII unit separator U+001F). Value,
    /// threshold, severity and message are left out, so the same breach on
    /// the same group keeps its fingerprint across runs while its number moves.
    public static func fingerprint(of finding: Finding) -> String {
        let fields = [
            finding.ruleId, finding.score ?? "", finding.policy, finding.fraction.map(NumberFormatting.exact) ?? "",
            finding.attribute, finding.group ?? "",
        ]
        return Fingerprint.sha256(fields.joined(separator: "\u{1F}"))
    }

    /// `el2n@2/keep_hard/0.3/sex/female`: score (or `-` for policies without
    /// one), policy, fraction (or `-` for the `full` baseline), attribute and
    /// group (`(all)` for an attribute-level metric).
    public static func logicalName(of finding: Finding) -> String {
        FindingKey(finding).row.name
    }

    /// A stored spec path as a SARIF URI reference: relative paths stay
    /// relative (resolved against the checkout by code-scanning services),
    /// absolute ones become `file://` URIs; a leading `./` is dropped;
    /// characters outside RFC 3986's path set are percent-encoded.
    public static func uri(ofPath path: String) -> String {
        var path = path
        while path.hasPrefix("./") { path.removeFirst(2) }
        let allowed = CharacterSet(
            charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/!$&'()*+,;=:@")
        let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }

    static func result(_ finding: Finding, ruleIndex: Int, specPath: String) -> JSONValue {
        let (kind, level) = classification(of: finding)
        let physical: JSONValue = .object([
            ("artifactLocation", .object([("uri", .string(uri(ofPath: specPath)))])),
            ("region", .object([("startLine", .integer(1))])),
        ])
        let logical: JSONValue = .object([
            ("name", .string(logicalName(of: finding))),
            ("kind", .string("resource")),
        ])
        return .object([
            ("ruleId", .string(finding.ruleId)),
            ("ruleIndex", .integer(ruleIndex)),
            ("kind", .string(kind)),
            ("level", .string(level)),
            ("message", .object([("text", .string(finding.message))])),
            (
                "locations",
                .array([.object([("physicalLocation", physical), ("logicalLocations", .array([logical]))])])
            ),
            ("partialFingerprints", .object([(fingerprintKey, .string(fingerprint(of: finding)))])),
            (
                "properties",
                .object([
                    ("severity", .string(finding.severity.rawValue)),
                    ("score", .string(finding.score)),
                    ("policy", .string(finding.policy)),
                    ("fraction", .number(finding.fraction)),
                    ("attribute", .string(finding.attribute)),
                    ("group", .string(finding.group)),
                    ("metric", .string(finding.metric)),
                    ("value", .number(finding.value)),
                    ("threshold", .number(finding.threshold)),
                    ("comparison", .string(finding.comparison)),
                    ("outcome", .string(finding.outcome.rawValue)),
                ])
            ),
        ])
    }
}
