import DietAuditCore

/// The classes of IDX / NPY data: the distinct integer labels of the data
/// file, in numeric order, named by their decimal strings.
struct ImageClasses {
    var names: [String]
    /// Class index of every row: data file examples, then test file examples.
    var classOfRow: [Int]
    var positiveClass: Int?

    /// - Throws: ``InputError`` for a single class (at the labels file), a test
    ///   label absent from the data file (at the test labels file), or an unknown `positive_label`.
    init(spec: DatasetSpec, data: LabelledArray, test: LabelledArray?) throws {
        let values = Array(Set(data.labels)).sorted()
        names = values.map(String.init)
        let labelsName = spec.labelsDisplayPath ?? spec.labelsPath ?? ""
        guard values.count >= 2 else {
            throw InputError(
                "every label is \(names.first ?? "?"); a classification audit needs at least two classes",
                at: SourceLocation(file: labelsName))
        }
        let indexOf = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($1, $0) })
        classOfRow = data.labels.map { indexOf[$0]! }
        if let test {
            let testName = spec.testLabelsDisplayPath ?? spec.testLabelsPath ?? ""
            for (index, label) in test.labels.enumerated() where indexOf[label] == nil {
                throw InputError(
                    "label \(index + 1) is \(label), which does not occur in \(baseName(of: labelsName)); "
                        + "the test file may only use the classes \(listForMessage(names))",
                    at: SourceLocation(file: testName))
            }
            classOfRow += test.labels.map { indexOf[$0]! }
        }
        if let positive = spec.positiveLabel {
            guard let index = names.firstIndex(of: positive) else {
                throw InputError(
                    "positive_label '\(positive)' is not one of the labels (\(listForMessage(names)))",
                    at: spec.location(ofKey: "positive_label"))
            }
            positiveClass = index
        }
    }
}
