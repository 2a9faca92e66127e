/// Where in an input file something was found: the file, and when known the
/// 1-based line and column and the dotted key path (`dataset.label`).
public struct SourceLocation: Sendable, Equatable, Hashable {
    /// The file as the user named it (relative or absolute).
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column, when known.
    public var column: Int?
    /// Dotted key path inside a structured file (`training.optimizer.kind`), or a
    /// column name inside a table.
    public var key: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, key: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
    }

    /// `file:line:column` (omitting what is unknown), the form editors and CI
    /// annotations understand.
    public var prefix: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }
}

/// A problem with what the user gave us: a file, a spec, a ruleset, a flag.
///
/// The CLI maps it to exit code 2 and prints ``description``:
/// `audits/x.yaml:5:10: dataset.label: column 'clas' not found; expected one of …; did you mean 'class'?`
/// Nothing is written to the database when one is thrown before the run starts,
/// and a run already started is marked failed.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the problem is, when it is in a file.
    public var location: SourceLocation?
    /// What was found and what was expected, in one or two sentences.
    public var message: String

    public init(_ message: String, at location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }

    public var description: String {
        guard let location else { return message }
        var text = location.prefix + ": "
        if let key = location.key { text += key + ": " }
        return text + message
    }
}
