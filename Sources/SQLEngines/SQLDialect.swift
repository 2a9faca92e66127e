import Foundation

/// The SQL engines the counting query is written for, and what differs
/// between them (docs/SCALE.md has the table).
///
/// The query needs window functions (`ROW_NUMBER`, `COUNT(*) OVER`), common
/// table expressions, `GROUP BY`, `CASE`, integer `%`, an MD5 function and a
/// `VALUES` list in `FROM`; every dialect here has them, spelled as below.
public enum SQLDialect: String, Sendable, CaseIterable {
    case postgres
    case spark
    case trino
    case duckdb

    /// An identifier (or a dotted `schema.table`), quoted part by part:
    /// `"name"` in standard SQL, `` `name` `` in Spark SQL.
    public func quoted(_ name: String) -> String {
        name.split(separator: ".", omittingEmptySubsequences: false).map { part -> String in
            switch self {
            case .spark: return "`" + part.replacingOccurrences(of: "`", with: "``") + "`"
            default: return "\"" + part.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
        }.joined(separator: ".")
    }

    /// A column name quoted whole (no dotted parts).
    public func quotedColumn(_ name: String) -> String {
        switch self {
        case .spark: return "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
        default: return "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
    }

    /// A string literal.
    public func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    /// The text type a value is cast to.
    public var textType: String {
        switch self {
        case .postgres: return "TEXT"
        case .spark: return "STRING"
        case .trino, .duckdb: return "VARCHAR"
        }
    }

    /// The 64-bit floating-point type scores are cast to (so ties are ties of
    /// doubles, as in memory).
    public var doubleType: String {
        switch self {
        case .postgres: return "DOUBLE PRECISION"
        case .spark, .trino, .duckdb: return "DOUBLE"
        }
    }

    /// The MD5 of a text expression as 32 lowercase hex digits, ordered by
    /// bytes (PostgreSQL: the "C" collation, whatever the database's).
    public func md5Hex(_ expression: String) -> String {
        switch self {
        case .postgres: return "md5(\(expression)) COLLATE \"C\""
        case .spark, .duckdb: return "md5(\(expression))"
        case .trino: return "lower(to_hex(md5(to_utf8(\(expression)))))"
        }
    }

    /// Integer division of two non-negative integers that divide exactly.
    public func exactDivision(_ dividend: String, _ divisor: String) -> String {
        switch self {
        case .postgres, .trino: return "(\(dividend)) / \(divisor)"
        case .spark: return "(\(dividend)) div \(divisor)"
        case .duckdb: return "(\(dividend)) // \(divisor)"
        }
    }
}
