import GRDB

/// A stage's row type that is stored one-to-one in a table of its own.
public protocol RunScopedContent: Codable, Sendable {
    /// The table holding these rows.
    static var tableName: String { get }
}

/// A stage's row stored under its run: the row's own columns plus `run_id`.
///
/// The row encodes its fields flat next to `run_id`; content types name their
/// coding keys in snake_case, the same names the JSON report uses, so e.g. the `composition` table has
/// the columns `run_id, score, policy, fraction, attribute, group, n, …,
/// q_value`, queryable directly in SQL.
public struct RunScopedRecord<Content: RunScopedContent>: Codable, Sendable, FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { Content.tableName }

    public var runId: Int64
    public var content: Content

    public init(runId: Int64, content: Content) {
        self.runId = runId
        self.content = content
    }

    private enum RunKey: String, CodingKey { case runId = "run_id" }

    public init(from decoder: Decoder) throws {
        content = try Content(from: decoder)
        runId = try decoder.container(keyedBy: RunKey.self).decode(Int64.self, forKey: .runId)
    }

    public func encode(to encoder: Encoder) throws {
        try content.encode(to: encoder)
        var container = encoder.container(keyedBy: RunKey.self)
        try container.encode(runId, forKey: .runId)
    }
}
