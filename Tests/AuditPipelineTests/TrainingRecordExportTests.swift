import DietAuditCore
import Foundation
import Learning
import Scoring
import Testing

@testable import AuditPipeline

/// `exportTrainingRecords` (`dietaudit export records`): a spec's own training
/// records, imported in an audit-only spec, give the scores the spec computes.
@Suite struct TrainingRecordExportTests {
    let scores = """
        scores:
          - {kind: el2n, epoch: 2}
          - {kind: loss, epoch: 0}
          - {kind: margin, epoch: 3}
          - {kind: confidence}
          - {kind: variability}
          - {kind: forgetting}
          - {kind: aum}

        """

    /// Train and test CSVs of two noisy classes with an attribute, written to a fresh folder.
    func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var generator = SeededGenerator(seed: 3, stream: "export-records")
        for (name, rows) in [("train.csv", 90), ("test.csv", 30)] {
            var text = "x1,x2,group,label\n"
            for row in 0..<rows {
                let label = row % 2
                let x1 = Double(label) + generator.normal(), x2 = generator.normal()
                text += "\(x1),\(x2),\(row % 3 == 0 ? "p" : "q"),\(label == 0 ? "no" : "yes")\n"
            }
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func exportedRecordsReimportAsTheSpecScores() throws {
        let folder = try folder()
        let trained = folder.appendingPathComponent("trained.yaml").path
        try
            ("""
        audit: trained
        dataset: {path: train.csv, label: label, attributes: [group], test: {path: test.csv}}
        model: {kind: mlp, hidden: [6]}
        training: {epochs: 3, batch_size: 16, seeds: 2, seed: 9}

        """ + scores).write(toFile: trained, atomically: true, encoding: .utf8)
        let exported = try exportTrainingRecords(
            specPath: trained, npyPath: folder.appendingPathComponent("own.npy").path,
            idsPath: folder.appendingPathComponent("ids.npy").path,
            presentationsPath: folder.appendingPathComponent("presented.npy").path)
        #expect(
            exported
                == ExportedTrainingRecords(
                    seeds: 2, epochs: 4, examples: 90, classes: 2, specEntry: exported.specEntry))
        let imported = folder.appendingPathComponent("imported.yaml").path
        try
            ("""
        audit: imported
        dataset: {path: train.csv, label: label, attributes: [group]}
        training_records: {path: own.npy, ids: ids.npy, first_epoch: 0, presentations: presented.npy}

        """ + scores).write(toFile: imported, atomically: true, encoding: .utf8)
        let fromRecords = try #require(try AuditRunner().checkInputs(specPath: imported).recordScores)

        let inputs = try AuditRunner().checkInputs(specPath: trained)
        let features = FeatureMatrix(
            values: inputs.data.train.features, rows: inputs.data.train.count, columns: inputs.data.train.featureCount)
        let specs = inputs.spec.scores.compactMap { request -> ScoreSpec? in
            if case .computed(let spec) = request { return spec }
            return nil
        }
        let computed = try computeScores(
            specs, features: features, labels: inputs.data.train.labels, classCount: 2, model: inputs.spec.model,
            training: inputs.spec.training, progress: SilentProgress())
        #expect(fromRecords.map(\.name) == computed.map(\.name))
        for (mine, theirs) in zip(computed, fromRecords) where mine.name != "aum" {
            #expect(mine.perSeed == theirs.perSeed, "\(mine.name)")
        }
        let aum = zip(computed.last!.perSeed.joined(), fromRecords.last!.perSeed.joined())
        #expect(aum.allSatisfy { abs($0 - $1) < 1e-6 })
    }

    @Test func auditOnlySpecsHaveNoRecordsToExport() throws {
        let folder = try folder()
        let spec = folder.appendingPathComponent("a.yaml").path
        try "audit: a\ndataset: {path: train.csv, label: label}\nscores: [{kind: imported, path: s.csv, column: s}]\n"
            .write(toFile: spec, atomically: true, encoding: .utf8)
        #expect(throws: InputError.self) {
            _ = try exportTrainingRecords(
                specPath: spec, npyPath: folder.appendingPathComponent("o.npy").path,
                idsPath: folder.appendingPathComponent("i.npy").path)
        }
    }
}
