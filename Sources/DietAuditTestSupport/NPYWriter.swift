import Foundation

/// Writes small `.npy` files (format 1.0, little-endian, C order) for tests:
/// float64 and float32 vectors, int64 and int32 vectors, and numpy's
/// fixed-width unicode strings (`<U n`).
public enum NPYWriter {
    /// The file bytes of a 1-D array with dtype `descr` holding `payload`.
    static func file(descr: String, count: Int, payload: [UInt8]) -> Data {
        file(descr: descr, shape: [count], payload: payload)
    }

    /// The file bytes of an array of shape `shape` (C order) with dtype `descr`.
    public static func file(descr: String, shape: [Int], payload: [UInt8]) -> Data {
        let dimensions = shape.count == 1 ? "\(shape[0])," : shape.map(String.init).joined(separator: ", ")
        var header = "{'descr': '\(descr)', 'fortran_order': False, 'shape': (\(dimensions)), }"
        while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
        header += "\n"
        var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0]
        let length = UInt16(header.utf8.count)
        bytes += [UInt8(length & 0xFF), UInt8(length >> 8)]
        bytes += Array(header.utf8) + payload
        return Data(bytes)
    }

    static func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }

    public static func float64(_ values: [Double]) -> Data {
        file(descr: "<f8", count: values.count, payload: values.flatMap { littleEndian($0.bitPattern) })
    }

    /// A float64 array of shape `shape`, `values` in C order.
    public static func float64(_ values: [Double], shape: [Int]) -> Data {
        precondition(shape.reduce(1, *) == values.count, "NPYWriter: the shape does not fit the values")
        return file(descr: "<f8", shape: shape, payload: values.flatMap { littleEndian($0.bitPattern) })
    }

    /// A float32 array of shape `shape`, `values` in C order.
    public static func float32(_ values: [Float], shape: [Int]) -> Data {
        precondition(shape.reduce(1, *) == values.count, "NPYWriter: the shape does not fit the values")
        return file(descr: "<f4", shape: shape, payload: values.flatMap { littleEndian($0.bitPattern) })
    }

    public static func float32(_ values: [Float]) -> Data {
        file(descr: "<f4", count: values.count, payload: values.flatMap { littleEndian($0.bitPattern) })
    }

    public static func int64(_ values: [Int64]) -> Data {
        file(descr: "<i8", count: values.count, payload: values.flatMap { littleEndian($0) })
    }

    public static func int32(_ values: [Int32]) -> Data {
        file(descr: "<i4", count: values.count, payload: values.flatMap { littleEndian($0) })
    }

    /// `<U n` with n the longest string's length, each padded with NULs.
    public static func unicode(_ values: [String]) -> Data {
        let width = max(1, values.map { $0.unicodeScalars.count }.max() ?? 1)
        var payload: [UInt8] = []
        for value in values {
            let scalars = value.unicodeScalars.map(\.value)
            for unit in 0..<width { payload += littleEndian(unit < scalars.count ? scalars[unit] : 0) }
        }
        return file(descr: "<U\(width)", count: values.count, payload: payload)
    }
}
