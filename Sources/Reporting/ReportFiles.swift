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

    /// `path` as seen from the folder `folder`: `../reports/a.csv` from
    /// `site` for `reports/a.csv`. Both are taken relative to the current
    /// folder when not absolute; `.` and `..` are resolved first.
    public static func relativePath(_ path: String, from folder: String) -> String {
        func components(_ path: String) -> [String] {
            let base = FileManager.default.currentDirectoryPath
            let absolute = path.hasPrefix("/") ? path : (base as NSString).appendingPathComponent(path)
            return URL(fileURLWithPath: absolute).standardizedFileURL.pathComponents
        }
        let target = components(path), source = components(folder.isEmpty ? "." : folder)
        var common = 0
        while common < min(target.count - 1, source.count) && target[common] == source[common] { common += 1 }
        let ups = Array(repeating: "..", count: source.count - common)
        return (ups + target[common...]).joined(separator: "/")
    }

    /// Writes a file piece by piece: `produce` hands each piece of text to the
    /// writer it is given. The pieces go to `<path>.partial`, renamed to
    /// `path` once all are written, so a reader never sees half a file.
    /// - Throws: ``InputError`` naming the path when it cannot be written.
    public static func stream(to path: String, _ produce: ((String) throws -> Void) throws -> Void) throws {
        let partial = path + ".partial"
        func failure(_ error: Error) -> InputError {
            InputError("cannot write the file: \(error.localizedDescription)", at: SourceLocation(file: path))
        }
        guard FileManager.default.createFile(atPath: partial, contents: nil),
            let handle = FileHandle(forWritingAtPath: partial)
        else {
            throw InputError("cannot write the file", at: SourceLocation(file: path))
        }
        do {
            try produce { text in try handle.write(contentsOf: Data(text.utf8)) }
            try handle.close()
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: partial, toPath: path)
        } catch let error as InputError {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: partial)
            throw failure(error)
        }
    }
}
