/// A non-negative decimal number held exactly, as written: `digits · 10^(−scale)`.
///
/// Pruning and test-split sizes are round(f·N) with f·N computed **exactly**
/// from the decimal the user wrote and rounded half to even (DESIGN.md
/// "Definitions"; the rule of Python's `round` and numpy). Binary floating
/// point cannot do that: `0.7` is stored as 0.6999999999999999556, so
/// `0.7 * 45` gives 31.499999999999996 and rounds to 31, where 31.5 rounds to 32.
///
/// Values are normalised (no trailing zero digits), so `0.3` and `0.30` are
/// equal and hash alike. At most 19 significant digits are kept exactly; the
/// parser rejects longer numbers rather than round them.
public struct DecimalFraction: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The significant digits as an integer (`7` for `0.7`, `25` for `0.25`).
    public let digits: UInt64
    /// The power of ten dividing ``digits`` (`1` for `0.7`, `2` for `0.25`); ≥ 0.
    public let scale: Int

    /// `digits · 10^(−scale)`, normalised.
    public init(digits: UInt64, scale: Int) {
        precondition(scale >= 0, "scale must be zero or positive")
        var digits = digits, scale = scale
        while scale > 0, digits % 10 == 0 {
            digits /= 10
            scale -= 1
        }
        if digits == 0 { scale = 0 }
        self.digits = digits
        self.scale = scale
    }

    /// Parses a plain decimal: digits with an optional fraction and an
    /// optional exponent (`0.7`, `.25`, `3e-1`, `2.5E-2`), no sign other than
    /// an optional `+`. Returns `nil` for anything else (`-0.1`, `1/3`,
    /// `0x1p-1`, `.inf`), or when more than 19 significant digits are needed.
    public init?(parsing text: String) {
        var body = Substring(text)
        if body.hasPrefix("+") { body = body.dropFirst() }
        var exponent = 0
        if let marker = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            var exponentText = body[body.index(after: marker)...]
            var negative = false
            if let sign = exponentText.first, sign == "-" || sign == "+" {
                negative = sign == "-"
                exponentText = exponentText.dropFirst()
            }
            guard !exponentText.isEmpty, exponentText.count <= 4, exponentText.allSatisfy(\.isASCIIDigit),
                let value = Int(exponentText)
            else { return nil }
            exponent = negative ? -value : value
            body = body[..<marker]
        }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0], fractional = parts.count > 1 ? parts[1] : ""
        guard whole.count + fractional.count > 0, whole.allSatisfy(\.isASCIIDigit),
            fractional.allSatisfy(\.isASCIIDigit)
        else { return nil }
        var allDigits = Substring(String(whole) + String(fractional))
        while allDigits.first == "0" { allDigits = allDigits.dropFirst() }
        var scale = fractional.count - exponent
        while scale > 0, allDigits.last == "0" {
            allDigits = allDigits.dropLast()
            scale -= 1
        }
        if allDigits.isEmpty {
            self.init(digits: 0, scale: 0)
            return
        }
        guard allDigits.count <= 19, let digits = UInt64(allDigits) else { return nil }
        if scale < 0 {
            // A whole number written with an exponent (`5e1`): fold the zeros in.
            var value = digits
            for _ in 0..<(-scale) {
                let (product, overflow) = value.multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
                value = product
            }
            self.init(digits: value, scale: 0)
        } else {
            self.init(digits: digits, scale: scale)
        }
    }

    /// The shortest decimal that reads back as `value` (Swift's `description`
    /// of a `Double`), exactly; `nil` for a negative or non-finite value.
    /// A `Double` parsed from a decimal of up to 15 significant digits gives
    /// that decimal back.
    public init?(_ value: Double) {
        guard value.isFinite, value >= 0 else { return nil }
        self.init(parsing: "\(value)")
    }

    /// The nearest `Double`.
    public var doubleValue: Double {
        Double("\(self)") ?? .nan
    }

    /// round(self · count), with self · count computed exactly in integer
    /// arithmetic and a tie (an exact .5) rounded to the even neighbour:
    /// 0.7·45 = 31.5 → 32, 0.5·5 = 2.5 → 2, 0.5·7 = 3.5 → 4.
    /// - Precondition: `count` ≥ 0 and the result fits in an `Int`.
    public func roundedHalfEven(times count: Int) -> Int {
        precondition(count >= 0, "count must be zero or positive")
        let product = UInt128(digits) * UInt128(count)
        // digits < 2^64 and count < 2^63, so product < 2^127 < 10^39: with a
        // larger scale the exact value is below 0.5 and rounds to 0.
        guard scale <= 38 else { return 0 }
        var divisor: UInt128 = 1
        for _ in 0..<scale { divisor *= 10 }
        let (quotient, remainder) = product.quotientAndRemainder(dividingBy: divisor)
        var rounded = quotient
        let twice = remainder * 2
        if twice > divisor || (twice == divisor && quotient % 2 == 1) { rounded += 1 }
        precondition(rounded <= UInt128(Int.max), "\(self) × \(count) does not fit in an Int")
        return Int(rounded)
    }

    /// The decimal as written in normal form: `0.7`, `0.25`, `3`, `0.0001`.
    public var description: String {
        let text = String(digits)
        guard scale > 0 else { return text }
        if text.count > scale {
            let split = text.index(text.endIndex, offsetBy: -scale)
            return text[..<split] + "." + text[split...]
        }
        return "0." + String(repeating: "0", count: scale - text.count) + text
    }

    /// Exact comparison: both values written as integers at their common
    /// scale, padded to one length, compared digit by digit.
    public static func < (lhs: DecimalFraction, rhs: DecimalFraction) -> Bool {
        let common = max(lhs.scale, rhs.scale)
        let left = String(lhs.digits) + String(repeating: "0", count: common - lhs.scale)
        let right = String(rhs.digits) + String(repeating: "0", count: common - rhs.scale)
        let width = max(left.count, right.count)
        func padded(_ text: String) -> String { String(repeating: "0", count: width - text.count) + text }
        return padded(left) < padded(right)
    }
}

extension DecimalFraction: ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    /// A literal in code (`0.3`): the shortest decimal of the `Double`, as written.
    public init(floatLiteral value: Double) {
        guard let decimal = DecimalFraction(value) else {
            preconditionFailure("\(value) is not a non-negative decimal")
        }
        self = decimal
    }

    public init(integerLiteral value: UInt64) {
        self.init(digits: value, scale: 0)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
