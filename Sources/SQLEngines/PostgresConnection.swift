import CLibpq
import DietAuditCore
import Foundation

/// A connection to PostgreSQL through libpq, the reference C client.
///
/// The connection string is a URL or `key=value` string as libpq reads it;
/// whatever it leaves out (host, port, user, password, database) libpq takes
/// from the `PG*` environment variables and `~/.pgpass`, so credentials never
/// need to be in the spec. Messages name the connection as ``display``, built
/// from what libpq resolved — user, host, port and database, never the password
/// — and any password the string holds is blanked out of libpq's own messages.
public final class PostgresConnection {
    private let connection: OpaquePointer
    /// `postgresql://user@host:port/database`, without a password.
    public let display: String
    private let secrets: [String]

    /// Connects; seconds to wait for a server default to 10 unless the string says.
    /// - Throws: ``InputError`` naming the connection and libpq's reason.
    public init(_ connectionString: String) throws {
        secrets = Self.passwords(in: connectionString)
        let keywords = ["connect_timeout", "dbname"], values = ["10", connectionString]
        let handle = withCStrings(keywords) { keywordPointers in
            withCStrings(values) { valuePointers in PQconnectdbParams(keywordPointers, valuePointers, 1) }
        }
        guard let handle else { throw InputError("libpq could not allocate a connection") }
        connection = handle
        display = Self.describe(handle)
        guard PQstatus(handle) == CONNECTION_OK else {
            let reason = Self.text(PQerrorMessage(handle))
            // Every stored property is set, so deinit runs and calls PQfinish.
            throw InputError(
                "cannot connect to PostgreSQL at \(display): \(Self.scrub(reason, secrets))",
                at: SourceLocation(file: display))
        }
    }

    deinit { PQfinish(connection) }

    /// The server's version as it reports it (`15.18 (Debian 15.18-0+deb12u1)`).
    public var serverVersion: String {
        PQparameterStatus(connection, "server_version").map { String(cString: $0) } ?? "unknown"
    }

    /// Runs one statement and returns its rows as text (`nil` for SQL NULL).
    /// - Throws: ``PostgresError`` with the SQLSTATE and the server's message.
    public func query(_ sql: String) throws -> PostgresRows {
        guard let result = PQexec(connection, sql) else {
            throw PostgresError(state: "", message: Self.scrub(Self.text(PQerrorMessage(connection)), secrets))
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK else {
            let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) } ?? ""
            let message = PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) }
            throw PostgresError(
                state: state, message: Self.scrub(message ?? Self.text(PQresultErrorMessage(result)), secrets))
        }
        let rowCount = Int(PQntuples(result)), columnCount = Int(PQnfields(result))
        var rows = PostgresRows(
            columns: (0..<columnCount).map { String(cString: PQfname(result, Int32($0))) },
            types: (0..<columnCount).map { UInt32(PQftype(result, Int32($0))) }, values: [], bytes: 0)
        rows.values.reserveCapacity(rowCount)
        for row in 0..<rowCount {
            var values: [String?] = []
            for column in 0..<columnCount {
                if PQgetisnull(result, Int32(row), Int32(column)) != 0 {
                    values.append(nil)
                } else {
                    values.append(String(cString: PQgetvalue(result, Int32(row), Int32(column))))
                    rows.bytes += Int(PQgetlength(result, Int32(row), Int32(column)))
                }
            }
            rows.values.append(values)
        }
        return rows
    }

    private static func text(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        (pointer.map { String(cString: $0) } ?? "").trimmingSpaces()
    }

    /// `postgresql://user@host:port/database` from what libpq resolved.
    private static func describe(_ handle: OpaquePointer) -> String {
        func field(_ value: UnsafeMutablePointer<CChar>?) -> String { value.map { String(cString: $0) } ?? "" }
        let host = field(PQhost(handle)), port = field(PQport(handle))
        return "postgresql://\(field(PQuser(handle)))@\(host)\(port.isEmpty ? "" : ":" + port)/\(field(PQdb(handle)))"
    }

    /// The passwords a connection string holds (URL user info or `password=`).
    public static func passwords(in connectionString: String) -> [String] {
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(connectionString, &errorMessage) else {
            PQfreemem(errorMessage)
            return []
        }
        defer { PQconninfoFree(options) }
        var found: [String] = []
        var option = options
        while let keyword = option.pointee.keyword {
            if String(cString: keyword) == "password", let value = option.pointee.val {
                found.append(String(cString: value))
            }
            option += 1
        }
        return found.filter { !$0.isEmpty }
    }

    static func scrub(_ message: String, _ secrets: [String]) -> String {
        secrets.reduce(message) { $0.replacingOccurrences(of: $1, with: "****") }
    }
}

/// Rows returned by ``PostgresConnection/query(_:)``.
public struct PostgresRows: Sendable {
    public var columns: [String]
    /// Each column's type oid (`pg_type.oid`).
    public var types: [UInt32]
    public var values: [[String?]]
    /// The bytes of the returned values, as sent by the server (text format).
    public var bytes: Int
}

/// A statement the server refused.
public struct PostgresError: Error, Sendable, CustomStringConvertible {
    /// SQLSTATE (`42P01`: undefined table; `42703`: undefined column).
    public var state: String
    public var message: String
    public var description: String { message }
}

/// Calls `body` with NUL-terminated copies of `strings` (and a final NULL).
private func withCStrings<Result>(
    _ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> Result
) -> Result {
    let copies = strings.map { strdup($0) } + [nil]
    defer { for copy in copies { free(copy) } }
    let constants = copies.map { $0.map { UnsafePointer($0) } }
    return constants.withUnsafeBufferPointer { body($0.baseAddress!) }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var text = Substring(self)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        return String(text)
    }
}
