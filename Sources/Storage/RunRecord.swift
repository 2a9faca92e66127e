import Foundation
import GRDB

/// One audit run (table `run`): identity, provenance, status and the
/// summaries a report needs. Every other table refers to it by `run_id`.
public struct RunRecord: Sendable, Codable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "run"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    /// The database id, also the run id users type (`dietaudit report 3`).
    public var id: Int64?
    public var audit: String
    public var status: RunStatus
    public var startedAt: Date
    public var finishedAt: Date?
    public var toolVersion: String
    /// SHA-256 of the data file (the training file when a test file is given).
    public var dataSha256: String
    public var testSha256: String?
    public var specSha256: String
    public var rulesetSha256: String
    public var specPath: String
    public var specText: String
    public var rulesetName: String
    public var rulesetPath: String
    public var rulesetText: String
    /// The spec's base seed, stored as the bit pattern of the `UInt64`
    /// (seeds above `Int64.max` read back negative in SQL; use
    /// `UInt64(bitPattern: seed)`).
    public var seed: Int64
    /// `--fail-on` of the run: info, warn, fail or never.
    public var failOn: String
    public var gatePassed: Bool?
    /// Why the run failed, for `failed` runs.
    public var errorMessage: String?
    /// Data summary (stored as JSON).
    public var dataset: DatasetSummary
    /// Model, training, pruning and compute settings (JSON; see ``RunSettings``).
    public var settings: RunSettings
    /// Seconds per stage (JSON).
    public var timings: [StageTiming]
    /// Host name of the machine whose process writes the run (`nil` for runs
    /// stored before liveness was recorded).
    public var host: String?
    /// Process id of the writing process.
    public var pid: Int64?
    /// Start time of the writing process (Linux: clock ticks since boot, field
    /// 22 of `/proc/<pid>/stat`), so a reused pid is not taken for it.
    public var processStartTicks: Int64?
    /// The SQL engine that ranked and counted the examples (`PostgreSQL`, or
    /// `counts table` for counts computed elsewhere); `nil` when the audit ran
    /// in memory (migration "v12: engine provenance").
    public var engine: String?
    /// The engine's version as it reports it.
    public var engineVersion: String?
    /// The table or view counted (a counts table: its file).
    public var engineTable: String?
    /// SHA-256 of the counting queries' text as run.
    public var engineQuerySha256: String?
    /// Bytes of values the engine returned.
    public var engineBytes: Int64?

    /// The process that writes (or wrote) the run, when recorded.
    public var process: RunProcess? {
        get {
            guard let host, let pid else { return nil }
            return RunProcess(host: host, pid: pid, startTicks: processStartTicks)
        }
        set {
            host = newValue?.host
            pid = newValue?.pid
            processStartTicks = newValue?.startTicks
        }
    }

    public init(
        audit: String, startedAt: Date, toolVersion: String, dataSha256: String, testSha256: String?,
        specSha256: String, rulesetSha256: String, specPath: String, specText: String, rulesetName: String,
        rulesetPath: String, rulesetText: String, seed: Int64, failOn: String, dataset: DatasetSummary,
        settings: RunSettings
    ) {
        self.audit = audit
        self.status = .running
        self.startedAt = startedAt
        self.toolVersion = toolVersion
        self.dataSha256 = dataSha256
        self.testSha256 = testSha256
        self.specSha256 = specSha256
        self.rulesetSha256 = rulesetSha256
        self.specPath = specPath
        self.specText = specText
        self.rulesetName = rulesetName
        self.rulesetPath = rulesetPath
        self.rulesetText = rulesetText
        self.seed = seed
        self.failOn = failOn
        self.dataset = dataset
        self.settings = settings
        self.timings = []
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
