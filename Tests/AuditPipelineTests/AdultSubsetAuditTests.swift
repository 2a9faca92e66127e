import Foundation
import Testing

@testable import AuditPipeline
@testable import Storage

/// The shipped `audits/adult.yaml` on the first 1,200 training and 500 test
/// rows of the bundled Adult files, with fewer epochs and seeds so it runs in
/// seconds (the full audit takes minutes: see the README). Everything else is
/// the shipped spec: attributes sex, race and age (quartile bins), remedies
/// listed, retraining on. Known properties checked: `group_balanced` keeps
/// every sex, race and age group's share (retention ratio 1 up to rounding);
/// every plan of the spec is audited and retrained; a second run trains nothing.
@Suite struct AdultSubsetAuditTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The first `rows` data lines of a bundled Adult file, with its header.
    static func head(_ file: String, rows: Int) throws -> String {
        // Rows are under 200 bytes: read only the start of the file.
        let handle = try FileHandle(forReadingFrom: root.appendingPathComponent("datasets/adult/\(file)"))
        defer { try? handle.close() }
        let start = try handle.read(upToCount: (rows + 1) * 200) ?? Data()
        let lines = String(decoding: start, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        return lines.prefix(rows + 1).joined(separator: "\n") + "\n"
    }

    @Test func shippedSpecOnASubsetRunsWithRemediesAndReuses() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dietaudit-adult-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.head("adult_train.csv", rows: 1200).write(
            to: folder.appendingPathComponent("train.csv"), atomically: true, encoding: .utf8)
        try Self.head("adult_test.csv", rows: 500).write(
            to: folder.appendingPathComponent("test.csv"), atomically: true, encoding: .utf8)
        var spec = try String(contentsOf: Self.root.appendingPathComponent("audits/adult.yaml"), encoding: .utf8)
        let replacements = [
            ("../datasets/adult/adult_train.csv", "train.csv"), ("../datasets/adult/adult_test.csv", "test.csv"),
            ("epochs: 10", "epochs: 2"), ("retrain: {seeds: 3}", "retrain: {seeds: 1}"), ("seeds: 3", "seeds: 1"),
            ("../rulesets/default.yaml", Self.root.appendingPathComponent("rulesets/default.yaml").path),
        ]
        for (old, new) in replacements {
            #expect(spec.contains(old), "audits/adult.yaml no longer holds \(old)")
            spec = spec.replacingOccurrences(of: old, with: new)
        }
        let specPath = folder.appendingPathComponent("adult.yaml").path
        try spec.write(toFile: specPath, atomically: true, encoding: .utf8)
        var options = RunOptions()
        options.databasePath = folder.appendingPathComponent("runs.sqlite").path
        options.outputDirectory = folder.path
        options.failOn = nil
        let first = try AuditDatabase(path: options.databasePath).loadRun(
            id: try AuditRunner().run(specPath: specPath, options: options).runId)

        let groupings = Dictionary(uniqueKeysWithValues: first.run.dataset.groupings.map { ($0.name, $0) })
        #expect(groupings["sex"]?.groups.sorted() == ["Female", "Male"])
        #expect(groupings["age"]?.groups.count == 4)
        #expect((groupings["race"]?.groups.count ?? 0) >= 4)
        #expect(first.run.dataset.trainCount == 1200 && first.run.dataset.testCount == 500)

        // 3 scores × 5 score-based policies × 2 fractions, and random at each fraction.
        #expect(first.plans.count == 3 * 5 * 2 + 2)
        for attribute in ["sex", "race", "age"] {
            let balanced = first.composition.filter {
                $0.policy == "group_balanced" && $0.attribute == attribute && $0.n >= 40
            }
            #expect(!balanced.isEmpty)
            for row in balanced {
                // Same fraction in every cell: a group's retention moves only by rounding of its cells.
                #expect(abs((row.retentionRatio ?? 0) - 1) < 0.05, "\(row.score ?? "") \(attribute) \(row.group)")
            }
        }
        let retrainedPolicies = Set(first.errorRisk.rows.map(\.policy))
        #expect(retrainedPolicies.isSuperset(of: ["full", "keep_hard", "group_balanced", "quota", "random"]))

        // The same audit again: nothing trained, the same error risk.
        let second = try AuditDatabase(path: options.databasePath).loadRun(
            id: try AuditRunner().run(specPath: specPath, options: options).runId)
        let reuse = try #require(second.run.settings.reuse)
        #expect(reuse.scoringSeedsReused == 1 && reuse.retrainedModelsReused == reuse.retrainedModels)
        #expect(second.errorRisk.rows == first.errorRisk.rows)
        #expect(second.recommendations == first.recommendations)
    }
}
