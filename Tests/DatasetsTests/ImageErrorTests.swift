import DietAuditCore
import Testing

@testable import Datasets

/// Every input error specific to IDX / NPY data: message and location.
@Suite struct ImageErrorTests {
    static func at(_ line: Int) -> DietAuditCore.SourceLocation {
        DietAuditCore.SourceLocation(file: "a.yaml", line: line, column: 3)
    }

    /// Four 2×2 ubyte images labelled `labels` (one per image expected).
    private func spec(labels: [UInt8] = [0, 1, 0, 1], labelCount: Int? = nil) throws -> DatasetSpec {
        var spec = try ImageFiles.spec(
            examples: ImageFiles.idx(typeCode: 0x08, shape: [4, 2, 2], payload: [UInt8](repeating: 9, count: 16)),
            examplesName: "img.idx",
            labels: ImageFiles.idx(typeCode: 0x08, shape: [labelCount ?? labels.count], payload: labels),
            labelsName: "lab.idx")
        for (index, key) in [
            "path", "labels", "image", "attributes", "id", "features", "drop", "categorical", "test", "positive_label",
        ].enumerated() {
            spec.specLocations[key] = Self.at(index + 1)
        }
        spec.test = .fraction(0.5)
        return spec
    }

    private func error(_ spec: DatasetSpec) -> InputError? { TestData.inputError { try prepareDataset(spec) } }

    @Test func countMismatch() throws {
        #expect(
            error(try spec(labels: [0, 1, 0]))
                == InputError(
                    "lab.idx has 3 labels but img.idx has 4 examples; expected one label per example",
                    at: .init(file: "lab.idx")))
    }

    @Test func columnKeysRejected() throws {
        var s = try spec()
        s.attributes = ["sex"]
        #expect(
            error(s)
                == InputError(
                    "image formats carry no attribute columns, so idx data cannot audit 'sex'; remove "
                        + "dataset.attributes (only the 'class' grouping is audited)",
                    at: Self.at(4)))
        s = try spec(); s.idColumn = "id"
        #expect(
            error(s)
                == InputError(
                    "idx data has no columns, so there is no id column 'id'; remove dataset.id (ids are row numbers)",
                    at: Self.at(5)))
        s = try spec(); s.features = .columns(["p0"])
        #expect(
            error(s)
                == InputError(
                    "idx data has no columns to choose as features (found 'p0'); remove dataset.features: every value "
                        + "of an example is a feature",
                    at: Self.at(6)))
        s = try spec(); s.categorical = ["p1"]
        #expect(
            error(s)
                == InputError(
                    "idx data has no columns, so dataset.categorical ('p1') cannot apply; remove it", at: Self.at(8)))
    }

    @Test func missingLabelsFiles() throws {
        var s = try spec()
        s.labelsPath = nil
        #expect(
            error(s)
                == InputError(
                    "idx data needs a labels file with one integer per example; set dataset.labels", at: Self.at(1)))
        s = try spec()
        s.test = .path(s.path, displayPath: "img.idx")
        #expect(
            error(s)
                == InputError(
                    "a separate idx test file needs its labels file too; set dataset.test.labels", at: Self.at(9)))
        s = try spec()
        s.labelsPath = "/nonexistent/lab.idx"
        #expect(error(s) == InputError("file not found", at: .init(file: "lab.idx")))
    }

    @Test func imageShapeMismatch() throws {
        var s = try spec()
        s.image = ImageShape(height: 28, width: 28)
        #expect(
            error(s)
                == InputError(
                    "dataset.image is 28×28×1 (784 values per example), but img.idx holds 4 examples of 2×2 (4 values)",
                    at: Self.at(3)))
        s.image = ImageShape(height: 2, width: 2, channels: 3)
        #expect(
            error(s)
                == InputError(
                    "dataset.image is 2×2×3 (12 values per example), but img.idx holds 4 examples of 2×2 (4 values)",
                    at: Self.at(3)))
    }

    @Test func labelProblems() throws {
        #expect(
            error(try spec(labels: [5, 5, 5, 5]))
                == InputError(
                    "every label is 5; a classification audit needs at least two classes", at: .init(file: "lab.idx")))
        var s = try spec()
        s.positiveLabel = "7"
        #expect(error(s) == InputError("positive_label '7' is not one of the labels ('0', '1')", at: Self.at(10)))
        // Float labels must be whole numbers.
        var floats = try ImageFiles.spec(
            examples: ImageFiles.npy(descr: "<f8", shape: [2, 1], payload: ImageFiles.littleEndianDoubles([1, 2])),
            examplesName: "x.npy",
            labels: ImageFiles.npy(descr: "<f8", shape: [2], payload: ImageFiles.littleEndianDoubles([0, 0.5])),
            labelsName: "y.npy")
        floats.test = .fraction(0.5)
        #expect(
            error(floats)
                == InputError("label 2 is 0.5; labels must be integers (class numbers)", at: .init(file: "y.npy")))
        // A 2-D labels array.
        let matrix = try ImageFiles.spec(
            examples: ImageFiles.npy(descr: "|u1", shape: [2, 1], payload: [1, 2]), examplesName: "x.npy",
            labels: ImageFiles.npy(descr: "|u1", shape: [2, 1], payload: [0, 1]), labelsName: "y.npy")
        #expect(
            error(matrix)
                == InputError(
                    "the labels array has shape 2×1; expected 1 dimension (one label per example)",
                    at: .init(file: "y.npy")))
        // A 1-D examples array.
        let vector = try ImageFiles.spec(
            examples: ImageFiles.npy(descr: "|u1", shape: [2], payload: [1, 2]), examplesName: "x.npy",
            labels: ImageFiles.npy(descr: "|u1", shape: [2], payload: [0, 1]), labelsName: "y.npy")
        #expect(
            error(vector)
                == InputError(
                    "the examples array has shape 2; expected at least 2 dimensions (N examples × their values)",
                    at: .init(file: "x.npy")))
    }

    @Test func testFileProblems() throws {
        let folder = try ImageFiles.folder()
        var s = try spec()
        s.test = .path(
            try ImageFiles.write(
                ImageFiles.idx(typeCode: 0x08, shape: [1, 2, 2], payload: [1, 2, 3, 4]), name: "ti.idx", in: folder),
            displayPath: "ti.idx")
        s.testLabelsPath = try ImageFiles.write(
            ImageFiles.idx(typeCode: 0x08, shape: [1], payload: [9]), name: "tl.idx", in: folder)
        s.testLabelsDisplayPath = "tl.idx"
        #expect(
            error(s)
                == InputError(
                    "label 1 is 9, which does not occur in lab.idx; the test file may only use the classes '0', '1'",
                    at: .init(file: "tl.idx")))
        s.test = .path(
            try ImageFiles.write(
                ImageFiles.idx(typeCode: 0x08, shape: [1, 1, 4], payload: [1, 2, 3, 4]), name: "t2.idx", in: folder),
            displayPath: "t2.idx")
        #expect(
            error(s)
                == InputError(
                    "the test examples are 1×4 but those of img.idx are 2×2; both files must hold examples of one "
                        + "shape",
                    at: .init(file: "t2.idx")))
    }

    @Test func nonFiniteFeature() throws {
        var s = try ImageFiles.spec(
            examples: ImageFiles.npy(
                descr: "<f8", shape: [2, 2], payload: ImageFiles.littleEndianDoubles([1, 2, .nan, 4])),
            examplesName: "x.npy",
            labels: ImageFiles.npy(descr: "|u1", shape: [2], payload: [0, 1]), labelsName: "y.npy")
        s.test = .path(s.path, displayPath: "x.npy")
        s.testLabelsPath = s.labelsPath
        #expect(
            error(s)
                == InputError("value 1 of example 2 is nan; features must be finite numbers", at: .init(file: "x.npy")))
    }

    @Test func imageKeysRejectedForTables() throws {
        var csv = try TestData.spec(csv: "a,y\n1,0\n2,1\n3,0\n4,1\n", name: "t.csv")
        csv.specLocations["labels"] = Self.at(2)
        csv.labelsPath = "y.npy"
        #expect(
            error(csv)
                == InputError(
                    "dataset.labels applies only to idx and npy data, but t.csv is csv; name the label column with "
                        + "dataset.label instead",
                    at: Self.at(2)))
        csv.labelsPath = nil
        csv.image = ImageShape(height: 2, width: 2)
        #expect(error(csv)?.message.hasPrefix("dataset.image applies only to idx and npy data") == true)
    }

    @Test func fileErrorsReachPrepare() throws {
        var s = try spec()
        s.format = .npy
        #expect(
            error(s)
                == InputError(
                    "not an NPY file: bad magic number 00 00 08 03 00 00; expected 93 4E 55 4D 50 59 (\\x93NUMPY)",
                    at: .init(file: "img.idx")))
    }
}
