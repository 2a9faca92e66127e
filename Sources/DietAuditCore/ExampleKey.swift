/// The seeded key that breaks ties and draws `random` plans, defined so that
/// any SQL engine computes the same one from an example's id.
///
/// For the audit's seed s, a stream name t and an example id written as text,
///
///     key = md5("<s>:<t>:<id>")      (s in decimal, the UTF-8 bytes hashed)
///
/// compared as 32 lowercase hex digits (equivalently, as the 16 digest bytes in
/// order). Streams: `ties:<score>` orders examples with equal scores (smaller
/// key first); `random` orders all examples for the `random` policy, which
/// removes the R examples with the smallest keys — so the random plans of
/// growing fractions are nested, as the score-based plans are. In SQL:
/// `md5('0:ties:el2n@2:' || CAST(id AS TEXT))` (PostgreSQL, DuckDB, Spark SQL),
/// `lower(to_hex(md5(to_utf8(…))))` (Trino); the ids must read the same as text
/// in the engine as in the file (integers or text, not floating-point values).
/// Ids of a file without an id column are the 1-based row numbers.
public struct ExampleKey: Sendable, Hashable, Comparable, BitwiseCopyable {
    /// The digest's first eight bytes, big-endian.
    public var high: UInt64
    /// The digest's last eight bytes, big-endian.
    public var low: UInt64

    /// The key of `id` in `stream` for `seed`.
    public init(seed: UInt64, stream: String, id: String) {
        (high, low) = Array(Self.text(seed: seed, stream: stream, id: id).utf8).withUnsafeBytes { MD5.digest($0) }
    }

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The text hashed: `"<seed>:<stream>:<id>"`.
    public static func text(seed: UInt64, stream: String, id: String) -> String { "\(seed):\(stream):\(id)" }

    /// The text hashed before the id: `"<seed>:<stream>:"` (the SQL prefix literal).
    public static func prefix(seed: UInt64, stream: String) -> String { "\(seed):\(stream):" }

    /// The stream that breaks ties of `score` (its contract name, `el2n@2`).
    public static func tieStream(score: String) -> String { "ties:\(score)" }

    /// The stream of the `random` policy.
    public static let randomStream = "random"

    /// The key's first 4 bytes as a number: ordering by it orders by those
    /// bytes (a radix sort by this settles all but a few equal prefixes).
    public var leadingBytes: UInt32 { UInt32(truncatingIfNeeded: high >> 32) }

    public static func < (lhs: ExampleKey, rhs: ExampleKey) -> Bool { (lhs.high, lhs.low) < (rhs.high, rhs.low) }
}
