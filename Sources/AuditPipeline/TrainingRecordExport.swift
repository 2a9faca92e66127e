import Datasets
import DietAuditCore
import Foundation
import Learning
import Scoring

/// What ``exportTrainingRecords(specPath:npyPath:idsPath:presentationsPath:progress:)`` wrote.
public struct ExportedTrainingRecords: Sendable, Equatable {
    public var seeds: Int
    /// Epoch ends recorded: 0…E, so E + 1 slabs per seed.
    public var epochs: Int
    public var examples: Int
    public var classes: Int
    /// The `training_records:` entry that imports the files (paths as given).
    public var specEntry: String
}

/// Trains the scoring runs of the spec at `specPath` (a spec that trains) and
/// writes DietAudit's own training records: the logits of every training
/// example after each epoch 0…E of each seed, as a float32 NPY record
/// `[seeds, E + 1, examples, classes]` at `npyPath` (import it with
/// `first_epoch: 0`), and the examples' ids as an NPY array of strings at
/// `idsPath`; with `presentationsPath`, also the logits of every presentation
/// (each example's mini-batch forward pass in epochs 1…E) as
/// `[seeds, E, examples, classes]`. Imported again in an audit-only spec, they
/// give `el2n@t`, `loss@t`, `margin@t`, `confidence` and `variability` bit for
/// bit as the spec's own run computes them, and with the presentations
/// `forgetting` and `aum` too (docs/IMPORT.md). The records are written slab
/// by slab, one seed's logits in memory at a time.
/// - Throws: ``InputError`` for an audit-only spec (it trains nothing) or bad input.
public func exportTrainingRecords(
    specPath: String, npyPath: String, idsPath: String, presentationsPath: String? = nil,
    progress: ProgressReporter = SilentProgress()
) throws -> ExportedTrainingRecords {
    var spec = try AuditSpec.load(fileAt: specPath)
    guard !spec.auditOnly else {
        throw InputError(
            "this spec is audit-only: it trains nothing, so it has no training records of its own; export them "
                + "from a spec with model and training sections",
            at: SourceLocation(file: specPath))
    }
    let runner = AuditRunner(progress: progress)
    let data = try prepareDataset(spec.dataset)
    spec.model = try runner.modelForData(spec, data: data)
    let features = FeatureMatrix(values: data.train.features, rows: data.train.count, columns: data.train.featureCount)
    let classes = data.classNames.count, epochs = spec.training.epochs + 1
    let seeds = spec.training.seeds, examples = data.train.count
    var writer = try NPYFileWriter(
        path: npyPath, descr: "<f4", valueSize: 4, shape: [seeds, epochs, examples, classes])
    var presented = try presentationsPath.map {
        try NPYFileWriter(path: $0, descr: "<f4", valueSize: 4, shape: [seeds, epochs - 1, examples, classes])
    }
    for seed in 0..<spec.training.seeds {
        progress.begin("recording seed \(seed + 1) of \(spec.training.seeds)")
        var oneSeed = spec.training
        oneSeed.seeds = 1
        oneSeed.seed = spec.training.seedValue(forRun: seed)
        let records = try captureTrainingRecords(
            features: features, labels: data.train.labels, classCount: classes, model: spec.model,
            training: oneSeed)
        for slab in records.logits[0] { try writer.append(float32: slab) }
        for slab in records.presentations[0] { try presented?.append(float32: slab) }
    }
    try writer.finish()
    try presented?.finish()
    try NPYFileWriter.writeStrings(Array(data.train.ids), to: idsPath)
    let presentationsEntry = presentationsPath.map { ", presentations: \($0)" } ?? ""
    return ExportedTrainingRecords(
        seeds: seeds, epochs: epochs, examples: examples, classes: classes,
        specEntry: "training_records: {path: \(npyPath), ids: \(idsPath), first_epoch: 0\(presentationsEntry)}")
}

/// Writes an NPY file (format 1.0, little-endian, C order) whose values are
/// appended in order, so a large array never has to be held whole.
struct NPYFileWriter {
    private let handle: FileHandle
    private let expectedBytes: Int
    private var writtenBytes = 0
    private let path: String

    /// Creates `path` and writes the header of an array `descr` (`valueSize`
    /// bytes per value) of shape `shape`.
    init(path: String, descr: String, valueSize: Int, shape: [Int]) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw InputError("cannot create the file", at: SourceLocation(file: path)) }
        self.handle = handle
        self.path = path
        expectedBytes = shape.reduce(1, *) * valueSize
        try handle.write(contentsOf: Self.header(descr: descr, shape: shape))
    }

    /// The magic string, version 1.0, header length and a header dict padded
    /// so the values start at a multiple of 64 bytes.
    static func header(descr: String, shape: [Int]) -> Data {
        let dimensions = shape.count == 1 ? "\(shape[0])," : shape.map(String.init).joined(separator: ", ")
        var dict = "{'descr': '\(descr)', 'fortran_order': False, 'shape': (\(dimensions)), }"
        while (10 + dict.utf8.count + 1) % 64 != 0 { dict += " " }
        dict += "\n"
        let length = UInt16(dict.utf8.count)
        return Data([0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(length & 0xFF), UInt8(length >> 8)] + Array(dict.utf8))
    }

    /// Appends float32 values (little-endian).
    mutating func append(float32 values: [Float]) throws {
        var bytes = Data(capacity: values.count * 4)
        for value in values { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
        try append(bytes)
    }

    /// Appends raw value bytes.
    mutating func append(_ bytes: Data) throws {
        try handle.write(contentsOf: bytes)
        writtenBytes += bytes.count
    }

    /// Closes the file; the values written must fill the shape.
    func finish() throws {
        try handle.close()
        guard writtenBytes == expectedBytes else {
            throw InputError(
                "wrote \(writtenBytes) bytes of values, the shape needs \(expectedBytes)",
                at: SourceLocation(file: path))
        }
    }

    /// A 1-D array of strings (`<U n`, n the longest, UTF-32 little-endian, NUL padded).
    static func writeStrings(_ strings: [String], to path: String) throws {
        let width = max(1, strings.map(\.unicodeScalars.count).max() ?? 1)
        var writer = try NPYFileWriter(path: path, descr: "<U\(width)", valueSize: 4 * width, shape: [strings.count])
        var bytes = Data(capacity: strings.count * width * 4)
        for string in strings {
            let scalars = string.unicodeScalars.map(\.value)
            for unit in 0..<width {
                withUnsafeBytes(of: (unit < scalars.count ? scalars[unit] : 0).littleEndian) {
                    bytes.append(contentsOf: $0)
                }
            }
        }
        try writer.append(bytes)
        try writer.finish()
    }
}
