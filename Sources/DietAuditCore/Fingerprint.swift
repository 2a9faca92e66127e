import Crypto
import Foundation

/// SHA-256 fingerprints, recorded in every run's provenance so a report can be
/// tied to the exact data, spec and ruleset bytes it was computed from.
public enum Fingerprint {
    /// Lower-case hex SHA-256 of `bytes`.
    public static func sha256(_ bytes: some DataProtocol) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Lower-case hex SHA-256 of a string's UTF-8 bytes.
    public static func sha256(_ text: String) -> String {
        sha256(Data(text.utf8))
    }

    /// Lower-case hex SHA-256 of a file's bytes.
    /// - Throws: ``InputError`` naming the file when it cannot be read.
    public static func sha256(fileAt path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError("cannot read file", at: SourceLocation(file: path))
        }
        return sha256(data)
    }
}

/// SHA-256 of bytes handed over piece by piece (a file read in chunks); the
/// digest equals ``Fingerprint/sha256(_:)-(DataProtocol)`` of all the pieces joined.
public struct StreamingSHA256 {
    private var hasher = SHA256()

    public init() {}

    /// Adds the next piece.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: bytes)
    }

    /// Lower-case hex digest of everything added.
    public func hexDigest() -> String {
        hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
