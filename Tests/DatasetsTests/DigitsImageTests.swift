import DietAuditCore
import Foundation
import Testing

@testable import Datasets

/// The digits data (`digits.csv`: p0…p63, label) as IDX and NPY pairs gives the
/// same examples, labels and split as the CSV path; features differ only by the
/// documented scaling (ubyte → x / 255; float64 → standardised like CSV).
@Suite struct DigitsImageTests {
    /// Pixels (row-major, 64 per example) and labels parsed from the CSV text.
    private func digits() throws -> (path: String, pixels: [UInt8], labels: [Int], count: Int)? {
        guard let path = TestData.shared("digits.csv") else { return nil }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst()
        var pixels: [UInt8] = [], labels: [Int] = []
        for line in lines {
            let fields = line.split(separator: ",").map { Int($0)! }
            pixels += fields.prefix(64).map(UInt8.init)
            labels.append(fields[64])
        }
        return (path, pixels, labels, labels.count)
    }

    private func csvSpec(_ path: String) -> DatasetSpec {
        var spec = DatasetSpec(path: path, displayPath: "digits.csv", label: "label")
        spec.seed = 42
        return spec
    }

    @Test func idxAndNpyMatchCSV() throws {
        guard let digits = try digits() else { return }
        #expect(digits.count == 1797)
        let table = try prepareDataset(csvSpec(digits.path))

        var idx = try ImageFiles.spec(
            examples: ImageFiles.idx(typeCode: 0x08, shape: [digits.count, 8, 8], payload: digits.pixels),
            examplesName: "digits-images-idx3-ubyte",
            labels: ImageFiles.idx(typeCode: 0x08, shape: [digits.count], payload: digits.labels.map(UInt8.init)),
            labelsName: "digits-labels-idx1-ubyte")
        idx.seed = 42
        let fromIDX = try prepareDataset(idx)

        var npy = try ImageFiles.spec(
            examples: ImageFiles.npy(
                descr: "<f8", shape: [digits.count, 64],
                payload: ImageFiles.littleEndianDoubles(digits.pixels.map(Double.init))),
            examplesName: "digits_x.npy",
            labels: ImageFiles.npy(
                descr: "<i8", shape: [digits.count], payload: ImageFiles.littleEndianInt64(digits.labels)),
            labelsName: "digits_y.npy")
        npy.seed = 42
        let fromNPY = try prepareDataset(npy)

        #expect(fromIDX.image == ImageShape(height: 8, width: 8, channels: 1))
        #expect(fromNPY.image == nil)
        for data in [fromIDX, fromNPY] {
            #expect(data.classNames == table.classNames)
            #expect(data.featureNames == table.featureNames, "p0…p63 in both")
            #expect(data.train.ids == table.train.ids)
            #expect(data.test.ids == table.test.ids)
            #expect(data.train.labels == table.train.labels)
            #expect(data.test.labels == table.test.labels)
            #expect(data.groupings.map(\.name) == ["class"])
            #expect(data.groupings[0].train == table.groupings[0].train)
        }
        // float64 NPY: standardised exactly as the CSV's numeric columns.
        #expect(fromNPY.train.features == table.train.features)
        #expect(fromNPY.test.features == table.test.features)
        // ubyte IDX: each feature is the CSV pixel / 255.
        for split in [fromIDX.train, fromIDX.test] {
            for (position, id) in split.ids.enumerated() {
                let row = Int(id)! - 1
                let expected = digits.pixels[(row * 64)..<(row * 64 + 64)].map { Float(Double($0) / 255) }
                #expect(Array(split.features[(position * 64)..<(position * 64 + 64)]) == expected)
            }
        }
    }

    @Test func gzippedFixtureMatchesFirstRows() throws {
        guard let digits = try digits() else { return }
        let images = try IDXReader.parse(DigitsGzipFixture.images, displayName: "digits30-images-idx3-ubyte.gz")
        #expect(images.shape == [30, 8, 8])
        #expect(images.doubleValues() == digits.pixels.prefix(30 * 64).map(Double.init))
        let labels = try IDXReader.parse(DigitsGzipFixture.labels, displayName: "digits30-labels-idx1-ubyte.gz")
        #expect(labels.doubleValues() == digits.labels.prefix(30).map(Double.init))

        var spec = try ImageFiles.spec(
            examples: DigitsGzipFixture.images, examplesName: "digits30-images-idx3-ubyte.gz",
            labels: DigitsGzipFixture.labels, labelsName: "digits30-labels-idx1-ubyte.gz")
        spec.test = .fraction(0.25)
        let data = try prepareDataset(spec)
        #expect(data.sourceRowCount == 30)
        #expect(data.classNames == Array(Set(digits.labels.prefix(30))).sorted().map(String.init))
        for (position, id) in data.train.ids.enumerated() {
            let row = Int(id)! - 1
            #expect(data.train.labels[position] == data.classNames.firstIndex(of: String(digits.labels[row])))
            #expect(data.train.features[position * 64 + 20] == Float(Double(digits.pixels[row * 64 + 20]) / 255))
        }
    }
}
