import DietAuditCore
import Foundation

/// The byte layout of a reuse payload (the `payload` blobs of tables
/// `scoring_reuse` and `retrained_reuse`): named arrays of Float64, so a value
/// read back is bit for bit the value written.
///
/// Layout, all integers little-endian: per array, the name's UTF-8 byte count
/// (UInt32), the name, the value count (UInt64), then each value's IEEE 754
/// bit pattern (UInt64). Class indices travel as exact whole Float64s.
enum ReusePayload {
    static func encode(_ arrays: [(name: String, values: [Double])]) -> Data {
        var data = Data()
        func append<T: FixedWidthInteger>(_ value: T) {
            withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
        }
        for (name, values) in arrays {
            let nameBytes = Array(name.utf8)
            append(UInt32(nameBytes.count))
            data.append(contentsOf: nameBytes)
            append(UInt64(values.count))
            data.reserveCapacity(data.count + values.count * 8)
            for value in values { append(value.bitPattern) }
        }
        return data
    }

    /// The arrays of `data` by name; `nil` when the bytes do not follow the
    /// layout (a damaged entry is not reused).
    static func decode(_ data: Data) -> [String: [Double]]? {
        let bytes = [UInt8](data)
        var offset = 0
        func read(_ width: Int) -> UInt64? {
            guard offset + width <= bytes.count else { return nil }
            var value: UInt64 = 0
            for k in 0..<width { value |= UInt64(bytes[offset + k]) << (8 * UInt64(k)) }
            offset += width
            return value
        }
        var arrays: [String: [Double]] = [:]
        while offset < bytes.count {
            guard let nameCount = read(4), offset + Int(nameCount) <= bytes.count else { return nil }
            let name = String(decoding: bytes[offset..<(offset + Int(nameCount))], as: UTF8.self)
            offset += Int(nameCount)
            guard let count = read(8), count <= UInt64((bytes.count - offset) / 8) else { return nil }
            var values: [Double] = []
            values.reserveCapacity(Int(count))
            for _ in 0..<Int(count) { values.append(Double(bitPattern: read(8)!)) }
            arrays[name] = values
        }
        return arrays
    }

    /// Whole class indices back from Float64; `nil` if any is not one.
    static func classIndices(_ values: [Double]) -> [Int]? {
        var result: [Int] = []
        result.reserveCapacity(values.count)
        for value in values {
            guard value >= 0, value < 1e9, value == value.rounded() else { return nil }
            result.append(Int(value))
        }
        return result
    }
}
