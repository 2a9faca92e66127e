import Foundation

/// Encoding and decoding of the per-example blobs (docs/STORAGE.md): arrays
/// of fixed-width little-endian numbers, and bit sets. On a little-endian
/// host (every platform DietAudit builds for) an array is copied as it lies
/// in memory; elsewhere each value is byte-swapped.
public enum LittleEndianBlob {
    /// `values` as little-endian 8-byte integers, 4-byte integers, … (the
    /// element's own width).
    public static func encode<Value: FixedWidthInteger>(_ values: [Value]) -> Data {
        if Value.zero.littleEndian == Value.zero && 1.littleEndian == 1 {
            return values.withUnsafeBytes { Data($0) }
        }
        return values.map(\.littleEndian).withUnsafeBytes { Data($0) }
    }

    /// `values` as little-endian IEEE 754 binary64.
    public static func encode(_ values: [Double]) -> Data {
        encode(values.map(\.bitPattern))
    }

    /// The integers of a blob written by ``encode(_:)-(FixedWidthInteger)``;
    /// trailing bytes short of a whole value are ignored.
    public static func decode<Value: FixedWidthInteger>(_ data: Data, as type: Value.Type) -> [Value] {
        let width = MemoryLayout<Value>.size
        let count = data.count / width
        var values = [Value](repeating: 0, count: count)
        values.withUnsafeMutableBytes { target in
            _ = data.copyBytes(to: target.bindMemory(to: UInt8.self), count: count * width)
        }
        return 1.littleEndian == 1 ? values : values.map { Value(littleEndian: $0) }
    }

    /// The doubles of a blob written by ``encode(_:)-(Double)``.
    public static func decodeDoubles(_ data: Data) -> [Double] {
        decode(data, as: UInt64.self).map(Double.init(bitPattern:))
    }

    /// A bit set: bit i is bit (i mod 8) of byte ⌊i / 8⌋, least significant
    /// bit first; unused high bits of the last byte are 0.
    public static func encodeBits(_ flags: [Bool]) -> Data {
        var bytes = [UInt8](repeating: 0, count: (flags.count + 7) / 8)
        for (index, flag) in flags.enumerated() where flag { bytes[index >> 3] |= 1 << UInt8(index & 7) }
        return Data(bytes)
    }

    /// The first `count` flags of a bit set written by ``encodeBits(_:)``.
    public static func decodeBits(_ data: Data, count: Int) -> [Bool] {
        let bytes = [UInt8](data)
        precondition(bytes.count * 8 >= count, "a bit set of \(bytes.count) bytes holds fewer than \(count) flags")
        return (0..<count).map { bytes[$0 >> 3] & (1 << UInt8($0 & 7)) != 0 }
    }
}
