import DietAuditCore
import Foundation
import Testing

@testable import Datasets

/// Builders of IDX and NPY bytes by hand, and temporary files holding them.
enum ImageFiles {
    /// An IDX file: 00 00, `typeCode`, rank, big-endian dimensions, then `payload`.
    static func idx(typeCode: UInt8, shape: [Int], payload: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = [0, 0, typeCode, UInt8(shape.count)]
        for dimension in shape { bytes += bigEndian(UInt32(dimension)) }
        return bytes + payload
    }

    /// An NPY 1.0 file with the header dict `{'descr': descr, 'fortran_order': False, 'shape': shape}`,
    /// padded with spaces so the data starts at a multiple of 64 (as numpy does).
    static func npy(descr: String, shape: [Int], payload: [UInt8], fortranOrder: Bool = false) -> [UInt8] {
        let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var header =
            "{'descr': '\(descr)', 'fortran_order': \(fortranOrder ? "True" : "False"), 'shape': \(shapeText), }"
        while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
        header += "\n"
        let length = UInt16(header.utf8.count)
        return [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(length & 0xFF), UInt8(length >> 8)] + Array(header.utf8)
            + payload
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    /// Little-endian bytes of `values` as float64 (`<f8`).
    static func littleEndianDoubles(_ values: [Double]) -> [UInt8] {
        values.flatMap { value in (0..<8).map { UInt8((value.bitPattern >> UInt64(8 * $0)) & 0xFF) } }
    }

    /// Little-endian bytes of `values` as int64 (`<i8`).
    static func littleEndianInt64(_ values: [Int]) -> [UInt8] {
        values.flatMap { value in (0..<8).map { UInt8((UInt64(bitPattern: Int64(value)) >> UInt64(8 * $0)) & 0xFF) } }
    }

    /// A fresh temporary folder.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "dietaudit-image-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `bytes` as `name` in `folder`; returns the path.
    @discardableResult
    static func write(_ bytes: [UInt8], name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// A spec for an examples file and a labels file written to a fresh folder.
    static func spec(examples: [UInt8], examplesName: String, labels: [UInt8], labelsName: String) throws -> DatasetSpec
    {
        let folder = try folder()
        var spec = DatasetSpec(
            path: try write(examples, name: examplesName, in: folder), displayPath: examplesName, label: "label")
        spec.labelsPath = try write(labels, name: labelsName, in: folder)
        spec.labelsDisplayPath = labelsName
        return spec
    }
}
