import DietAuditCore
import DietAuditTestSupport
import Foundation
import Scoring
import Testing

@testable import AuditPipeline

/// `training_records` in audit-only specs: parsing, refusals at the key, the
/// join on ids, and the located errors of records that do not fit.
@Suite struct TrainingRecordSpecTests {
    let scores = """
        scores:
          - {kind: el2n, epoch: 0}
          - {kind: el2n, epoch: 2}
          - {kind: loss, epoch: 1}
          - {kind: margin, epoch: 3}
          - {kind: forgetting}
          - {kind: aum}
          - {kind: confidence}
          - {kind: variability}

        """

    /// A folder with `data.csv` (ids e1…e5, labels a/b/c, attribute g) and
    /// the hand records as `records.npy`.
    func folder(rows: [(String, String)]? = nil) throws -> URL {
        let folder = try TrainingRecordTests.folder()
        let pairs = rows ?? Array(zip(HandRecords.ids, HandRecords.labelNames))
        let data = "id,y,g\n" + pairs.enumerated().map { "\($1.0),\($1.1),\($0 % 2 == 0 ? "x" : "z")\n" }.joined()
        try data.write(to: folder.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        return folder
    }

    func spec(_ folder: URL, _ text: String) throws -> String {
        let path = folder.appendingPathComponent("audit.yaml")
        let header = "audit: records\ndataset: {path: data.csv, label: y, id: id, attributes: [g]}\n"
        try (header + text).write(to: path, atomically: true, encoding: .utf8)
        return path.path
    }

    @Test func npyRecordsWithoutIdsFollowTheRows() throws {
        let folder = try folder()
        let path = try spec(folder, "training_records: {path: records.npy, first_epoch: 0}\n" + scores)
        let inputs = try AuditRunner().checkInputs(specPath: path)
        let results = try #require(inputs.recordScores)
        TrainingRecordTests.expectReference(results, tolerance: 1e-12)
        #expect(
            inputs.data.notes.contains { $0.contains("imported training records records.npy (2 seeds, epochs 0–3") })
        #expect(inputs.spec.trainingRecords?.firstEpoch == 0)
        let settings = AuditRunner().settings(inputs.spec, recordsDescription: inputs.recordsDescription)
        #expect(settings.trainingRecords?.description == "records.npy (2 seeds, epochs 0–3, logits)")
        #expect(settings.trainingRecords?.scores == TrainingRecordTests.allScores.map(\.name))
    }

    /// The long CSV, lines in reverse order, ids joined to a dataset whose
    /// rows are in another order: the same scores.
    @Test func csvRecordsJoinOnIds() throws {
        let folder = try folder(rows: Array(zip(HandRecords.ids, HandRecords.labelNames).reversed()))
        var lines: [String] = []
        for (seed, epochs) in HandRecords.logits.enumerated() {
            for (epoch, rows) in epochs.enumerated() {
                for (row, values) in rows.enumerated() {
                    let numbers = values.map { "\($0)" }.joined(separator: ",")
                    lines.append("\(seed + 7),\(epoch),\(HandRecords.ids[row]),\(numbers)")
                }
            }
        }
        let csv = "seed,epoch,id,logit_0,logit_1,logit_2\n" + lines.reversed().joined(separator: "\n") + "\n"
        try csv.write(to: folder.appendingPathComponent("records.csv"), atomically: true, encoding: .utf8)
        let path = try spec(folder, "training_records: {path: records.csv, values: logits}\n" + scores)
        let inputs = try AuditRunner().checkInputs(specPath: path)
        let results = try #require(inputs.recordScores)
        let byId = Dictionary(uniqueKeysWithValues: inputs.data.train.ids.enumerated().map { ($1, $0) })
        let reordered = results.map { result in
            ScoreResult(
                name: result.name, kind: result.kind, epoch: result.epoch,
                perSeed: result.perSeed.map { row in HandRecords.ids.map { row[byId[$0]!] } })
        }
        TrainingRecordTests.expectReference(reordered, tolerance: 1e-12)
    }

    @Test func recordsRefuseGrandInputNormAndTrainingSpecs() throws {
        let folder = try folder()
        let records = "training_records: {path: records.npy}\n"
        let grand = message {
            _ = try AuditSpec.load(fileAt: try spec(folder, records + "scores: [{kind: el2n}, {kind: grand}]\n"))
        }
        #expect(grand.contains("audit.yaml:4"))
        #expect(grand.contains("score 'grand@0' cannot be computed from training records"))
        let norm = message {
            _ = try AuditSpec.load(fileAt: try spec(folder, records + "scores: [{kind: input_norm}]\n"))
        }
        #expect(norm.contains("needs the encoded input features"))
        let trains = message {
            _ = try AuditSpec.load(
                fileAt: try spec(folder, records + "training: {epochs: 2}\nscores: [{kind: el2n}]\n"))
        }
        #expect(trains.contains("audit.yaml:3"))
        #expect(trains.contains("training_records are for audit-only specs"))
        let csvIds = message {
            _ = try AuditSpec.load(
                fileAt: try spec(folder, "training_records: {path: r.csv, ids: i.npy}\nscores: [{kind: aum}]\n"))
        }
        #expect(csvIds.contains("'ids' does not apply to a CSV record"))
        let first = message {
            _ = try AuditSpec.load(
                fileAt: try spec(folder, "training_records: {path: r.npy, first_epoch: 2}\nscores: [{kind: aum}]\n"))
        }
        #expect(first.contains("first_epoch must be 0"))
        let noRecords = message {
            _ = try AuditSpec.load(fileAt: try spec(folder, "scores: [{kind: forgetting}]\n"))
        }
        #expect(noRecords.contains("compute it from imported training_records"))
    }

    @Test func recordsThatDoNotFitAreLocatedErrors() throws {
        let folder = try folder()
        // el2n@0 without first_epoch: 0 — the axis holds epochs 1…4.
        let epoch = message {
            _ = try AuditRunner().checkInputs(
                specPath: try spec(folder, "training_records: {path: records.npy}\nscores: [{kind: el2n, epoch: 0}]\n"))
        }
        #expect(epoch.contains("audit.yaml:4"))
        #expect(epoch.contains("holds epochs 1…4; if the first slab was taken at initialisation, add first_epoch: 0"))
        // Ids: e2 twice, e9 unknown, so e4 and e5 have no record.
        try NPYWriter.unicode(["e1", "e2", "e2", "e3", "e9"]).write(to: folder.appendingPathComponent("ids.npy"))
        let ids = message {
            _ = try AuditRunner().checkInputs(
                specPath: try spec(
                    folder, "training_records: {path: records.npy, ids: ids.npy}\nscores: [{kind: aum}]\n"))
        }
        #expect(ids.contains("audit.yaml:3"))
        #expect(ids.contains("2 training example(s) have no record (ids e4, e5)"))
        #expect(ids.contains("1 id(s) appear more than once (ids e2)"))
        #expect(ids.contains("1 id(s) are not in the dataset (ids e9)"))
        // Two classes in the data, three in the records.
        let twoClasses = try self.folder(rows: HandRecords.ids.map { ($0, $0 == "e3" ? "a" : "b") })
        let classes = message {
            _ = try AuditRunner().checkInputs(
                specPath: try spec(twoClasses, "training_records: {path: records.npy}\nscores: [{kind: aum}]\n"))
        }
        #expect(classes.contains("records.npy: the records hold 3 classes per example, but the label has 2"))
        // A NaN in seed 1, epoch 2, example e3.
        var values = HandRecords.flatLogits
        values[((1 * 4 + 2) * 5 + 2) * 3 + 1] = .nan
        try NPYWriter.float64(values, shape: HandRecords.shape).write(to: folder.appendingPathComponent("nan.npy"))
        let nan = message {
            _ = try AuditRunner().checkInputs(
                specPath: try spec(
                    folder, "training_records: {path: nan.npy, first_epoch: 0}\nscores: [{kind: el2n, epoch: 2}]\n"))
        }
        #expect(nan.contains("nan.npy: 1 value is NaN or infinite (nan.npy seed 1 epoch 2 id row 3 class 1)"))
        // A 3-D array.
        try NPYWriter.float64(Array(values.prefix(30)), shape: [2, 5, 3]).write(
            to: folder.appendingPathComponent("flat.npy"))
        let shape = message {
            _ = try AuditRunner().checkInputs(
                specPath: try spec(folder, "training_records: {path: flat.npy}\nscores: [{kind: aum}]\n"))
        }
        #expect(shape.contains("must be a 4-D array [seeds, epochs, examples, classes]; this array's shape is 2×5×3"))
    }
}
