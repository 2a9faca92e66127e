import Datasets
import DietAuditCore
import Learning

/// The scores of `entries` lined up with the training examples when every
/// id on both sides is an integer and nothing is wrong: each training id
/// has exactly one entry, its value finite, and every entry's id is a
/// training id. `nil` otherwise (the text join then names each problem).
///
/// Ids within a range of at most 4·N + 1024 values are looked up in a table
/// indexed by id − smallest id (4 bytes per slot), otherwise by binary search
/// in the sorted training ids; either way no id is hashed or turned into text.
func joinCleanIntegerIds(_ entries: ImportedScoreEntries, trainIds: ExampleIds, testIds: ExampleIds) -> [Double]? {
    guard testIds.isEmpty, let train = trainIds.integers, let ids = entries.ids?.integers,
        ids.count == train.count, let low = train.min(), let high = train.max()
    else { return nil }
    let lookup = IntegerIdLookup(train, low: low, high: high)
    // NaN marks a position not yet filled: every value stored is finite.
    var values = [Double](repeating: .nan, count: train.count)
    // Two halves of the id range on two cores: each half's ids fill their own positions (an id has one
    // position), so the halves never write the same slot; a repeated id meets itself in one half.
    let middle = low / 2 + high / 2
    let clean = values.withUnsafeMutableBufferPointer { buffer -> Bool in
        nonisolated(unsafe) let output = buffer
        let halves = try! runParallelJobs(count: 2, parallel: ids.count >= 1 << 16) { half in
            for (entry, id) in ids.enumerated() where (id <= middle) == (half == 0) {
                guard let position = lookup.position(of: id), output[position].isNaN, entries.values[entry].isFinite
                else { return false }
                output[position] = entries.values[entry]
            }
            return true
        }
        return halves.allSatisfy { $0 }
    }
    return clean ? values : nil  // N entries, each filling a distinct training position: all filled
}

/// The scores of `entries` lined up with the training examples when every
/// id on both sides is text and nothing is wrong (as
/// ``joinCleanIntegerIds(_:trainIds:testIds:)`` asks): the training ids are
/// indexed once (``TextIdIndex``), each entry's id looked up; `nil` at the
/// first problem, for the text join to name every problem.
func joinCleanTextIds(_ entries: ImportedScoreEntries, trainIds: ExampleIds, testIds: ExampleIds) -> [Double]? {
    guard testIds.isEmpty, let train = trainIds.texts, let ids = entries.ids, ids.count == train.count else {
        return nil
    }
    let index = TextIdIndex(train)
    guard index.firstRepeat == nil else { return nil }
    // NaN marks a position not yet filled: every value stored is finite.
    var values = [Double](repeating: .nan, count: train.count)
    for (entry, id) in ids.enumerated() {
        guard let position = index.position(of: id), values[position].isNaN, entries.values[entry].isFinite else {
            return nil
        }
        values[position] = entries.values[entry]
    }
    return values
}

/// Training position of an integer id.
struct IntegerIdLookup {
    private let low: Int64
    /// Dense: slot (id − low) → position + 1, 0 when no example has that id.
    private let slots: [UInt32]?
    /// Sparse: (id, position) sorted by id.
    private let sorted: [(id: Int64, position: Int)]

    init(_ ids: [Int64], low: Int64, high: Int64) {
        self.low = low
        let (span, overflow) = high.subtractingReportingOverflow(low)
        if !overflow, span < 4 * Int64(ids.count) + 1024, ids.count < Int(UInt32.max) {
            var table = [UInt32](repeating: 0, count: Int(span) + 1)
            for (position, id) in ids.enumerated() { table[Int(id - low)] = UInt32(position + 1) }
            slots = table
            sorted = []
        } else {
            slots = nil
            sorted = ids.enumerated().map { ($1, $0) }.sorted { $0.id < $1.id }
        }
    }

    func position(of id: Int64) -> Int? {
        if let slots {
            guard id >= low else { return nil }
            let (offset, overflow) = id.subtractingReportingOverflow(low)
            guard !overflow, offset < Int64(slots.count) else { return nil }
            let slot = slots[Int(offset)]
            return slot == 0 ? nil : Int(slot) - 1
        }
        var lower = 0, upper = sorted.count
        while lower < upper {
            let middle = (lower + upper) / 2
            if sorted[middle].id < id { lower = middle + 1 } else { upper = middle }
        }
        return lower < sorted.count && sorted[lower].id == id ? sorted[lower].position : nil
    }
}
