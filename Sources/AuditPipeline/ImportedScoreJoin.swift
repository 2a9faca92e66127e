import Datasets
import DietAuditCore
import Storage

/// What can go wrong when an imported score file is lined up with the
/// training examples.
enum JoinProblemKind: String, CaseIterable, Sendable {
    /// A training example's id is not in the score file.
    case missing
    /// An id occurs more than once in the score file (its training example,
    /// if any, has no single score).
    case duplicateId = "duplicate_id"
    /// An id of the score file is not a row of the dataset (ignored under `on_missing: drop`).
    case unknownId = "unknown_id"
    /// A training example's score is NaN or infinite.
    case notFinite = "not_finite"
    /// An NPY vector without ids does not have one value per dataset row
    /// (alignment is then unknown, so this is an error even under `drop`).
    case wrongLength = "wrong_length"

    /// How many examples a problem lists.
    static let exampleCount = 5

    /// The problem in words, for messages and the report.
    func describe(count: Int, examples: [String], file: String) -> String {
        let list = examples.joined(separator: ", ")
        let more = count > examples.count ? ", …" : ""
        let ids = "(ids \(list)\(more))"
        return switch self {
        case .missing: "\(count) training example\(count == 1 ? " has" : "s have") no score in \(file) \(ids)"
        case .duplicateId: "\(count) id\(count == 1 ? " appears" : "s appear") more than once in \(file) \(ids)"
        case .unknownId:
            "\(count) id\(count == 1 ? "" : "s") in \(file) \(count == 1 ? "is" : "are") not in the dataset \(ids)"
        case .notFinite: "\(count) training example\(count == 1 ? " has" : "s have") a NaN or infinite score \(ids)"
        case .wrongLength:
            "\(file) is \(count) value\(count == 1 ? "" : "s") off one per dataset row (\(list)\(more)); without "
                + "ids an NPY score must hold exactly one value per row, in file order: give ids (an NPY file of ids)"
        }
    }
}

/// One imported score lined up with the training examples.
struct JoinedScore {
    /// The score on every training example (NaN where ``affected``).
    var values: [Double]
    /// Training examples without a single finite score.
    var affected: [Bool]
    /// Every problem found, in ``JoinProblemKind`` order.
    var problems: [ScoreJoinProblem]
}

/// Lines up `entries` with the training examples `trainIds`.
///
/// With ids, each training id takes the value of its one entry; it is
/// `missing` without one, `duplicate_id` with several, `not_finite` with a NaN
/// or infinity; file ids outside `datasetIds` are `unknown_id`. Without ids
/// (an NPY vector), entry k is training example k, and a vector of another
/// length is `wrong_length`. Each problem keeps its count and up to five ids.
///
/// Integer ids on both sides take ``joinCleanIntegerIds(_:trainIds:testIds:)``
/// (arithmetic, no hashing of text); when it finds anything to report, the
/// join below reports it.
func joinImportedScore(
    _ entries: ImportedScoreEntries, name: String, trainIds: ExampleIds, testIds: ExampleIds
) -> JoinedScore {
    if let clean = joinCleanIntegerIds(entries, trainIds: trainIds, testIds: testIds)
        ?? joinCleanTextIds(entries, trainIds: trainIds, testIds: testIds)
    {
        return JoinedScore(values: clean, affected: [Bool](repeating: false, count: trainIds.count), problems: [])
    }
    let datasetIds = Set(trainIds + testIds)
    var values = [Double](repeating: .nan, count: trainIds.count)
    var affected = [Bool](repeating: false, count: trainIds.count)
    var found: [JoinProblemKind: (count: Int, examples: [String], dropped: Int)] = [:]
    func note(_ kind: JoinProblemKind, _ id: String, drops: Bool) {
        var entry = found[kind] ?? (0, [], 0)
        entry.count += 1
        if entry.examples.count < JoinProblemKind.exampleCount { entry.examples.append(id) }
        if drops { entry.dropped += 1 }
        found[kind] = entry
    }
    if let ids = entries.ids {
        let ids = Array(ids)
        var indexOfId: [String: Int] = [:], duplicated = Set<String>()
        indexOfId.reserveCapacity(ids.count)
        for (index, id) in ids.enumerated() where indexOfId.updateValue(index, forKey: id) != nil {
            duplicated.insert(id)
        }
        var reportedDuplicates = Set<String>()
        for id in ids where duplicated.contains(id) && reportedDuplicates.insert(id).inserted {
            note(.duplicateId, id, drops: false)
        }
        for (index, id) in trainIds.enumerated() {
            guard let entry = indexOfId[id] else {
                note(.missing, id, drops: true)
                affected[index] = true
                continue
            }
            if duplicated.contains(id) {
                affected[index] = true
                found[.duplicateId]?.dropped += 1
            } else if !entries.values[entry].isFinite {
                note(.notFinite, id, drops: true)
                affected[index] = true
            } else {
                values[index] = entries.values[entry]
            }
        }
        var reportedUnknown = Set<String>()
        for id in ids where !datasetIds.contains(id) && reportedUnknown.insert(id).inserted {
            note(.unknownId, id, drops: false)
        }
    } else if entries.values.count != trainIds.count {
        let shorter = entries.values.count < trainIds.count
        let positions =
            shorter ? Array(entries.values.count..<trainIds.count) : Array(trainIds.count..<entries.values.count)
        for position in positions {
            let example = shorter ? "no value for id \(trainIds[position])" : "extra entry \(position + 1)"
            note(.wrongLength, example, drops: false)
        }
    } else {
        for (index, value) in entries.values.enumerated() {
            if value.isFinite {
                values[index] = value
            } else {
                note(.notFinite, trainIds[index], drops: true)
                affected[index] = true
            }
        }
    }
    let problems = JoinProblemKind.allCases.compactMap { kind -> ScoreJoinProblem? in
        guard let entry = found[kind] else { return nil }
        return ScoreJoinProblem(
            score: name, problem: kind.rawValue, count: entry.count, examples: entry.examples,
            droppedExamples: entry.dropped)
    }
    return JoinedScore(values: values, affected: affected, problems: problems)
}
