import DietAuditCore
import Foundation

/// Runs the counting queries of an audit in PostgreSQL and returns the
/// counts table's rows, after checking the table and its columns.
public struct PostgresCounting {
    /// The connection string (URL or `key=value`), credentials left to libpq.
    public var connectionString: String
    public var query: CountingQuery
    public var scores: [CountingQuery.Score]

    public init(connectionString: String, query: CountingQuery, scores: [CountingQuery.Score]) {
        self.connectionString = connectionString
        self.query = query
        self.scores = scores
    }

    /// Numeric type oids: int2, int4, int8, float4, float8, numeric.
    static let numericTypes: [UInt32: String] = [
        21: "smallint", 23: "integer", 20: "bigint", 700: "real", 701: "double precision", 1700: "numeric",
    ]

    /// Connects, checks, counts.
    /// - Throws: ``InputError`` located at the connection (no password), with
    ///   the table and column as key: unreachable server, missing table or
    ///   column (did-you-mean), a score column that is not numeric or holds
    ///   NULL, NaN or infinite values, a missing label or id, an empty table.
    public func run() throws -> (rows: [CountsRow], provenance: EngineProvenance) {
        let connection = try PostgresConnection(connectionString)
        let table = query.table
        func location(_ column: String? = nil) -> SourceLocation {
            SourceLocation(file: connection.display, key: column.map { "\(table).\($0)" } ?? table)
        }
        let dialect = SQLDialect.postgres
        let shape: PostgresRows
        do {
            shape = try connection.query("SELECT * FROM \(dialect.quoted(table)) LIMIT 0")
        } catch let error as PostgresError {
            let reason = error.state == "42P01" ? "table or view '\(table)' not found" : error.message
            throw InputError(reason + " (PostgreSQL: \(error.message))", at: location())
        }
        var types: [String: UInt32] = [:]
        for (name, type) in zip(shape.columns, shape.types) { types[name] = type }
        let needed = [query.labelColumn, query.idColumn] + query.attributeColumns + scores.map(\.column)
        for column in needed where types[column] == nil {
            throw InputError(
                "column '\(column)' not found in table '\(table)'; it has \(listForMessage(shape.columns))"
                    + didYouMean(column, among: shape.columns),
                at: location(column))
        }
        for score in scores {
            guard let type = types[score.column], Self.numericTypes[type] != nil else {
                throw InputError(
                    "score column '\(score.column)' is not numeric (type oid \(types[score.column] ?? 0)); expected "
                        + "one of \(Self.numericTypes.values.sorted().joined(separator: ", "))",
                    at: location(score.column))
            }
        }
        try checkValues(connection, location: location)
        var rows: [CountsRow] = []
        var statements: [String] = []
        var bytes = 0
        for part in queryTexts(dialect) {
            statements.append(part)
            let result: PostgresRows
            do {
                result = try connection.query(part)
            } catch let error as PostgresError {
                throw InputError(
                    "the counting query failed: \(error.message) (SQLSTATE \(error.state))", at: location())
            }
            bytes += result.bytes
            rows += try Self.countsRows(result, attributeCount: query.attributeColumns.count, location: location())
        }
        let provenance = EngineProvenance(
            engine: "PostgreSQL", version: connection.serverVersion, table: table,
            querySHA256: Fingerprint.sha256(statements.joined(separator: ";\n")), bytesMoved: bytes)
        return (rows, provenance)
    }

    /// One statement per score, then the random plans' statement.
    func queryTexts(_ dialect: SQLDialect) -> [String] {
        scores.map { query.sql(score: $0, dialect: dialect) }
            + (query.randomFractions.isEmpty ? [] : [query.randomSQL(dialect: dialect)])
    }

    /// One scan counting rows without a label or id and scores that are NULL,
    /// NaN or infinite.
    private func checkValues(_ connection: PostgresConnection, location: (String?) -> SourceLocation) throws {
        let dialect = SQLDialect.postgres
        var columns = [
            "COUNT(*)", "COUNT(*) - COUNT(\(dialect.quotedColumn(query.labelColumn)))",
            "COUNT(*) - COUNT(\(dialect.quotedColumn(query.idColumn)))",
        ]
        for score in scores {
            let value = "CAST(\(dialect.quotedColumn(score.column)) AS DOUBLE PRECISION)"
            columns.append(
                "SUM(CASE WHEN \(value) IS NULL OR \(value) IN ('NaN', 'Infinity', '-Infinity') THEN 1 ELSE 0 END)")
        }
        let result = try connection.query(
            "SELECT \(columns.joined(separator: ", ")) FROM \(dialect.quoted(query.table))")
        let counts = result.values[0].map { Int($0 ?? "0") ?? 0 }
        guard counts[0] > 0 else { throw InputError("table '\(query.table)' has no rows", at: location(nil)) }
        for (index, column) in [query.labelColumn, query.idColumn].enumerated() where counts[index + 1] > 0 {
            throw InputError(
                "\(counts[index + 1]) rows have no value (NULL); every row needs one", at: location(column))
        }
        for (index, score) in scores.enumerated() where counts[index + 3] > 0 {
            throw InputError(
                "\(counts[index + 3]) rows have a NULL, NaN or infinite score; every example needs a finite score",
                at: location(score.column))
        }
    }

    /// The rows of one counting statement's result.
    static func countsRows(_ result: PostgresRows, attributeCount: Int, location: SourceLocation) throws -> [CountsRow]
    {
        try result.values.enumerated().map { index, values in
            var rowLocation = location
            rowLocation.key = (location.key ?? "") + " (counting query, row \(index + 1))"
            guard values.count == 6 + attributeCount, let size = Int(values[4 + attributeCount] ?? ""),
                let removed = Int(values[5 + attributeCount] ?? "")
            else { throw InputError("the counting query returned an unexpected row", at: rowLocation) }
            return CountsRow(
                score: values[0] ?? "", policy: values[1] ?? "", fraction: values[2] ?? "",
                cell: Array(values[3..<(4 + attributeCount)]), size: size, removed: removed, location: rowLocation)
        }
    }
}
