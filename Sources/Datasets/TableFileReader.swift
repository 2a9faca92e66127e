import Foundation

/// A reader of one tabular file format (CSV, ARFF): it parses bytes into a
/// ``Table``; reading a file and the convenience forms (from `Data`, with the
/// default ``TableReadOptions`` — UTF-8, no extra missing-value tokens) come
/// from this protocol, so every format offers the same entry points.
public protocol TableFileReader {
    /// Parses the file's bytes; messages name the file `displayName`.
    /// - Throws: ``DietAuditCore/InputError`` at `displayName:line` (and byte
    ///   column, for invalid UTF-8) for malformed content.
    static func parse(_ bytes: [UInt8], displayName: String, options: TableReadOptions) throws -> Table
}

extension TableFileReader {
    /// Reads and parses the file at `path`; messages name it `displayName`.
    /// - Throws: ``DietAuditCore/InputError`` at `displayName[:line]` for an
    ///   unreadable file or malformed content.
    public static func read(path: String, displayName: String, options: TableReadOptions = TableReadOptions())
        throws -> Table
    {
        try parse(readFileBytes(path: path, displayName: displayName), displayName: displayName, options: options)
    }

    /// Parses the bytes of `data`; messages name the file `displayName`.
    public static func parse(_ data: Data, displayName: String, options: TableReadOptions = TableReadOptions())
        throws -> Table
    {
        try parse([UInt8](data), displayName: displayName, options: options)
    }

    /// Parses the bytes with the default options (UTF-8, no extra missing-value tokens).
    public static func parse(_ bytes: [UInt8], displayName: String) throws -> Table {
        try parse(bytes, displayName: displayName, options: TableReadOptions())
    }
}
