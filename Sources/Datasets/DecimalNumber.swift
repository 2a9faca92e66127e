/// Strict, fast parsing of plain decimal numbers as data files write them.
///
/// Accepted: an optional sign, digits with an optional fraction (`12`, `-1`,
/// `0.627`, `.5`, `5.`), and an optional exponent (`1e-3`, `2E+10`). Rejected:
/// surrounding spaces, `nan`, `inf`, hexadecimal, thousands separators, and
/// anything whose value overflows to infinity. Values whose decimal mantissa
/// fits in 53 bits with a power of ten up to 10²² are computed exactly (one
/// correctly rounded multiply or divide); others go through the standard
/// library's correctly rounded conversion.
enum DecimalNumber {
    /// The value of `text`, or `nil` when it is not a plain finite decimal number.
    static func parse(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// The value of the UTF-8 bytes, or `nil` (see ``DecimalNumber``).
    static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        let count = bytes.count
        var index = 0
        var negative = false
        if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var digitCount = 0
        var exponent = 0
        var exact = true
        // Integer part.
        while index < count, bytes[index] &- 48 < 10 {
            accumulate(
                bytes[index] &- 48, into: &mantissa, significant: &significantDigits, exponent: &exponent,
                exact: &exact, fractional: false)
            digitCount += 1
            index += 1
        }
        // Fraction.
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < count, bytes[index] &- 48 < 10 {
                accumulate(
                    bytes[index] &- 48, into: &mantissa, significant: &significantDigits, exponent: &exponent,
                    exact: &exact, fractional: true)
                digitCount += 1
                index += 1
            }
        }
        guard digitCount > 0 else { return nil }
        // Exponent.
        if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            var exponentNegative = false
            if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var written = 0
            var exponentDigits = 0
            while index < count, bytes[index] &- 48 < 10 {
                if written < 100_000 { written = written * 10 + Int(bytes[index] &- 48) }
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0 else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard index == count else { return nil }

        let value: Double
        if mantissa == 0 {
            value = 0
        } else if exact, mantissa <= (1 << 53), abs(exponent) <= 22 {
            let scale = powersOfTen[abs(exponent)]
            value = exponent < 0 ? Double(mantissa) / scale : Double(mantissa) * scale
        } else {
            guard let slow = Double(String(decoding: bytes, as: UTF8.self)), slow.isFinite else { return nil }
            return slow
        }
        guard value.isFinite else { return nil }
        return negative ? -value : value
    }

    /// Adds one digit to the mantissa, keeping at most 19 significant digits;
    /// later digits only move the exponent (and make the fast path inexact).
    @inline(__always)
    private static func accumulate(
        _ digit: UInt8, into mantissa: inout UInt64, significant: inout Int,
        exponent: inout Int, exact: inout Bool, fractional: Bool
    ) {
        if significant == 0 && digit == 0 {
            if fractional { exponent -= 1 }
            return
        }
        if significant < 19 {
            mantissa = mantissa * 10 + UInt64(digit)
            significant += 1
            if fractional { exponent -= 1 }
        } else {
            if digit != 0 { exact = false }
            if !fractional { exponent += 1 }
        }
    }
}
