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
