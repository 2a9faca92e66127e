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
public enum ScoreExport {
    public static func csv(_ stored: StoredRun) -> String {
        let scores = stored.scores.map(\.result)
        let unseededKinds = [ScoreSpec(kind: .inputNorm).name, ScoreResult.importedKind]
        let seeded = scores.filter { !unseededKinds.contains($0.kind) }
        var header = ["id", "label"] + scores.map(\.name)
        for score in seeded {
            header += score.perSeed.indices.map { "\(score.name)#\(UInt64(bitPattern: stored.run.seed) &+ UInt64($0))" }
        }
        var lines = [header.map(quote).joined(separator: ",")]
        lines.reserveCapacity(stored.examples.count + 1)
        for example in stored.examples {
            let index = example.position
            var fields = [quote(example.exampleId), quote(example.label)]
            fields += scores.map { format($0.mean[index]) }
            for score in seeded { fields += score.perSeed.map { format($0[index]) } }
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
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
        stored.scores.map { score in
            "{kind: imported, path: \(yamlQuoted(csvPath)), column: \(yamlQuoted(score.name)), id_column: id, "
                + "higher_is: \(score.direction.rawValue)}"
        }
    }

    /// A YAML double-quoted scalar (backslash and double quote escaped).
    static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
