import DietAuditCore
import Foundation

/// Reads a whole file as bytes.
/// - Throws: ``InputError`` at `displayName` when the file is missing or unreadable.
func readFileBytes(path: String, displayName: String) throws -> [UInt8] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw InputError("file not found", at: SourceLocation(file: displayName))
    }
    guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path) else {
        throw InputError("cannot read file (is it a readable regular file?)", at: SourceLocation(file: displayName))
    }
    return [UInt8](data)
}
