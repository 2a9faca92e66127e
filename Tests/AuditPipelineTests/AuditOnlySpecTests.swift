import Foundation
import Testing

@testable import AuditPipeline
@testable import DietAuditCore

/// What makes a spec audit-only, and what an audit-only spec refuses (each
/// refusal located at the key, with the reason).
@Suite struct AuditOnlySpecTests {
    let base = "audit: x\ndataset: {path: d.csv, label: y}\n"
    let imported = "scores: [{kind: imported, path: s.csv, column: score, id_column: id}]\n"

    func parse(_ text: String) throws -> AuditSpec {
        try AuditSpec.parse(text, file: "a.yaml", folder: URL(fileURLWithPath: "/specs"))
    }

    func message(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch let error as InputError {
            return error.description
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func noModelNoTrainingIsAuditOnlyWithTopLevelSeed() throws {
        let spec = try parse(base + imported + "seed: 42\n")
        #expect(spec.auditOnly)
        #expect(spec.dataset.auditOnly)
        #expect(spec.training.seed == 42)
        #expect(spec.pruning.retrainSeeds == 0)
        #expect(try parse(base + imported).training.seed == 0)
        let trained = try parse(base + imported + "training: {epochs: 2}\n")
        #expect(!trained.auditOnly)
        #expect(trained.pruning.retrainSeeds == 3)
        #expect(try !parse(base + imported + "model: {kind: softmax}\n").auditOnly)
    }

    @Test func topLevelSeedOnlyForAuditOnly() {
        let found = message(base + imported + "training: {epochs: 2}\nseed: 1\n")
        #expect(
            found?.hasPrefix("a.yaml:5:7: seed: a top-level seed is for audit-only specs") == true, "\(found ?? "")")
    }

    @Test func computedScoreNeedsModelAndTraining() {
        let found = message(
            base + "scores:\n  - {kind: imported, path: s.csv, column: a}\n  - {kind: el2n, epoch: 1}\n")
        #expect(
            found?.hasPrefix(
                "a.yaml:5:5: scores[1]: score 'el2n@1' needs model and training: this spec has no model and no "
                    + "training section, so it is audit-only") == true, "\(found ?? "")")
    }

    @Test func defaultScoresAreRefused() {
        let found = message(base)
        #expect(found?.contains("list the imported scores under scores") == true, "\(found ?? "")")
    }

    @Test func testSplitIsRefused() {
        let found = message(
            "audit: x\ndataset: {path: d.csv, label: y, test: {fraction: 0.2}}\n" + imported)
        #expect(found?.hasPrefix("a.yaml:2:40: dataset.test: this spec has no model") == true, "\(found ?? "nil")")
        #expect(found?.contains("no test split is needed") == true)
    }

    @Test func retrainingIsRefusedButZeroSeedsAllowed() throws {
        let found = message(base + imported + "pruning: {retrain: {seeds: 2}}\n")
        #expect(
            found?.hasPrefix("a.yaml:4:28: pruning.retrain.seeds: pruning.retrain.seeds: 2 retrains") == true,
            "\(found ?? "")")
        #expect(try parse(base + imported + "pruning: {retrain: {seeds: 0}}\n").pruning.retrainSeeds == 0)
    }

    @Test func quotaIsRefused() {
        for policy in ["quota", "{policy: quota}"] {
            let found = message(base + imported + "pruning: {policies: [keep_hard, \(policy)]}\n")
            #expect(
                found?.contains("policy quota sets class quotas from the scoring models' recall") == true,
                "\(found ?? "")")
            #expect(found?.hasPrefix("a.yaml:4:") == true)
        }
    }

    @Test func npyEntriesTakeNameAndIds() throws {
        let spec = try parse(
            base + """
                scores:
                  - {kind: imported, path: clip.npy, name: clip_score, ids: ids.npy, higher_is: easier}
                  - {kind: imported, path: s.csv, column: score, on_missing: drop}
                """)
        guard case .imported(let npy) = spec.scores[0], case .imported(let csv) = spec.scores[1] else {
            Issue.record("expected imported scores")
            return
        }
        #expect(npy.name == "imported:clip_score")
        #expect(npy.source == .npy(name: "clip_score", idsPath: "/specs/ids.npy", idsDisplayPath: "ids.npy"))
        #expect(npy.higherIs == .easier)
        #expect(npy.onMissing == .error)
        #expect(csv.name == "imported:score")
        #expect(csv.onMissing == .drop)
        #expect(csv.location.line == 5)
    }

    @Test func keysOfTheOtherFormatAreRefused() {
        let npy = message(base + "scores: [{kind: imported, path: c.npy, name: c, column: x}]\n")
        #expect(
            npy?.hasPrefix("a.yaml:3:49: scores[0].column: 'column' does not apply to c.npy") == true, "\(npy ?? "")")
        let csv = message(base + "scores: [{kind: imported, path: c.csv, column: c, ids: i.npy}]\n")
        #expect(csv?.contains("'ids' does not apply to c.csv") == true, "\(csv ?? "")")
        let onMissing = message(base + "scores: [{kind: imported, path: c.csv, column: c, on_missing: skip}]\n")
        #expect(onMissing?.contains("expected one of 'error', 'drop'") == true, "\(onMissing ?? "")")
    }
}
