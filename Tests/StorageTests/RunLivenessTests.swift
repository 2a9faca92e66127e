import Foundation
import GRDB
import Testing

@testable import Storage

/// Runs whose process is gone are marked `abandoned`; live or uncheckable ones are not.
@Suite struct RunLivenessTests {
    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("dietaudit-\(UUID().uuidString).sqlite").path
    }

    static func record(process: RunProcess?) -> RunRecord {
        var record = AuditDatabaseTests.record()
        record.process = process
        return record
    }

    @Test func currentProcessIsAliveAndReadsItsStartTime() throws {
        let current = RunProcess.current
        #expect(current.pid == Int64(getpid()))
        // Field 22 of /proc/self/stat, read here independently of RunProcess's parser.
        let stat = try String(contentsOfFile: "/proc/self/stat", encoding: .utf8)
        let afterName = stat[stat.index(after: stat.lastIndex(of: ")")!)...].split(separator: " ")
        #expect(current.startTicks == Int64(afterName[19]))
        #expect(current.isAlive() == true)
    }

    @Test func deadReusedAndRemoteProcessesAreToldApart() throws {
        let current = RunProcess.current
        #expect(RunProcess(host: current.host, pid: Int64(Int32.max), startTicks: 5).isAlive() == false)
        // The same pid started at another time: the pid was reused.
        let reused = RunProcess(host: current.host, pid: current.pid, startTicks: (current.startTicks ?? 0) + 1)
        #expect(reused.isAlive() == false)
        #expect(RunProcess(host: current.host + "-elsewhere", pid: 1, startTicks: nil).isAlive() == nil)
    }

    @Test func exitedChildIsGone() throws {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run()
        let pid = Int64(child.processIdentifier)
        let ticks = RunProcess.startTicks(pid: pid)
        child.waitUntilExit()
        #expect(RunProcess(host: RunProcess.currentHost, pid: pid, startTicks: ticks).isAlive() == false)
    }

    @Test func goneRunsAreMarkedAbandonedOthersStayRunning() throws {
        let database = try AuditDatabase()
        let current = RunProcess.current
        let gone = RunProcess(host: current.host, pid: Int64(Int32.max), startTicks: 1)
        let live = try database.beginRun(Self.record(process: nil))
        let dead = try database.beginRun(Self.record(process: gone))
        let reused = try database.beginRun(
            Self.record(
                process: RunProcess(
                    host: current.host, pid: current.pid, startTicks: (current.startTicks ?? 0) + 7)))
        let remote = try database.beginRun(
            Self.record(
                process: RunProcess(host: "another-host", pid: 1, startTicks: 1)))
        let finished = try database.beginRun(Self.record(process: gone))
        try database.failRun(id: finished, message: "boom")

        let marked = try database.markAbandonedRuns()
        #expect(Set(marked) == [dead, reused])
        let statuses = try [live, dead, reused, remote, finished].map { try database.runRecord(id: $0).status }
        #expect(statuses == [.running, .abandoned, .abandoned, .running, .failed])
        #expect(try database.runRecord(id: live).process == current)
        let message = try #require(try database.runRecord(id: dead).errorMessage)
        #expect(
            message.hasPrefix(
                "abandoned: the process that ran it (pid \(Int32.max) on host \(current.host)) is gone"))
        #expect(try database.runRecord(id: dead).finishedAt != nil)
        #expect(try database.markAbandonedRuns().isEmpty)
    }

    @Test func reopeningTheFileMarksADeadRun() throws {
        let path = Self.temporaryPath()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let id: Int64
        do {
            let database = try AuditDatabase(path: path)
            id = try database.beginRun(
                Self.record(
                    process: RunProcess(
                        host: RunProcess.currentHost, pid: Int64(Int32.max), startTicks: 3)))
            #expect(try database.runRecord(id: id).status == .running)
        }
        let reopened = try AuditDatabase(path: path)
        #expect(try reopened.runRecord(id: id).status == .abandoned)
    }

    @Test func fileIsInWALModeWithABusyTimeout() throws {
        let path = Self.temporaryPath()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let database = try AuditDatabase(path: path)
        let mode = try database.writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        // The writing connection's timeout (GRDB gives a pool's readers their own).
        let timeout = try database.writer.writeWithoutTransaction { db in
            try Int.fetchOne(db, sql: "PRAGMA busy_timeout")
        }
        #expect(timeout == Int(AuditDatabase.busyTimeout * 1000))
        let migrations = try database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        }
        #expect(migrations.contains("v4: run liveness"))
        let columns = try database.writer.read { db in try db.columns(in: "run").map(\.name) }
        #expect(columns.contains("host") && columns.contains("pid") && columns.contains("process_start_ticks"))
    }

    /// Eight connections (each its own pool, as separate processes would have)
    /// open one fresh file at the same moment, then each stores a whole run.
    @Test func concurrentOpenersAndWritersAllSucceed() throws {
        let path = Self.temporaryPath()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let count = 8
        let outcomes = Outcomes(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            do {
                let database = try AuditDatabase(path: path)
                let id = try database.beginRun(AuditDatabaseTests.record())
                try database.completeRun(id: id, results: AuditDatabaseTests.results())
                outcomes.set(index, nil)
            } catch {
                outcomes.set(index, "\(error)")
            }
        }
        #expect(outcomes.errors.compactMap { $0 }.isEmpty, "\(outcomes.errors)")
        let database = try AuditDatabase(path: path)
        let runs = try database.runs()
        #expect(runs.count == count)
        #expect(runs.allSatisfy { $0.status == .complete })
        let integrity = try database.writer.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
    }
}

/// Per-thread results of a concurrent test.
final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var errors: [String?]

    init(count: Int) { errors = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ error: String?) {
        lock.lock()
        defer { lock.unlock() }
        errors[index] = error
    }
}

/// Fields of `/proc/<pid>/stat`, counted after the command name's last `)`.
@Suite struct ProcStatTests {
    @Test func startTimeIsField22EvenWhenTheNameHasSpacesAndParentheses() throws {
        // Fields 1…22 of a real stat line, with field 2 (the name) made awkward; starttime = 987654.
        let line =
            "4242 (odd) (name x) S 1 4242 4242 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 1 0 987654 12345 67 "
            + "18446744073709551615\n"
        let parsed = try #require(RunProcess.parseStat(line))
        #expect(parsed.state == "S" && parsed.startTicks == 987_654)
        #expect(RunProcess.parseStat("4242 (name) Z 1 2 3") == nil)
        #expect(RunProcess.parseStat("garbage") == nil)
    }
}
