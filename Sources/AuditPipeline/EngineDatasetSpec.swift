import DietAuditCore

/// A dataset that lives in a SQL engine: `dataset: {postgres: …, table: …}`
/// (DietAudit runs the counting queries there), or `dataset: {counts: …}`
/// (a counts table the queries produced elsewhere). See docs/SCALE.md.
public struct EngineDatasetSpec: Sendable, Equatable {
    /// Where the counts come from.
    public enum Source: Sendable, Equatable {
        /// A libpq connection string (URL or `key=value`) without a password.
        case postgres(connection: String)
        /// A counts table (CSV), resolved against the spec's folder.
        case counts(path: String, displayPath: String)
    }

    public var source: Source
    /// The table or view (required for postgres; for counts, the table
    /// `dietaudit sql` names unless `--table` says otherwise).
    public var table: String?
    public var label: String
    /// The id column whose text the tie and random keys hash.
    public var id: String?
    public var attributes: [String]
    public var intersections: Bool
    /// Where `dataset` is written in the spec.
    public var location: SourceLocation

    /// How messages and the report name the data: the connection string or the counts file.
    public var display: String {
        switch source {
        case .postgres(let connection): return connection.isEmpty ? "postgres (PG* environment)" : connection
        case .counts(_, let displayPath): return displayPath
        }
    }
}
