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
    ) throws -> (scores: [ScoreResult], note: String?, description: String?) {
        let specs = spec.scores.compactMap { request -> ScoreSpec? in
            if case .computed(let scoreSpec) = request { return scoreSpec }
            return nil
        }
        guard !specs.isEmpty else { return ([], nil, nil) }
        progress.begin("reading \(records.displayPath)")
        let main = try openTrainingRecord(
            path: records.path, displayPath: records.displayPath, firstEpoch: records.firstEpoch, records: records,
            data: data, datasetIds: datasetIds)
        let presentations = try records.presentationsPath.map { path in
            try openTrainingRecord(
                path: path, displayPath: records.presentationsDisplayPath ?? path, firstEpoch: 1, records: records,
                data: data, datasetIds: datasetIds)
        }
        if let presentations {
            try checkPresentations(presentations.source, against: main.source, records: records)
        }
        try checkRecordEpochs(
            specs, epochs: main.source.epochs, presentationEpochs: presentations?.source.epochs, records: records,
            classCount: main.source.classCount)
        let scores = try scoreTrainingRecords(
            specs, records: main, presentations: presentations, labels: data.train.labels,
            memoryLimit: try MemoryLimit.fromEnvironment(), progress: progress)
        let source = main.source
        let epochs = source.epochs.isEmpty ? "no epoch" : "epochs \(source.epochs.first!)–\(source.epochs.last!)"
        let readBy =
            presentations == nil
            ? "forgetting and aum count each recorded epoch as one presentation of every example"
            : "forgetting and aum read the presentations in \(records.presentationsDisplayPath ?? "")"
        let description =
            "\(records.displayPath) (\(source.seedCount) seed\(source.seedCount == 1 ? "" : "s"), \(epochs), "
            + "\(main.kind.rawValue)"
            + (records.presentationsDisplayPath.map { "; presentations \($0)" } ?? "") + ")"
        let note =
            "Scores \(specs.map(\.name).joined(separator: ", ")) were computed from the imported training records "
            + "\(description) by the code that scores DietAudit's own training; \(readBy)."
        return (scores, note, description)
    }

    /// Opens one record file, checks its class count and lines its rows up
    /// with the training examples.
    func openTrainingRecord(
        path: String, displayPath: String, firstEpoch: Int, records: TrainingRecordsSpec, data: PreparedDataset,
        datasetIds: Set<String>
    ) throws -> JoinedTrainingRecord {
        let source: TrainingRecordSource, kind: ClassOutputKind
        switch records.format {
        case .npy:
            let ids = try records.idsPath.map {
                try readNPYIds(path: $0, displayPath: records.idsDisplayPath ?? $0)
            }
            source = try MappedNPYTrainingRecords(
                path: path, displayPath: displayPath, firstEpoch: firstEpoch, ids: ids)
            if let ids, ids.count != source.rowCount {
                throw InputError(
                    "\(records.idsDisplayPath ?? "ids") holds \(ids.count) ids but \(displayPath) holds "
                        + "\(source.rowCount) examples (axis 2); expected one id per example",
                    at: records.keyLocations["ids"] ?? records.location)
            }
            kind = records.values ?? .logits
        case .csv:
            let csv = try CSVTrainingRecords(path: path, displayPath: displayPath)
            (source, kind) = (csv, csv.holdsLogits ? .logits : .probabilities)
            if let declared = records.values, declared != kind {
                throw InputError(
                    "values: \(declared.rawValue), but \(displayPath) has "
                        + "\(csv.holdsLogits ? "logit_" : "prob_") columns; make them agree",
                    at: records.keyLocations["values"] ?? records.location)
            }
        }
        let classNames = data.classNames
        guard source.classCount == classNames.count else {
            throw InputError(
                "the records hold \(source.classCount) class\(source.classCount == 1 ? "" : "es") per example, but "
                    + "the label has \(classNames.count) (in DietAudit's class order: "
                    + "\(listForMessage(classNames))); output k must be the score of the k-th of these classes",
                at: SourceLocation(file: displayPath))
        }
        let exampleOfRow = try joinTrainingRecordRows(
            source, trainIds: Array(data.train.ids), datasetIds: datasetIds, records: records)
        return JoinedTrainingRecord(source: source, kind: kind, exampleOfRow: exampleOfRow)
    }

    /// The presentations must come from the same seeds, from epoch 1 on.
    func checkPresentations(
        _ presentations: TrainingRecordSource, against main: TrainingRecordSource, records: TrainingRecordsSpec
    ) throws {
        let location = records.keyLocations["presentations"] ?? records.location
        guard presentations.seedCount == main.seedCount else {
            throw InputError(
                "\(presentations.displayPath) holds \(presentations.seedCount) seeds but \(main.displayPath) "
                    + "holds \(main.seedCount); the presentations must come from the same training runs",
                at: location)
        }
        guard presentations.epochs.first == 1 else {
            let first = presentations.epochs.first.map(String.init) ?? "none"
            throw InputError(
                "\(presentations.displayPath) starts at epoch \(first); presentations happen in epochs 1…E "
                    + "(there is none at initialisation)",
                at: location)
        }
    }

    /// Refuses epoch-indexed scores at an epoch the records do not hold, and
    /// whole-run scores without an epoch after training began.
    func checkRecordEpochs(
        _ specs: [ScoreSpec], epochs: [Int], presentationEpochs: [Int]?, records: TrainingRecordsSpec,
        classCount: Int
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
            let readsPresentations = spec.kind == .forgetting || spec.kind == .aum
            let wholeRunEpochs = readsPresentations ? presentationEpochs ?? epochs : epochs
            if spec.epoch == nil, !wholeRunEpochs.contains(where: { $0 >= 1 }) {
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
