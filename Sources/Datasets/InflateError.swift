/// Why a DEFLATE (RFC 1951) or gzip (RFC 1952) stream could not be decoded.
/// Callers turn it into an ``InputError`` naming the file.
struct InflateError: Error, Equatable, CustomStringConvertible {
    /// What was wrong, in plain words ("invalid block type 3").
    var reason: String

    init(_ reason: String) { self.reason = reason }

    var description: String { reason }
}
