import DietAuditCore
import Testing

@testable import Datasets

/// `prepareDataset` on IDX and NPY pairs: classes, ids, split, scaling, image shape.
@Suite struct ImagePrepareTests {
    @Test func formatDetection() {
        #expect(detectFormat(fileName: "mnist/train-images-idx3-ubyte") == .idx)
        #expect(detectFormat(fileName: "train-images.idx3-ubyte") == .idx)
        #expect(detectFormat(fileName: "t10k-labels.idx1-ubyte.gz") == .idx)
        #expect(detectFormat(fileName: "train-images-idx3-ubyte.gz") == .idx)
        #expect(detectFormat(fileName: "X.IDX") == .idx)
        #expect(detectFormat(fileName: "x.idx.gz") == .idx)
        #expect(detectFormat(fileName: "x.npy") == .npy)
        #expect(detectFormat(fileName: "a.csv") == .csv)
        #expect(detectFormat(fileName: "a.arff") == .arff)
        #expect(detectFormat(fileName: "a.csv.gz") == nil)
        #expect(detectFormat(fileName: "a.txt") == nil)
        #expect(detectFormat(fileName: "ubyte") == nil)
    }

    /// Six 2×2 ubyte images, pixel values 10·k + position for example k (1-based), labels 3,1,3,1,3,1.
    private func smallIDX() throws -> DatasetSpec {
        let pixels = (1...6).flatMap { k in (0..<4).map { UInt8(10 * k + $0) } }
        var spec = try ImageFiles.spec(
            examples: ImageFiles.idx(typeCode: 0x08, shape: [6, 2, 2], payload: pixels),
            examplesName: "train-images-idx3-ubyte",
            labels: ImageFiles.idx(typeCode: 0x08, shape: [6], payload: [3, 1, 3, 1, 3, 1]),
            labelsName: "train-labels-idx1-ubyte")
        spec.test = .fraction(0.5)
        spec.seed = 11
        return spec
    }

    @Test func idxPairScaledTo01() throws {
        let data = try prepareDataset(try smallIDX())
        #expect(data.classNames == ["1", "3"])
        #expect(data.image == ImageShape(height: 2, width: 2, channels: 1))
        #expect(data.featureNames == ["p0", "p1", "p2", "p3"])
        #expect(data.featureColumns == data.featureNames)
        #expect(data.sourceRowCount == 6)
        #expect(data.missing.isEmpty)
        #expect(data.notes == ["8-bit pixel values scaled to [0, 1] (divided by 255)"])
        #expect(data.groupings.map(\.name) == ["class"])
        // 3 examples per class, round(0.5 · 3) = 2 to test.
        #expect(data.train.count == 2 && data.test.count == 4)
        #expect(Set(data.train.ids + data.test.ids) == Set((1...6).map(String.init)))
        for split in [data.train, data.test] {
            #expect(split.featureCount == 4)
            for (position, id) in split.ids.enumerated() {
                let k = Int(id)!
                #expect(split.labels[position] == (k % 2 == 1 ? 1 : 0), "odd examples are labelled 3 = class 1")
                let row = Array(split.features[(position * 4)..<(position * 4 + 4)])
                #expect(row == (0..<4).map { Float(Double(10 * k + $0) / 255) })
            }
        }
    }

    @Test func splitIsDeterministicAndMatchesCSV() throws {
        // The same labels through the CSV path give the same split (same seed, same classes).
        let idx = try prepareDataset(try smallIDX())
        var csv = try TestData.spec(csv: "a,y\n1,3\n2,1\n3,3\n4,1\n5,3\n6,1\n")
        csv.test = .fraction(0.5)
        csv.seed = 11
        let table = try prepareDataset(csv)
        #expect(idx.train.ids == table.train.ids)
        #expect(idx.test.ids == table.test.ids)
        #expect(idx.train.labels == table.train.labels)
    }

    /// Train features [[1, 10], [3, 10], [5, 10]] (float64), labels [0, 1, 0];
    /// separate test file [[7, 4]], label [1].
    private func floatPairWithTestFile() throws -> DatasetSpec {
        let folder = try ImageFiles.folder()
        func save(_ bytes: [UInt8], _ name: String) throws -> String {
            try ImageFiles.write(bytes, name: name, in: folder)
        }
        var spec = DatasetSpec(
            path: try save(
                ImageFiles.npy(
                    descr: "<f8", shape: [3, 2], payload: ImageFiles.littleEndianDoubles([1, 10, 3, 10, 5, 10])),
                "x.npy"),
            displayPath: "x.npy", label: "label")
        spec.labelsPath = try save(
            ImageFiles.npy(descr: "<i8", shape: [3], payload: ImageFiles.littleEndianInt64([0, 1, 0])), "y.npy")
        spec.labelsDisplayPath = "y.npy"
        spec.test = .path(
            try save(
                ImageFiles.npy(descr: "<f8", shape: [1, 2], payload: ImageFiles.littleEndianDoubles([7, 4])), "xt.npy"),
            displayPath: "xt.npy")
        spec.testLabelsPath = try save(
            ImageFiles.npy(descr: "<i8", shape: [1], payload: ImageFiles.littleEndianInt64([1])), "yt.npy")
        spec.testLabelsDisplayPath = "yt.npy"
        return spec
    }

    @Test func npyFloatStandardisedOnTraining() throws {
        var spec = try floatPairWithTestFile()
        spec.positiveLabel = "1"
        let data = try prepareDataset(spec)
        #expect(data.image == nil, "N×F arrays have no image shape")
        #expect(data.classNames == ["0", "1"])
        #expect(data.positiveClass == 1)
        #expect(data.train.ids == ["1", "2", "3"])
        #expect(data.test.ids == ["1"])
        #expect(data.test.labels == [1])
        #expect(data.sourceRowCount == 4)
        #expect(data.testSHA256 != nil)
        #expect(data.notes == ["features standardised with the training mean and standard deviation of each value"])
        // Tests/References/image_standardisation.py:
        // numpy: x = np.array([[1,10],[3,10],[5,10]]); m = x.mean(0); s = x.std(0); s[s == 0] = 1
        //   (x - m) / s → [[-1.224744871391589, 0], [0, 0], [1.224744871391589, 0]]
        //   (np.array([7, 4]) - m) / s → [2.449489742783178, -6]
        let expectedTrain: [Float] = [-1.224744871391589, 0, 0, 0, 1.224744871391589, 0]
        for (got, want) in zip(data.train.features, expectedTrain) { #expect(abs(got - want) < 1e-6) }
        #expect(abs(data.test.features[0] - 2.449489742783178) < 1e-6)
        #expect(data.test.features[1] == -6)
    }

    @Test func gzippedIDXDetectedByName() throws {
        var spec = try ImageFiles.spec(
            examples: PythonFixtures.idxImagesGz, examplesName: "t10k-images-idx3-ubyte.gz",
            labels: PythonFixtures.idxLabelsGz, labelsName: "t10k-labels-idx1-ubyte.gz")
        spec.test = .fraction(0.4)
        let data = try prepareDataset(spec)
        #expect(data.classNames == ["3", "7"])
        #expect(data.sourceRowCount == 3)
        // Class 3 (example 2) keeps round(0.4 · 1) = 0 for test; class 7 (examples 1, 3) gives round(0.8) = 1.
        #expect(data.train.count == 2 && data.test.count == 1)
        #expect(data.train.ids.contains("2"))
        #expect(data.test.labels == [1])
        let pixels: [String: [Double]] = ["1": [0, 255, 128, 7], "2": [1, 2, 3, 4], "3": [250, 0, 0, 9]]
        #expect(data.test.features == pixels[data.test.ids[0]]!.map { Float($0 / 255) })
        #expect(data.image == ImageShape(height: 2, width: 2, channels: 1))
    }

    @Test func declaredImageShapes() throws {
        var spec = try smallIDX()
        spec.image = ImageShape(height: 2, width: 2, channels: 1)
        #expect(try prepareDataset(spec).image == ImageShape(height: 2, width: 2, channels: 1))
        // Flat N×12 values declared as 2×2×3 images.
        let flat = try ImageFiles.spec(
            examples: ImageFiles.npy(descr: "|u1", shape: [2, 12], payload: [UInt8](repeating: 51, count: 24)),
            examplesName: "f.npy",
            labels: ImageFiles.npy(descr: "|u1", shape: [2], payload: [0, 1]), labelsName: "l.npy")
        var declared = flat
        declared.test = .path(flat.path, displayPath: "f.npy")
        declared.testLabelsPath = flat.labelsPath
        declared.image = ImageShape(height: 2, width: 2, channels: 3)
        let data = try prepareDataset(declared)
        #expect(data.image == ImageShape(height: 2, width: 2, channels: 3))
        #expect(data.train.features == [Float](repeating: 0.2, count: 24))
        // N×H×W×C infers C channels.
        let colour = try ImageFiles.spec(
            examples: ImageFiles.npy(descr: "|u1", shape: [2, 1, 2, 3], payload: [UInt8](repeating: 0, count: 12)),
            examplesName: "c.npy",
            labels: ImageFiles.npy(descr: "|u1", shape: [2], payload: [0, 1]), labelsName: "l.npy")
        var colourSpec = colour
        colourSpec.test = .path(colour.path, displayPath: "c.npy")
        colourSpec.testLabelsPath = colour.labelsPath
        #expect(try prepareDataset(colourSpec).image == ImageShape(height: 1, width: 2, channels: 3))
    }
}
