import DietAuditCore

/// The values of one slice of a training record, in native byte order: row k
/// of the slice is `classCount` consecutive values. Valid only during the call
/// that hands it over.
public enum TrainingRecordValues {
    case float32(UnsafeBufferPointer<Float>)
    case float64(UnsafeBufferPointer<Double>)

    /// Number of values.
    public var count: Int {
        switch self {
        case .float32(let values): values.count
        case .float64(let values): values.count
        }
    }

    /// The flat positions (in this slice) of every NaN or infinite value.
    public func nonFinitePositions() -> [Int] {
        switch self {
        case .float32(let values): values.indices.filter { !values[$0].isFinite }
        case .float64(let values): values.indices.filter { !values[$0].isFinite }
        }
    }
}

/// Imported training records: per-example class outputs (logits or
/// probabilities) of `seedCount` training runs at each of `epochs`, for
/// `rowCount` examples and `classCount` classes — a
/// `[seeds, epochs, rows, classes]` array, read one slice at a time.
///
/// ``MappedNPYTrainingRecords`` maps an NPY file and reads slices straight from
/// it; ``CSVTrainingRecords`` holds a long CSV in memory.
public protocol TrainingRecordSource: AnyObject {
    /// The file as messages name it.
    var displayPath: String { get }
    var seedCount: Int { get }
    /// The epoch number of each position of the epoch axis, consecutive and
    /// starting at 0 (at initialisation) or 1 (after the first epoch).
    var epochs: [Int] { get }
    var rowCount: Int { get }
    var classCount: Int { get }
    /// The id of each record row, or `nil` when row k is the dataset's k-th row.
    var ids: [String]? { get }
    /// Bytes per value (4 or 8).
    var valueSize: Int { get }
    /// How many slices have been handed out so far.
    var slicesRead: Int { get }
    /// Calls `body` with rows `rows` of the slab (seed, epoch position).
    func withSlice<Result>(
        seed: Int, epochIndex: Int, rows: Range<Int>, _ body: (TrainingRecordValues) throws -> Result
    ) throws -> Result
}

extension TrainingRecordSource {
    /// Rows per slice so that one slice's values take at most `memoryLimit`
    /// bytes (at least one row, at most all rows).
    public func rowsPerSlice(memoryLimit: Int) -> Int {
        let rowBytes = max(1, classCount * valueSize)
        return max(1, min(rowCount, memoryLimit / rowBytes))
    }

    /// The id of record row `row` as messages name it.
    public func idText(ofRow row: Int) -> String { ids?[row] ?? "row \(row + 1)" }
}
