import DietAuditTestSupport
import Foundation
import GRDB
import Testing

/// A run's life as CI sees it: several audits writing one database at once,
/// a process killed mid-run, training that diverges. Only a complete run
/// ever reads as a verdict.
@Suite(.serialized) struct RunLifeTests {
    /// A small audit that trains (softmax, two seeds) and retrains once.
    static let trainingSpec = """
        audit: planted
        dataset:
          path: data.csv
          label: label
          id: id
          attributes: [group]
          test: {fraction: 0.2}
        model: {kind: softmax}
        training: {epochs: 3, seeds: 2, batch_size: 32}
        scores:
          - {kind: el2n, epoch: 1}
          - {kind: imported, path: scores.csv, column: s, id_column: id}
        pruning:
          fractions: [0.3]
          policies: [keep_hard, random]
          retrain: {seeds: 1}
        """

    static func workspace() throws -> Workspace {
        let workspace = try Workspace()
        try workspace.writePlantedData(planted: false)
        try workspace.write(trainingSpec, to: "planted.yaml")
        return workspace
    }

    /// The `status` column of every run, read with plain SQL (without opening
    /// the database as DietAudit does, which would mark abandoned runs).
    static func rawStatuses(_ workspace: Workspace, database: String = "runs.sqlite") throws -> [String] {
        let queue = try DatabaseQueue(path: workspace.url.appendingPathComponent(database).path)
        return try queue.read { db in try String.fetchAll(db, sql: "SELECT status FROM run ORDER BY id") }
    }

    static func integrity(_ workspace: Workspace, database: String = "runs.sqlite") throws -> String? {
        let queue = try DatabaseQueue(path: workspace.url.appendingPathComponent(database).path)
        return try queue.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
    }

    @Test func fourConcurrentRunsOnOneDatabaseAllComplete() throws {
        let workspace = try Self.workspace()
        let processes = try (1...4).map { index in
            try Dietaudit.start(
                ["run", "planted.yaml", "--db", "runs.sqlite", "--out", "out\(index)", "--quiet"], in: workspace.url)
        }
        let results = processes.map { $0.finish() }
        for result in results {
            #expect(result.exitCode == 0, "\(result.standardError)")
            #expect(!result.standardError.contains("locked"), "\(result.standardError)")
        }
        #expect(try Self.rawStatuses(workspace) == Array(repeating: "complete", count: 4))
        #expect(try Self.integrity(workspace) == "ok")
    }

    @Test(arguments: ["before-training", "training", "writing-results"])
    func killedRunNeverReadsAsAVerdict(stage: String) throws {
        let workspace = try Self.workspace()
        let complete = try Dietaudit.run(["run", "planted.yaml", "--db", "runs.sqlite", "--quiet"], in: workspace.url)
        #expect(complete.exitCode == 0, "\(complete.standardError)")

        // --no-reuse: the victim must train (the first run stored its training).
        let victim = try Dietaudit.start(
            ["run", "planted.yaml", "--db", "runs.sqlite", "--json", "victim.json", "--quiet", "--no-reuse"],
            in: workspace.url,
            environment: ["DIETAUDIT_TEST_PAUSE_AT": stage])
        let paused = victim.waitForStandardError(containing: "paused at \(stage)", timeout: 120)
        #expect(paused, "the run never reached \(stage)")
        kill(victim.process.processIdentifier, SIGKILL)
        let killed = victim.finish()
        #expect(killed.exitCode == SIGKILL)
        #expect(!workspace.exists("victim.json"))

        // Before anyone opens it with DietAudit, the row still says running, never complete.
        #expect(try Self.rawStatuses(workspace) == ["complete", "running"])
        #expect(try Self.integrity(workspace) == "ok")

        let show = try Dietaudit.run(["show", "latest", "--db", "runs.sqlite"], in: workspace.url)
        #expect(show.exitCode == 3, "\(show.standardError)")
        #expect(show.standardOutput.contains("status          abandoned"), "\(show.standardOutput)")
        #expect(show.standardError.contains("run 2 (planted) is abandoned, not complete, so it has no verdict"))
        #expect(show.standardError.contains("pid \(victim.process.processIdentifier)"))
        #expect(try Self.rawStatuses(workspace) == ["complete", "abandoned"])

        let report = try Dietaudit.run(
            ["report", "latest", "--db", "runs.sqlite", "--out", "out", "--json", "r.json", "--junit", "r.xml"],
            in: workspace.url)
        #expect(report.exitCode == 3)
        #expect(!report.standardOutput.contains("verdict"))
        #expect(report.standardError.contains("abandoned"))
        let json = try JSONSerialization.jsonObject(with: Data(try workspace.read("r.json").utf8)) as? [String: Any]
        let gate = try #require(json?["gate"] as? [String: Any])
        #expect(gate["passed"] as? Bool == false)
        #expect(gate["verdict"] is NSNull)
        #expect((json?["run"] as? [String: Any])?["status"] as? String == "abandoned")
        let junit = try workspace.read("r.xml")
        #expect(junit.contains("errors=\"1\"") && junit.contains("<error type=\"abandoned\""))
        #expect(try workspace.read("out/planted.md").contains("**Verdict: none**"))

        // The complete run before it still reports normally.
        let first = try Dietaudit.run(["report", "1", "--db", "runs.sqlite", "--out", "out"], in: workspace.url)
        #expect(first.exitCode == 0 && first.standardOutput.hasPrefix("run 1: verdict "))
        #expect(first.standardOutput.contains(", gate passed (fail-on fail; findings: 0 fail,"))
        let firstShow = try Dietaudit.run(["show", "1", "--db", "runs.sqlite"], in: workspace.url)
        #expect(firstShow.exitCode == 0)
        #expect(
            firstShow.standardOutput.contains("(gate passed, fail-on fail)"),
            "\(firstShow.standardOutput)")
    }

    @Test func divergentTrainingIsBadInputAndFailsTheRun() throws {
        let workspace = try Self.workspace()
        let spec = Self.trainingSpec
            .replacingOccurrences(of: "model: {kind: softmax}", with: "model: {kind: mlp, hidden: [32, 32]}")
            .replacingOccurrences(
                of: "training: {epochs: 3, seeds: 2, batch_size: 32}",
                with: "training: {epochs: 3, seeds: 2, batch_size: 32, optimizer: {kind: sgd, learning_rate: 100000}}")
        try workspace.write(spec, to: "divergent.yaml")
        let result = try Dietaudit.run(
            ["run", "divergent.yaml", "--db", "runs.sqlite", "--json", "d.json", "--quiet"], in: workspace.url)
        #expect(result.exitCode == 2, "\(result.standardError)")
        #expect(result.standardError.hasPrefix("error: training diverged: "), "\(result.standardError)")
        for key in ["training.optimizer.learning_rate", "dataset.scaling", "training.epochs", "seed "] {
            #expect(result.standardError.contains(key), "\(key) missing from \(result.standardError)")
        }
        #expect(!result.standardError.contains("Fatal error"))
        #expect(!workspace.exists("d.json"))
        #expect(try Self.rawStatuses(workspace) == ["failed"])
        let show = try Dietaudit.run(["show", "latest", "--db", "runs.sqlite"], in: workspace.url)
        #expect(show.exitCode == 3)
        #expect(show.standardError.contains("it failed: training diverged"))
    }

    /// Imported scores need no scoring model, so the first training is the
    /// error-risk retraining: it diverges and says so.
    @Test func divergentRetrainingIsBadInputToo() throws {
        let workspace = try Self.workspace()
        let spec = Self.trainingSpec
            .replacingOccurrences(of: "  - {kind: el2n, epoch: 1}\n", with: "")
            .replacingOccurrences(of: "model: {kind: softmax}", with: "model: {kind: mlp, hidden: [32, 32]}")
            .replacingOccurrences(
                of: "training: {epochs: 3, seeds: 2, batch_size: 32}",
                with: "training: {epochs: 3, seeds: 2, batch_size: 32, optimizer: {kind: sgd, learning_rate: 100000}}")
        try workspace.write(spec, to: "divergent.yaml")
        let result = try Dietaudit.run(["run", "divergent.yaml", "--db", "runs.sqlite", "--quiet"], in: workspace.url)
        #expect(result.exitCode == 2, "\(result.standardError)")
        #expect(result.standardError.contains("(error-risk retraining on "), "\(result.standardError)")
        #expect(result.standardError.contains("training.optimizer.learning_rate"))
        #expect(try Self.rawStatuses(workspace) == ["failed"])
    }
}

/// A `dietaudit` process started in the background.
final class RunningCommand: @unchecked Sendable {
    let process: Process
    private let lock = NSLock()
    private var output = Data(), errorOutput = Data()
    private let readers = DispatchGroup()

    init(process: Process, output: Pipe, error: Pipe) {
        self.process = process
        for (pipe, isError) in [(output, false), (error, true)] {
            readers.enter()
            DispatchQueue.global().async {
                while true {
                    let chunk = pipe.fileHandleForReading.availableData
                    if chunk.isEmpty { break }
                    self.lock.lock()
                    if isError { self.errorOutput.append(chunk) } else { self.output.append(chunk) }
                    self.lock.unlock()
                }
                self.readers.leave()
            }
        }
    }

    /// Waits until stderr contains `text` (true) or the process ends or `timeout` seconds pass (false).
    func waitForStandardError(containing text: String, timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            lock.lock()
            let seen = String(decoding: errorOutput, as: UTF8.self).contains(text)
            lock.unlock()
            if seen { return true }
            if !process.isRunning { return false }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    /// Waits for the process to end and returns what it wrote.
    func finish() -> CommandResult {
        process.waitUntilExit()
        readers.wait()
        lock.lock()
        defer { lock.unlock() }
        return CommandResult(
            exitCode: process.terminationStatus, standardOutput: String(decoding: output, as: UTF8.self),
            standardError: String(decoding: errorOutput, as: UTF8.self))
    }
}

extension Dietaudit {
    /// Starts `dietaudit` with `arguments` in `directory` without waiting for it.
    static func start(
        _ arguments: [String], in directory: URL, environment extra: [String: String] = [:]
    ) throws -> RunningCommand {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "100"
        environment.merge(extra) { $1 }
        process.environment = environment
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        return RunningCommand(process: process, output: output, error: error)
    }
}
