import Datasets
import DietAuditCore
import Scoring

extension AuditRunner {
    /// The computed scores of an audit-only spec, from its `training_records`:
    /// opens the records, lines their rows up with the training examples
    /// (``joinTrainingRecordRows(_:trainIds:datasetIds:records:)``), checks the
    /// class count and the requested epochs, then scores them
    /// (``scoreTrainingRecords(_:source:kind:exampleOfRow:labels:memoryLimit:progress:)``).
    /// Everything is read before the database is opened. Returns the scores
    /// and a note for the report saying where they come from.
    /// - Throws: ``InputError`` (exit 2) at the key or file concerned.
    func scoresFromTrainingRecords(
        _ spec: AuditSpec, records: TrainingRecordsSpec, data: PreparedDataset, datasetIds: Set<String>
    ) throws -> (scores: [ScoreResult], note: String?) {
        let specs = spec.scores.compactMap { request -> ScoreSpec? in
            if case .computed(let scoreSpec) = request { return scoreSpec }
            return nil
        }
        guard !specs.isEmpty else { return ([], nil) }
        progress.begin("reading \(records.displayPath)")
        let (source, kind) = try openTrainingRecords(records)
        let classNames = data.classNames
        guard source.classCount == classNames.count else {
            throw InputError(
                "the records hold \(source.classCount) class\(source.classCount == 1 ? "" : "es") per example, but "
                    + "the label has \(classNames.count) (in DietAudit's class order: "
                    + "\(listForMessage(classNames))); output k must be the score of the k-th of these classes",
                at: SourceLocation(file: records.displayPath))
        }
        try checkRecordEpochs(specs, epochs: source.epochs, records: records, classCount: source.classCount)
        let exampleOfRow = try joinTrainingRecordRows(
            source, trainIds: data.train.ids, datasetIds: datasetIds, records: records)
        let scores = try scoreTrainingRecords(
            specs, source: source, kind: kind, exampleOfRow: exampleOfRow, labels: data.train.labels,
            memoryLimit: try MemoryLimit.fromEnvironment(), progress: progress)
        let epochs = source.epochs.isEmpty ? "no epoch" : "epochs \(source.epochs.first!)–\(source.epochs.last!)"
        let note =
            "Scores \(specs.map(\.name).joined(separator: ", ")) were computed from the imported training records "
            + "\(records.displayPath) (\(source.seedCount) seed\(source.seedCount == 1 ? "" : "s"), \(epochs), "
            + "\(kind.rawValue)) by the code that scores DietAudit's own training; forgetting and aum count each "
            + "recorded epoch as one presentation of every example."
        return (scores, note)
    }

    /// The source of `records` and what its values are.
    func openTrainingRecords(_ records: TrainingRecordsSpec) throws -> (TrainingRecordSource, ClassOutputKind) {
        switch records.format {
        case .npy:
            let ids = try records.idsPath.map {
                try readNPYIds(path: $0, displayPath: records.idsDisplayPath ?? $0)
            }
            let source = try MappedNPYTrainingRecords(
                path: records.path, displayPath: records.displayPath, firstEpoch: records.firstEpoch, ids: ids)
            if let ids, ids.count != source.rowCount {
                throw InputError(
                    "\(records.idsDisplayPath ?? "ids") holds \(ids.count) ids but the records hold "
                        + "\(source.rowCount) examples (axis 2); expected one id per example",
                    at: records.keyLocations["ids"] ?? records.location)
            }
            return (source, records.values ?? .logits)
        case .csv:
            let source = try CSVTrainingRecords(path: records.path, displayPath: records.displayPath)
            let kind: ClassOutputKind = source.holdsLogits ? .logits : .probabilities
            if let declared = records.values, declared != kind {
                throw InputError(
                    "values: \(declared.rawValue), but \(records.displayPath) has "
                        + "\(source.holdsLogits ? "logit_" : "prob_") columns; make them agree",
                    at: records.keyLocations["values"] ?? records.location)
            }
            return (source, kind)
        }
    }

    /// Refuses epoch-indexed scores at an epoch the records do not hold, and
    /// whole-run scores without an epoch after training began.
    func checkRecordEpochs(
        _ specs: [ScoreSpec], epochs: [Int], records: TrainingRecordsSpec, classCount: Int
    ) throws {
        let held = epochs.isEmpty ? "no epoch" : "epochs \(epochs.first!)…\(epochs.last!)"
        for spec in specs {
            let location = records.scoreLocations[spec.name] ?? records.location
            if let epoch = spec.epoch, !epochs.contains(epoch) {
                let hint =
                    epoch == 0 && epochs.first == 1
                    ? "; if the first slab was taken at initialisation, add first_epoch: 0 to training_records" : ""
                throw InputError(
                    "score \(spec.name) needs the outputs after epoch \(epoch), but \(records.displayPath) holds "
                        + "\(held)\(hint)",
                    at: location)
            }
            if spec.epoch == nil, !epochs.contains(where: { $0 >= 1 }) {
                throw InputError(
                    "score \(spec.name) is measured over the training epochs, but \(records.displayPath) holds "
                        + "\(held); expected at least one epoch after initialisation",
                    at: location)
            }
            let comparesClasses: Bool
            if case .margin = spec.kind { comparesClasses = true } else { comparesClasses = spec.kind == .aum }
            if comparesClasses && classCount < 2 {
                throw InputError(
                    "score \(spec.name) compares the true class with the others; expected at least 2 classes",
                    at: location)
            }
        }
    }
}
