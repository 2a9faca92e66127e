/// The CRC-32 of gzip (RFC 1952 §8), zlib and PNG: reflected polynomial
/// 0xEDB88320, initial value and final XOR 0xFFFFFFFF.
///
/// Check value: `crc32("123456789") == 0xCBF43926`.
enum CRC32 {
    /// The byte-at-a-time lookup table: entry n is the CRC register after
    /// shifting the byte n through eight rounds of the polynomial.
    static let table: [UInt32] = (0..<256).map { byte in
        var register = UInt32(byte)
        for _ in 0..<8 {
            register = register & 1 == 1 ? (register >> 1) ^ 0xEDB8_8320 : register >> 1
        }
        return register
    }

    /// The CRC-32 of `bytes`.
    static func checksum<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
        var register: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            register = table[Int((register ^ UInt32(byte)) & 0xFF)] ^ (register >> 8)
        }
        return register ^ 0xFFFF_FFFF
    }
}
