import DietAuditCore
import Foundation
import Rules
import Storage

/// `dietaudit runs`: one line per stored run, newest first, as an aligned
/// plain-text table whose first column is the run id.
public enum RunsTable {
    public static func render(_ runs: [RunRecord]) -> String {
        guard !runs.isEmpty else { return "No runs stored yet. Start one with: dietaudit run SPEC\n" }
        let header = ["id", "audit", "status", "gate", "started (UTC)", "train", "data sha256"]
        let rows = runs.map { run -> [String] in
            let gate = run.status != .complete ? "—" : (run.gatePassed == true ? "passed" : "failed")
            return [
                String(run.id ?? 0), run.audit, run.status.rawValue, gate, Timestamp.iso8601(run.startedAt),
                String(run.dataset.trainCount), String(run.dataSha256.prefix(12)),
            ]
        }
        let widths = header.indices.map { column in
            ([header[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}
