import DietAuditCore

/// One IDX or NPY file pair read and checked: the examples array (N × …),
/// its integer labels (N) and the fingerprint of both files.
struct LabelledArray {
    /// The examples: dimension 0 counts them, the others are flattened per example.
    var examples: NumericArray
    /// One integer label per example.
    var labels: [Int]
    /// SHA-256 of the examples file's bytes followed by the labels file's bytes.
    var sha256: String

    /// Number of examples.
    var count: Int { examples.shape[0] }
    /// Values per example (the product of dimensions 1…).
    var valueCount: Int { examples.shape.dropFirst().reduce(1, *) }
    /// `28×28`: one example's dimensions, as messages write them.
    var exampleShapeText: String { examples.shape.dropFirst().map(String.init).joined(separator: "×") }

    /// Reads and checks a pair of files in `format` (`.idx` or `.npy`).
    /// - Throws: ``InputError`` for a file that cannot be read or parsed, an
    ///   examples array with fewer than 2 dimensions, a labels array that is not
    ///   1-dimensional or holds a non-integer, or a count mismatch between the two.
    init(examplesPath: String, examplesName: String, labelsPath: String, labelsName: String, format: DataFormat) throws
    {
        func read(_ path: String, _ name: String) throws -> (NumericArray, [UInt8]) {
            let bytes = try readFileBytes(path: path, displayName: name)
            let array =
                format == .idx
                ? try IDXReader.parse(bytes, displayName: name) : try NPYReader.parse(bytes, displayName: name)
            return (array, bytes)
        }
        let (examples, examplesBytes) = try read(examplesPath, examplesName)
        let (labelArray, labelsBytes) = try read(labelsPath, labelsName)
        guard examples.shape.count >= 2 else {
            throw InputError(
                "the examples array has shape \(examples.shapeText); expected at least 2 dimensions (N examples × "
                    + "their values)",
                at: SourceLocation(file: examplesName))
        }
        guard labelArray.shape.count == 1 else {
            throw InputError(
                "the labels array has shape \(labelArray.shapeText); expected 1 dimension (one label per example)",
                at: SourceLocation(file: labelsName))
        }
        guard labelArray.count == examples.shape[0] else {
            throw InputError(
                "\(baseName(of: labelsName)) has \(labelArray.count) labels but \(baseName(of: examplesName)) has "
                    + "\(examples.shape[0]) examples; expected one label per example",
                at: SourceLocation(file: labelsName))
        }
        labels = try (0..<labelArray.count).map { index in
            let value = labelArray.value(at: index)
            guard value.isFinite, value.rounded() == value, abs(value) < 1e15 else {
                throw InputError(
                    "label \(index + 1) is \(value); labels must be integers (class numbers)",
                    at: SourceLocation(file: labelsName))
            }
            return Int(value)
        }
        self.examples = examples
        sha256 = Fingerprint.sha256(examplesBytes + labelsBytes)
    }
}
