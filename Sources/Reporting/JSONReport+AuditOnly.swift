import Storage

extension JSONReport {
    /// The report's `dataset` object: the base fields, then ``auditOnlyFields(_:)``.
    static func datasetObject(_ data: DatasetSummary) -> JSONValue {
        guard case .object(let pairs) = datasetBaseObject(data) else { return datasetBaseObject(data) }
        return .object(pairs + auditOnlyFields(data))
    }

    /// Fields of the `dataset` object added with audit-only specs:
    /// `audit_only` (bool), `dropped_examples` (training examples left out by
    /// `on_missing: drop`) and `join_problems` (one object per problem of an
    /// imported score: `score`, `problem`, `count`, `examples` (up to five
    /// ids), `dropped_examples`). Runs stored earlier give `null`s.
    static func auditOnlyFields(_ data: DatasetSummary) -> [(String, JSONValue)] {
        [
            ("audit_only", data.auditOnly.map { .bool($0) } ?? .null),
            ("dropped_examples", data.droppedExamples.map { .integer($0) } ?? .null),
            (
                "join_problems",
                data.joinProblems.map { problems in
                    .array(
                        problems.map { problem in
                            .object([
                                ("score", .string(problem.score)), ("problem", .string(problem.problem)),
                                ("count", .integer(problem.count)),
                                ("examples", .array(problem.examples.map { .string($0) })),
                                ("dropped_examples", .integer(problem.droppedExamples)),
                            ])
                        })
                } ?? .null
            ),
        ]
    }
}
