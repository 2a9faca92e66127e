/// Why a gzip (RFC 1952) stream could not be decoded by ``Gzip``.
/// Callers turn it into an ``InputError`` naming the file.
struct InflateError: Error, Equatable, CustomStringConvertible {
    /// What was wrong, in plain words ("the compressed data ends unexpectedly (truncated file?)").
    var reason: String

    init(_ reason: String) { self.reason = reason }

    var description: String { reason }
}
