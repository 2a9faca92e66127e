import Rules
import Storage

extension RunDiff {
    /// The diff for machines (`dietaudit diff A B --json`), schema
    /// `dietaudit.diff/v1`:
    ///
    /// - `old`, `new`: `id`, `audit`, `status`, `gate_passed`, `started_at`;
    /// - `inputs`: `data`, `spec`, `ruleset`, `tool_version`, each `same` or `changed`;
    /// - `appeared`, `disappeared`: findings with the report JSON's finding fields;
    /// - `changed`: `{"old": finding, "new": finding}`;
    /// - `moves`: one object per metric: `metric` and `rows` of `score`,
    ///   `policy`, `fraction`, `attribute`, `group`, `old`, `new`, `delta`;
    /// - `composition_rows_only_old`, `composition_rows_only_new`.
    public func json() -> JSONValue {
        .object([
            ("schema", .string("dietaudit.diff/v1")),
            ("old", Self.json(old)),
            ("new", Self.json(new)),
            (
                "inputs",
                .object(
                    inputChanges().map { input in
                        (input.name.replacingOccurrences(of: " ", with: "_"), .string(input.same ? "same" : "changed"))
                    })
            ),
            ("appeared", .array(appeared.map(Self.json))),
            ("disappeared", .array(disappeared.map(Self.json))),
            ("changed", .array(changed.map { .object([("old", Self.json($0.old)), ("new", Self.json($0.new))]) })),
            (
                "moves",
                .array(
                    moves.map { metric, list in
                        .object([("metric", .string(metric)), ("rows", .array(list.map(Self.json)))])
                    })
            ),
            ("composition_rows_only_old", .integer(compositionOnlyOld)),
            ("composition_rows_only_new", .integer(compositionOnlyNew)),
        ])
    }

    static func json(_ run: RunRecord) -> JSONValue {
        .object([
            ("id", .integer(Int(run.id ?? 0))),
            ("audit", .string(run.audit)),
            ("status", .string(run.status.rawValue)),
            ("gate_passed", run.gatePassed.map { .bool($0) } ?? .null),
            ("started_at", .string(Timestamp.iso8601(run.startedAt))),
        ])
    }

    static func json(_ finding: Finding) -> JSONValue {
        JSONReport.findingObject(finding)
    }

    static func json(_ move: MetricMove) -> JSONValue {
        .object([
            ("score", .string(move.key.score)),
            ("policy", .string(move.key.policy)),
            ("fraction", .number(move.key.fraction)),
            ("attribute", .string(move.key.attribute)),
            ("group", .string(move.key.group)),
            ("old", .number(move.old)),
            ("new", .number(move.new)),
            ("delta", .number(move.delta)),
        ])
    }
}
