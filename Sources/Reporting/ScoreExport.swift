import Foundation
import Scoring
import Storage

/// `dietaudit export scores`: every training example's id, label, the
/// seed-averaged value of each score, then the per-seed values, as CSV
/// (RFC 4180 quoting), so a team can prune with exactly the audited scores.
///
/// Columns: `id`, `label`, one per score named as in the JSON (`el2n@2`),
/// then one per (score, seed) named `<score>#<seed>` where `<seed>` is the
/// seed value used for that training run (base seed + k, wrapping at 2⁶⁴ like
/// the seeds themselves). Scores that do not
/// depend on a seed (`input_norm`, imported scores) have no per-seed columns.
/// The file is written a chunk of 65,536 examples at a time
/// (``AuditDatabase/forEachExampleChunk(runId:chunkSize:_:)``), so memory
/// stays the same whatever the run's size.
public enum ScoreExport {
    /// Hands the CSV text to `write` piece by piece: the header line, then one
    /// piece per chunk of examples.
    public static func write(
        _ stored: StoredRun, database: AuditDatabase, chunkSize: Int = 65_536, to write: (String) throws -> Void
    ) throws {
        try self.write(run: stored.run, scores: stored.scores, database: database, chunkSize: chunkSize, to: write)
    }

    /// ``write(_:database:chunkSize:to:)`` from the run's record and its
    /// scores' names, kinds and seed counts alone (``AuditDatabase/scoreHeaders(runId:)``):
    /// nothing of the run is held whole, so memory does not grow with its size.
    public static func write(
        run: RunRecord, scores: [ScoreRow], database: AuditDatabase, chunkSize: Int = 65_536,
        to write: (String) throws -> Void
    ) throws {
        let unseededKinds = [ScoreSpec(kind: .inputNorm).name, ScoreResult.importedKind]
        let seeded = scores.map { !unseededKinds.contains($0.kind) }
        var header = ["id", "label"] + scores.map(\.name)
        for (score, isSeeded) in zip(scores, seeded) where isSeeded {
            header += (0..<score.seeds).map { "\(score.name)#\(UInt64(bitPattern: run.seed) &+ UInt64($0))" }
        }
        try write(header.map(quote).joined(separator: ",") + "\n")
        try database.forEachExampleChunk(runId: run.id ?? 0, chunkSize: chunkSize) { chunk in
            var text = ""
            for row in chunk.ids.indices {
                var fields = [quote(chunk.ids[row]), quote(chunk.labels[row])]
                fields += chunk.means.map { format($0[row]) }
                for (index, isSeeded) in seeded.enumerated() where isSeeded {
                    let seeds = chunk.perSeed[index]
                    fields += seeds.isEmpty ? [format(chunk.means[index][row])] : seeds.map { format($0[row]) }
                }
                text += fields.joined(separator: ",")
                text += "\n"
            }
            try write(text)
        }
    }

    /// The whole export as one string (small runs and tests).
    public static func csv(_ stored: StoredRun, database: AuditDatabase) throws -> String {
        var text = ""
        try write(stored, database: database) { text += $0 }
        return text
    }

    static func format(_ value: Double) -> String {
        value.isFinite ? "\(value)" : ""
    }

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension ScoreExport {
    /// One audit-spec `scores:` entry per exported score that reads its
    /// seed-averaged column back with the score's direction, so a re-import
    /// removes the same ends as the audit did, e.g.
    /// `{kind: imported, path: "s.csv", column: "aum", id_column: id, higher_is: easier}`.
    /// - Parameter csvPath: the CSV path as the spec will name it.
    public static func reimportEntries(_ stored: StoredRun, csvPath: String) -> [String] {
        reimportEntries(scores: stored.scores, csvPath: csvPath)
    }

    /// ``reimportEntries(_:csvPath:)`` from the scores alone.
    public static func reimportEntries(scores: [ScoreRow], csvPath: String) -> [String] {
        scores.map { score in
            "{kind: imported, path: \(yamlQuoted(csvPath)), column: \(yamlQuoted(score.name)), id_column: id, "
                + "higher_is: \(score.direction.rawValue)}"
        }
    }

    /// A YAML double-quoted scalar (backslash and double quote escaped).
    static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
