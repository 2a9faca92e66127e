import Auditing
import Rules
import Scoring
import Storage

/// The machine-readable report, schema `dietaudit.report/v1` (DESIGN.md):
/// top-level keys `schema`, `run`, `dataset`, `scores`, `composition`,
/// `attributes`, `error_risk`, `validity`, `findings`, `gate`, `recommendations`. Rows use the
/// metric names of DESIGN.md; undefined values are `null`. An `error_risk`
/// row's `undefined_rates` lists the rates reported as Fairlearn's 0 because
/// their base is empty in the group; a finding's `outcome` is `breach` or
/// `insufficient_evidence`; `gate.verdict` is PASS, WARN, FAIL or
/// INSUFFICIENT EVIDENCE.
public enum JSONReport {
    public static let schema = "dietaudit.report/v1"

    /// The report of a stored run, with the gate evaluated at `failOn`.
    public static func make(_ stored: StoredRun, gate: Gate) -> JSONValue {
        addingRecommendations(to: addingRandomBand(to: report(stored, gate: gate), stored), stored)
    }

    static func report(_ stored: StoredRun, gate: Gate) -> JSONValue {
        .object([
            ("schema", .string(schema)),
            ("run", runObject(stored.run)),
            ("dataset", datasetObject(stored.run.dataset)),
            (
                "scores",
                .array(
                    stored.scores.map { score in
                        .object([
                            ("score", .string(score.name)), ("kind", .string(score.kind)),
                            ("epoch", score.epoch.map { .integer($0) } ?? .null), ("seeds", .integer(score.seeds)),
                            ("higher_is", .string(score.direction.rawValue)),
                        ])
                    })
            ),
            ("composition", .array(stored.composition.map(compositionObject))),
            ("attributes", .array(attributeObjects(stored))),
            ("error_risk", .array(stored.errorRisk.rows.map(errorRiskObject))),
            (
                "validity",
                .array(
                    stored.validity.map { row in
                        .object([
                            ("score", .string(row.score)), ("seed_stability", .number(row.seedStability)),
                            ("input_norm_spearman", .number(row.inputNormSpearman)),
                            ("class_dependence", .number(row.classDependence)),
                        ])
                    })
            ),
            ("findings", .array(stored.findings.map(findingObject))),
            (
                "gate",
                .object([
                    ("fail_on", .string(gate.failOnName)), ("passed", .bool(gate.passed)),
                    ("verdict", .string(gate.verdict.rawValue)),
                    (
                        "counts",
                        .object(
                            (Severity.allCases.map(\.rawValue) + [Gate.insufficientEvidenceKey]).map {
                                ($0, .integer(gate.counts[$0] ?? 0))
                            })
                    ),
                ])
            ),
        ])
    }

    static func runObject(_ run: RunRecord) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("id", .integer(Int(run.id ?? 0))), ("audit", .string(run.audit)),
            ("started_at", .string(Timestamp.iso8601(run.startedAt))),
            ("finished_at", .string(run.finishedAt.map(Timestamp.iso8601))),
            ("tool_version", .string(run.toolVersion)), ("data_sha256", .string(run.dataSha256)),
            ("test_sha256", .string(run.testSha256)), ("spec_sha256", .string(run.specSha256)),
            ("ruleset_sha256", .string(run.rulesetSha256)), ("ruleset", .string(run.rulesetName)),
            ("seed", .unsigned(UInt64(bitPattern: run.seed))), ("status", .string(run.status.rawValue)),
        ]
        if let engine = run.engine {
            // The audit ran in a SQL engine (docs/SCALE.md): added fields, only on such runs.
            fields += [
                ("engine", .string(engine)), ("engine_version", .string(run.engineVersion)),
                ("engine_table", .string(run.engineTable)), ("engine_query_sha256", .string(run.engineQuerySha256)),
                ("engine_bytes", .integer(Int(run.engineBytes ?? 0))),
            ]
        }
        return .object(fields)
    }

    /// The `dataset` fields every run has; ``datasetObject(_:)`` adds the audit-only ones.
    static func datasetBaseObject(_ data: DatasetSummary) -> JSONValue {
        .object([
            ("path", .string(data.path)), ("source_rows", .integer(data.sourceRows)),
            ("train", .integer(data.trainCount)), ("test", .integer(data.testCount)),
            ("label", .string(data.label)), ("positive_label", .string(data.positiveLabel)),
            ("feature_columns", .array(data.featureColumns.map { .string($0) })),
            ("encoded_features", .integer(data.featureCount)),
            (
                "groupings",
                .array(
                    data.groupings.map { grouping in
                        .object([
                            ("attribute", .string(grouping.name)), ("kind", .string(grouping.kind)),
                            (
                                "groups",
                                .array(
                                    grouping.groups.indices.map { index in
                                        .object([
                                            ("group", .string(grouping.groups[index])),
                                            ("train", .integer(grouping.trainCounts[index])),
                                            ("test", .integer(grouping.testCounts[index])),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
            (
                "missing",
                .array(
                    data.missing.map { item in
                        .object([
                            ("column", .string(item.column)), ("count", .integer(item.count)),
                            ("handling", .string(item.handling)),
                        ])
                    })
            ),
            ("notes", .array(data.notes.map { .string($0) })),
        ])
    }

    static func compositionObject(_ row: CompositionRow) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("score", .string(row.score)), ("policy", .string(row.policy)), ("fraction", .number(row.fraction)),
            ("attribute", .string(row.attribute)), ("group", .string(row.group)),
        ]
        for definition in MetricCatalog.composition {
            pairs.append((definition.name, metricValue(definition.value(in: row), isCount: definition.isCount)))
        }
        return .object(pairs)
    }

    /// One row per (score, policy, fraction, attribute): the composition
    /// metrics and, where models were retrained, the error-risk aggregates;
    /// the `full` baseline's rows carry only the latter (composition `null`).
    static func attributeObjects(_ stored: StoredRun) -> [JSONValue] {
        func key(_ score: String?, _ policy: String, _ fraction: Double?, _ attribute: String) -> String {
            [score ?? "", policy, fraction.map { "\($0)" } ?? "", attribute].joined(separator: "\u{0}")
        }
        var errors = Dictionary(
            stored.errorRisk.attributes.map { (key($0.score, $0.policy, $0.fraction, $0.attribute), $0) },
            uniquingKeysWith: { first, _ in first })
        var objects: [JSONValue] = []
        for row in stored.errorRisk.attributes where row.isBaseline {
            objects.append(
                attributeObject(
                    score: nil, policy: row.policy, fraction: nil, attribute: row.attribute,
                    composition: nil, errorRisk: row))
            errors[key(row.score, row.policy, row.fraction, row.attribute)] = nil
        }
        for row in stored.attributes {
            let error = errors.removeValue(forKey: key(row.score, row.policy, row.fraction, row.attribute))
            objects.append(
                attributeObject(
                    score: row.score, policy: row.policy, fraction: row.fraction,
                    attribute: row.attribute, composition: row, errorRisk: error))
        }
        return objects
    }

    static func attributeObject(
        score: String?, policy: String, fraction: Double?, attribute: String, composition: AttributeRow?,
        errorRisk: ErrorRiskAttributeRow?
    ) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("score", .string(score)), ("policy", .string(policy)), ("fraction", .number(fraction)),
            ("attribute", .string(attribute)),
        ]
        for definition in MetricCatalog.attribute {
            pairs.append((definition.name, .number(composition.flatMap { definition.value(in: $0) })))
        }
        pairs += seedSummaryPairs(level: .errorAttribute, metrics: errorRisk?.metrics ?? [:])
        return .object(pairs)
    }

    static func errorRiskObject(_ row: ErrorRiskRow) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("score", .string(row.score)), ("policy", .string(row.policy)), ("fraction", .number(row.fraction)),
            ("attribute", .string(row.attribute)), ("group", .string(row.group)), ("n", .integer(row.n)),
        ]
        pairs += seedSummaryPairs(level: .errorGroup, metrics: row.metrics)
        let undefined = ErrorRiskMetric.allCases.filter { row.undefinedRates.contains($0) }
        pairs.append(("undefined_rates", .array(undefined.map { .string($0.rawValue) })))
        return .object(pairs)
    }

    /// M, M_std, M_ci_low, M_ci_high for every error-risk metric of `level`,
    /// `null` where absent or undefined.
    static func seedSummaryPairs(level: MetricLevel, metrics: ErrorMetricSummaries) -> [(String, JSONValue)] {
        MetricCatalog.definitions(at: level).flatMap { definition in
            SeedSummary.Field.allCases.map { field in
                (field.reportedName(of: definition.name), .number(definition.value(in: metrics, field: field)))
            }
        }
    }

    /// A metric value as JSON: counts as integers, `null` when undefined.
    static func metricValue(_ value: Double?, isCount: Bool) -> JSONValue {
        guard isCount, let value else { return .number(value) }
        return .integer(Int(value))
    }

    static func findingObject(_ finding: Finding) -> JSONValue {
        .object([
            ("rule_id", .string(finding.ruleId)), ("severity", .string(finding.severity.rawValue)),
            ("score", .string(finding.score)), ("policy", .string(finding.policy)),
            ("fraction", .number(finding.fraction)), ("attribute", .string(finding.attribute)),
            ("group", .string(finding.group)), ("metric", .string(finding.metric)),
            ("value", .number(finding.value)), ("threshold", .number(finding.threshold)),
            ("comparison", .string(finding.comparison)), ("outcome", .string(finding.outcome.rawValue)),
            ("message", .string(finding.message)),
        ])
    }
}
