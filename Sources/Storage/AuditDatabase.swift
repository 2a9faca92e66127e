import DietAuditCore
import Foundation
import GRDB

/// The SQLite database that holds every run: the source of truth from which
/// reports are rendered. Opening it applies any pending migration.
public final class AuditDatabase {
    /// The underlying GRDB queue.
    public let writer: DatabaseQueue

    /// Opens (creating if needed) the database at `path`.
    /// - Throws: ``InputError`` naming the file when it cannot be opened or is
    ///   not a DietAudit database.
    public init(path: String) throws {
        do {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            writer = try DatabaseQueue(path: path, configuration: configuration)
            try Self.migrator.migrate(writer)
        } catch let error as DatabaseError {
            throw InputError("cannot open the database: \(error.message ?? error.description)", at: SourceLocation(file: path))
        }
    }

    /// A fresh in-memory database, for tests.
    public init() throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        writer = try DatabaseQueue(configuration: configuration)
        try Self.migrator.migrate(writer)
    }

    /// Opens an existing database for reading; unlike ``init(path:)`` it never
    /// creates a file.
    public static func openExisting(path: String) throws -> AuditDatabase {
        guard FileManager.default.fileExists(atPath: path) else {
            throw InputError("database not found; run an audit first (dietaudit run SPEC --db \(path))", at: SourceLocation(file: path))
        }
        return try AuditDatabase(path: path)
    }
}
