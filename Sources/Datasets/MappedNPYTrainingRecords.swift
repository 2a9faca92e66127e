import DietAuditCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Training records in an NPY file of shape `[seeds, epochs, rows, classes]`
/// (float32 or float64, either byte order, C order), memory-mapped and read
/// one slice at a time: the file is never loaded whole.
///
/// Each slice is rows `r₀..<r₁` of one (seed, epoch) slab, contiguous in the
/// file. Little-endian values (the machine's order) are handed over in place,
/// straight from the mapping; big-endian ones are swapped into a buffer of the
/// slice's size. After each slice the mapped pages are released
/// (`madvise(MADV_DONTNEED)`), so resident memory stays near one slice however
/// large the file is.
///
/// Position e of the epoch axis holds the outputs after epoch `firstEpoch + e`
/// (`firstEpoch` 0: the first slab is taken at initialisation, before any
/// update — DietAudit's own `epoch: 0`).
public final class MappedNPYTrainingRecords: TrainingRecordSource {
    public let displayPath: String
    public let seedCount: Int
    public let epochs: [Int]
    public let rowCount: Int
    public let classCount: Int
    public let ids: [String]?
    public let valueSize: Int
    public private(set) var slicesRead = 0
    private let isFloat32: Bool
    private let bigEndian: Bool
    private let mapping: UnsafeMutableRawPointer
    private let mappedLength: Int
    private let dataOffset: Int

    /// Opens and maps `path`; reads only the header.
    /// - Throws: ``InputError`` at `displayPath` for a missing file, a gzipped
    ///   file (it cannot be mapped), a header that is not NPY, a dtype other than
    ///   float32/float64, Fortran order, a shape that is not 4-D, or a file
    ///   shorter than its shape.
    public init(path: String, displayPath: String, firstEpoch: Int, ids: [String]?) throws {
        let location = SourceLocation(file: displayPath)
        self.displayPath = displayPath
        let prefix = try Self.readPrefix(path: path, displayPath: displayPath)
        if prefix.starts(with: [0x1F, 0x8B]) {
            throw InputError(
                "gzipped training records cannot be memory-mapped; decompress the file (gunzip) and name the .npy",
                at: location)
        }
        let header = try Self.parseHeader(prefix, location: location)
        guard header.type == .float32 || header.type == .float64 else {
            throw InputError(
                "training records must be float32 or float64 logits or probabilities; this array is "
                    + "\(header.type.name)",
                at: location)
        }
        guard header.shape.count == 4 else {
            let text = header.shape.map(String.init).joined(separator: "×")
            throw InputError(
                "training records must be a 4-D array [seeds, epochs, examples, classes]; this array's shape is "
                    + (text.isEmpty ? "scalar" : text),
                at: location)
        }
        (seedCount, rowCount, classCount) = (header.shape[0], header.shape[2], header.shape[3])
        epochs = Array(firstEpoch..<(firstEpoch + header.shape[1]))
        isFloat32 = header.type == .float32
        valueSize = header.type.size
        bigEndian = header.bigEndian
        dataOffset = header.dataOffset
        self.ids = ids
        let needed = dataOffset + header.shape.reduce(1, *) * valueSize
        (mapping, mappedLength) = try Self.map(path: path, location: location, needed: needed)
    }

    deinit { munmap(mapping, mappedLength) }

    public func withSlice<Result>(
        seed: Int, epochIndex: Int, rows: Range<Int>, _ body: (TrainingRecordValues) throws -> Result
    ) throws -> Result {
        precondition(
            (0..<seedCount).contains(seed) && epochs.indices.contains(epochIndex) && rows.lowerBound >= 0
                && rows.upperBound <= rowCount, "MappedNPYTrainingRecords: slice out of range")
        slicesRead += 1
        let slab = (seed * epochs.count + epochIndex) * rowCount
        let start = dataOffset + (slab + rows.lowerBound) * classCount * valueSize
        let count = rows.count * classCount
        let pointer = UnsafeRawPointer(mapping + start)
        defer { release(start: start, byteCount: count * valueSize) }
        let aligned = Int(bitPattern: pointer) % valueSize == 0
        if isFloat32 {
            if !bigEndian && aligned {
                return try body(
                    .float32(UnsafeBufferPointer(start: pointer.assumingMemoryBound(to: Float.self), count: count)))
            }
            let copy = (0..<count).map { index in
                let raw = pointer.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self)
                return Float(bitPattern: bigEndian ? raw.byteSwapped : raw)
            }
            return try copy.withUnsafeBufferPointer { try body(.float32($0)) }
        }
        if !bigEndian && aligned {
            return try body(
                .float64(UnsafeBufferPointer(start: pointer.assumingMemoryBound(to: Double.self), count: count)))
        }
        let copy = (0..<count).map { index in
            let raw = pointer.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
            return Double(bitPattern: bigEndian ? raw.byteSwapped : raw)
        }
        return try copy.withUnsafeBufferPointer { try body(.float64($0)) }
    }

    /// Drops the mapped pages of a slice that has been read (whole pages inside it).
    private func release(start: Int, byteCount: Int) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let first = (start + page - 1) / page * page
        let end = (start + byteCount) / page * page
        guard end > first else { return }
        _ = madvise(mapping + first, end - first, MADV_DONTNEED)
    }

    /// The element type, byte order, shape and data offset an NPY header gives.
    private struct Header {
        var type: ElementType
        var bigEndian: Bool
        var shape: [Int]
        var dataOffset: Int
    }

    /// The first bytes of the file (enough for any header).
    private static func readPrefix(path: String, displayPath: String) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError("file not found or not readable", at: SourceLocation(file: displayPath))
        }
        defer { try? handle.close() }
        return [UInt8]((try? handle.read(upToCount: 1 << 16)) ?? Data())
    }

    private static func parseHeader(_ bytes: [UInt8], location: SourceLocation) throws -> Header {
        guard bytes.count >= 10, Array(bytes[0..<6]) == NPYReader.magic else {
            throw InputError("not an NPY file: the magic number \\x93NUMPY is missing", at: location)
        }
        let lengthSize = bytes[6] == 1 ? 2 : 4
        guard bytes[6] >= 1 && bytes[6] <= 3, bytes.count >= 8 + lengthSize else {
            throw InputError(
                "unsupported NPY format version \(bytes[6]).\(bytes[7]); supported: 1.0, 2.0, 3.0", at: location)
        }
        let headerLength = (0..<lengthSize).reduce(0) { $0 | Int(bytes[8 + $1]) << (8 * $1) }
        let dataOffset = 8 + lengthSize + headerLength
        guard bytes.count >= dataOffset else {
            throw InputError("truncated or oversized NPY header (\(headerLength) bytes)", at: location)
        }
        let text = String(decoding: bytes[(8 + lengthSize)..<dataOffset], as: UTF8.self)
        let (type, bigEndian, shape) = try NPYReader.readHeader(text, location: location)
        return Header(type: type, bigEndian: bigEndian, shape: shape, dataOffset: dataOffset)
    }

    /// Maps the whole file read-only; checks it holds `needed` bytes.
    private static func map(path: String, location: SourceLocation, needed: Int) throws
        -> (UnsafeMutableRawPointer, Int)
    {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw InputError("cannot open the file", at: location) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw InputError("cannot read the file's size", at: location) }
        let length = Int(status.st_size)
        guard length >= needed else {
            throw InputError(
                "truncated NPY data: the shape needs \(needed) bytes, the file has \(length)", at: location)
        }
        guard let pointer = mmap(nil, max(length, 1), PROT_READ, MAP_PRIVATE, descriptor, 0),
            pointer != UnsafeMutableRawPointer(bitPattern: -1)
        else {
            throw InputError("cannot memory-map the file", at: location)
        }
        return (pointer, max(length, 1))
    }
}
