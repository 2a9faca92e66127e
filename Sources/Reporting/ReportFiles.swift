import DietAuditCore
import Foundation

/// Writing report files.
public enum ReportFiles {
    /// A file name made from an audit name: letters, digits, `-`, `_` and `.`
    /// kept, anything else replaced by `-`.
    public static func fileName(audit: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        let cleaned = String(audit.map { allowed.contains($0) ? $0 : "-" })
        return cleaned.isEmpty || cleaned.allSatisfy({ $0 == "." }) ? "report" : cleaned
    }

    /// Writes `text` atomically to `path`.
    /// - Throws: ``InputError`` naming the path when it cannot be written.
    public static func write(_ text: String, to path: String) throws {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw InputError("cannot write the file: \(error.localizedDescription)", at: SourceLocation(file: path))
        }
    }
}
