import Datasets
import DietAuditCore

extension AuditRunner {
    /// The training example of each record row, for
    /// ``scoreTrainingRecords(_:source:kind:exampleOfRow:labels:memoryLimit:progress:)``.
    ///
    /// Without ids (an NPY record without `ids`), row k is training example k
    /// and the record must hold exactly one row per training example. With ids,
    /// every training example needs exactly one record row; a record id that
    /// appears twice, or is not in the dataset at all, is a problem; a row of a
    /// dataset example that is not a training example (dropped by an imported
    /// score's `on_missing: drop`) is skipped (`-1`).
    /// - Throws: one ``InputError`` at the records entry listing every problem
    ///   with its count and up to five ids.
    func joinTrainingRecordRows(
        _ source: TrainingRecordSource, trainIds: [String], datasetIds: Set<String>, records: TrainingRecordsSpec
    ) throws -> [Int] {
        guard let ids = source.ids else {
            guard source.rowCount == trainIds.count else {
                throw InputError(
                    "the records hold \(source.rowCount) examples (axis 2) but the dataset has \(trainIds.count) "
                        + "audited rows; without ids, row k of the records must be the dataset's k-th row: give "
                        + "ids (an NPY file of ids, one per example)",
                    at: records.location)
            }
            return Array(0..<source.rowCount)
        }
        var exampleOfId = [String: Int](minimumCapacity: trainIds.count)
        for (index, id) in trainIds.enumerated() { exampleOfId[id] = index }
        var exampleOfRow = [Int](repeating: -1, count: ids.count)
        var rowOfExample = [Int](repeating: -1, count: trainIds.count)
        var duplicates = ProblemList(), unknown = ProblemList(), missing = ProblemList()
        for (row, id) in ids.enumerated() {
            guard let example = exampleOfId[id] else {
                if !datasetIds.contains(id) { unknown.note(id) }
                continue
            }
            if rowOfExample[example] >= 0 {
                duplicates.note(id)
                continue
            }
            rowOfExample[example] = row
            exampleOfRow[row] = example
        }
        for (example, row) in rowOfExample.enumerated() where row < 0 { missing.note(trainIds[example]) }
        var problems: [String] = []
        let file = source.displayPath
        if missing.count > 0 { problems.append("\(missing.count) training example(s) have no record \(missing)") }
        if duplicates.count > 0 { problems.append("\(duplicates.count) id(s) appear more than once \(duplicates)") }
        if unknown.count > 0 { problems.append("\(unknown.count) id(s) are not in the dataset \(unknown)") }
        guard problems.isEmpty else {
            throw InputError(
                "\(file) does not line up with the training examples: " + problems.joined(separator: "; "),
                at: records.location)
        }
        return exampleOfRow
    }
}

/// A counted problem with its first five ids, printed as `(ids a, b, …)`.
struct ProblemList: CustomStringConvertible {
    private(set) var count = 0
    private var examples: [String] = []

    mutating func note(_ id: String) {
        count += 1
        if examples.count < 5 { examples.append(id) }
    }

    var description: String { "(ids \(examples.joined(separator: ", "))\(count > examples.count ? ", …" : ""))" }
}
