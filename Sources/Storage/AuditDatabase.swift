import DietAuditCore
import Foundation
import GRDB

/// The SQLite database that holds every run: the source of truth from which
/// reports are rendered.
///
/// A database file is opened as a GRDB `DatabasePool` in WAL mode with a busy
/// timeout (``busyTimeout``), so several `dietaudit` processes can audit into
/// one file at once: readers never wait, and a writer waits for another's
/// transaction to end instead of failing with "database is locked". Opening
/// applies any pending migration (retrying when another process migrates the
/// same fresh file at the same moment), then marks `running` runs whose
/// process is gone as `abandoned` (``markAbandonedRuns()``).
public final class AuditDatabase {
    /// The underlying GRDB writer: a `DatabasePool` for a file, a
    /// `DatabaseQueue` in memory.
    public let writer: any DatabaseWriter

    /// How long one write waits for another process's write transaction
    /// before giving up. A run's results are written in one transaction of a
    /// few seconds at most; this leaves ample room for several at once.
    public static let busyTimeout: TimeInterval = 120

    /// Opens (creating if needed) the database at `path`.
    /// - Throws: ``InputError`` naming the file when it cannot be opened or is
    ///   not a DietAudit database.
    public init(path: String) throws {
        do {
            writer = try Self.retryingWhileBusy {
                let pool = try DatabasePool(path: path, configuration: Self.configuration())
                try Self.migrate(pool)
                return pool
            }
            try markAbandonedRuns()
        } catch let error as DatabaseError {
            throw InputError(
                "cannot open the database: \(error.message ?? error.description)", at: SourceLocation(file: path))
        }
    }

    /// A fresh in-memory database, for tests.
    public init() throws {
        writer = try DatabaseQueue(configuration: Self.configuration())
        try Self.migrator.migrate(writer)
        try markAbandonedRuns()
    }

    /// Opens an existing database for reading; unlike ``init(path:)`` it never
    /// creates a file.
    public static func openExisting(path: String) throws -> AuditDatabase {
        guard FileManager.default.fileExists(atPath: path) else {
            throw InputError(
                "database not found; run an audit first (dietaudit run SPEC --db \(path))",
                at: SourceLocation(file: path))
        }
        return try AuditDatabase(path: path)
    }

    /// Foreign keys on; every statement waits up to ``busyTimeout`` for a lock.
    static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        return configuration
    }

    /// Applies pending migrations. GRDB reads which migrations are applied
    /// before running each in its own transaction, so when two processes
    /// open one fresh file together the second can try a migration the first
    /// has just applied ("table run already exists"). The migration then
    /// rolls back and is retried after re-reading what is applied, a few
    /// times; an error that persists is a real one and is thrown.
    static func migrate(_ writer: any DatabaseWriter) throws {
        var attempt = 0
        while true {
            do {
                try migrator.migrate(writer)
                return
            } catch let error as DatabaseError where attempt < 8 {
                if error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT { throw error }
                attempt += 1
                Thread.sleep(forTimeInterval: 0.05 * Double(attempt))
            }
        }
    }

    /// Runs `body`, running it again while SQLite reports the database busy
    /// or locked beyond the busy timeout (e.g. switching a fresh file to WAL
    /// while another process does the same), for at most ``busyTimeout``.
    static func retryingWhileBusy<T>(_ body: () throws -> T) throws -> T {
        let deadline = Date().addingTimeInterval(busyTimeout)
        while true {
            do {
                return try body()
            } catch let error as DatabaseError
                where (error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED) && Date() < deadline
            {
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }
}
