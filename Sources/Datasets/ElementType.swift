/// The type of the numbers stored in an IDX or NPY array.
enum ElementType: Equatable {
    case uint8, int8, int16, int32, int64, float32, float64

    /// Bytes per value.
    var size: Int {
        switch self {
        case .uint8, .int8: 1
        case .int16: 2
        case .int32, .float32: 4
        case .int64, .float64: 8
        }
    }

    /// Whether values are integers (labels must be).
    var isInteger: Bool { self != .float32 && self != .float64 }

    /// The name messages use: `ubyte`, `int32`, `float64`.
    var name: String {
        switch self {
        case .uint8: "ubyte"
        case .int8: "byte"
        case .int16: "int16"
        case .int32: "int32"
        case .int64: "int64"
        case .float32: "float32"
        case .float64: "float64"
        }
    }
}

/// A dense N-dimensional array read from a file, still as raw bytes: shape,
/// element type and byte order, decoded on demand.
struct NumericArray {
    /// Dimensions, outermost first (C order: the last index varies fastest).
    var shape: [Int]
    var elementType: ElementType
    var bigEndian: Bool
    /// The file's (decompressed) bytes and where the values start.
    var bytes: [UInt8]
    var dataOffset: Int
    /// The file as messages name it.
    var fileName: String

    /// Number of values: the product of the dimensions.
    var count: Int { shape.reduce(1, *) }

    /// `60000×28×28`, as messages write a shape.
    var shapeText: String { shape.isEmpty ? "scalar" : shape.map(String.init).joined(separator: "×") }

    /// The value at flat index `index` as a `Double` (exact for every integer
    /// type up to 2⁵³ and for both float types).
    func value(at index: Int) -> Double {
        let start = dataOffset + index * elementType.size
        func raw(_ size: Int) -> UInt64 {
            var result: UInt64 = 0
            for byte in 0..<size {
                let shift = bigEndian ? UInt64(8 * (size - 1 - byte)) : UInt64(8 * byte)
                result |= UInt64(bytes[start + byte]) << shift
            }
            return result
        }
        switch elementType {
        case .uint8: return Double(bytes[start])
        case .int8: return Double(Int8(bitPattern: bytes[start]))
        case .int16: return Double(Int16(truncatingIfNeeded: raw(2)))
        case .int32: return Double(Int32(truncatingIfNeeded: raw(4)))
        case .int64: return Double(Int64(bitPattern: raw(8)))
        case .float32: return Double(Float(bitPattern: UInt32(truncatingIfNeeded: raw(4))))
        case .float64: return Double(bitPattern: raw(8))
        }
    }

    /// Every value, as `Double`, in C order.
    func doubleValues() -> [Double] {
        if elementType == .uint8 { return bytes[dataOffset..<dataOffset + count].map { Double($0) } }
        return (0..<count).map(value(at:))
    }
}
