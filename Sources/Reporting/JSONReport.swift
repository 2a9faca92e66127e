import Auditing
import Rules
import Storage

/// The machine-readable report, schema `dietaudit.report/v1` (DESIGN.md):
/// top-level keys `schema`, `run`, `dataset`, `scores`, `composition`,
/// `attributes`, `error_risk`, `validity`, `findings`, `gate`. Rows use the
/// metric names of DESIGN.md; undefined values are `null`.
public enum JSONReport {
    public static let schema = "dietaudit.report/v1"

    /// The report of a stored run, with the gate evaluated at `failOn`.
    public static func make(_ stored: StoredRun, gate: Gate) -> JSONValue {
        .object([
            ("schema", .string(schema)),
            ("run", runObject(stored.run)),
            ("dataset", datasetObject(stored.run.dataset)),
            ("scores", .array(stored.scores.map { score in
                .object([
                    ("score", .string(score.name)), ("kind", .string(score.kind)),
                    ("epoch", score.epoch.map { .integer($0) } ?? .null), ("seeds", .integer(score.seeds)),
                ])
            })),
            ("composition", .array(stored.composition.map(compositionObject))),
            ("attributes", .array(stored.attributes.map(attributeObject))),
            ("error_risk", .array([])),
            ("validity", .array(stored.validity.map { row in
                .object([
                    ("score", .string(row.score)), ("seed_stability", .number(row.seedStability)),
                    ("input_norm_spearman", .number(row.inputNormSpearman)),
                    ("class_dependence", .number(row.classDependence)),
                ])
            })),
            ("findings", .array(stored.findings.map(findingObject))),
            ("gate", .object([
                ("fail_on", .string(gate.failOnName)), ("passed", .bool(gate.passed)),
                ("counts", .object(Severity.allCases.map { ($0.rawValue, .integer(gate.counts[$0.rawValue] ?? 0)) })),
            ])),
        ])
    }

    static func runObject(_ run: RunRecord) -> JSONValue {
        .object([
            ("id", .integer(Int(run.id ?? 0))), ("audit", .string(run.audit)),
            ("started_at", .string(Timestamp.iso8601(run.startedAt))),
            ("finished_at", .string(run.finishedAt.map(Timestamp.iso8601))),
            ("tool_version", .string(run.toolVersion)), ("data_sha256", .string(run.dataSha256)),
            ("test_sha256", .string(run.testSha256)), ("spec_sha256", .string(run.specSha256)),
            ("ruleset_sha256", .string(run.rulesetSha256)), ("ruleset", .string(run.rulesetName)),
            ("seed", .integer(Int(run.seed))), ("status", .string(run.status.rawValue)),
        ])
    }

    static func datasetObject(_ data: DatasetSummary) -> JSONValue {
        .object([
            ("path", .string(data.path)), ("source_rows", .integer(data.sourceRows)),
            ("train", .integer(data.trainCount)), ("test", .integer(data.testCount)),
            ("label", .string(data.label)), ("positive_label", .string(data.positiveLabel)),
            ("feature_columns", .array(data.featureColumns.map { .string($0) })),
            ("encoded_features", .integer(data.featureCount)),
            ("groupings", .array(data.groupings.map { grouping in
                .object([
                    ("attribute", .string(grouping.name)), ("kind", .string(grouping.kind)),
                    ("groups", .array(grouping.groups.indices.map { index in
                        .object([
                            ("group", .string(grouping.groups[index])),
                            ("train", .integer(grouping.trainCounts[index])),
                            ("test", .integer(grouping.testCounts[index])),
                        ])
                    })),
                ])
            })),
            ("missing", .array(data.missing.map { item in
                .object([("column", .string(item.column)), ("count", .integer(item.count)), ("handling", .string(item.handling))])
            })),
            ("notes", .array(data.notes.map { .string($0) })),
        ])
    }

    static func compositionObject(_ row: CompositionRow) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("score", .string(row.score)), ("policy", .string(row.policy)), ("fraction", .number(row.fraction)),
            ("attribute", .string(row.attribute)), ("group", .string(row.group)),
            ("n", .integer(row.n)), ("removed", .integer(row.removed)), ("kept", .integer(row.kept)),
        ]
        for name in CompositionRow.metricNames where !["n", "removed", "kept"].contains(name) {
            pairs.append((name, .number(row.value(of: name))))
        }
        return .object(pairs)
    }

    static func attributeObject(_ row: AttributeRow) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("score", .string(row.score)), ("policy", .string(row.policy)), ("fraction", .number(row.fraction)),
            ("attribute", .string(row.attribute)),
        ]
        for name in AttributeRow.metricNames { pairs.append((name, .number(row.value(of: name)))) }
        return .object(pairs)
    }

    static func findingObject(_ finding: Finding) -> JSONValue {
        .object([
            ("rule_id", .string(finding.ruleId)), ("severity", .string(finding.severity.rawValue)),
            ("score", .string(finding.score)), ("policy", .string(finding.policy)),
            ("fraction", .number(finding.fraction)), ("attribute", .string(finding.attribute)),
            ("group", .string(finding.group)), ("metric", .string(finding.metric)),
            ("value", .number(finding.value)), ("threshold", .number(finding.threshold)),
            ("comparison", .string(finding.comparison)), ("message", .string(finding.message)),
        ])
    }
}
