import Foundation
import Yams

/// A node of a YAML document that remembers where it came from, so every error
/// about it can name the file, line, column and dotted key path.
///
/// Spec and ruleset loaders walk a document with these instead of `Decodable`,
/// because a decoder reports only a coding path. Reading is strict: a mapping
/// read through ``mapping(allowedKeys:)`` rejects unknown keys with a "did you
/// mean", and each typed accessor says what it found and what it expected.
public struct YAMLValue {
    /// The underlying node.
    public let node: Node
    /// The file as the user named it.
    public let file: String
    /// Dotted key path from the document root (`""` for the root,
    /// `scores[2].kind` inside a list).
    public let path: String

    public init(node: Node, file: String, path: String) {
        self.node = node
        self.file = file
        self.path = path
    }

    /// Where this node starts.
    public var location: SourceLocation {
        SourceLocation(
            file: file, line: node.mark?.line, column: node.mark?.column,
            key: path.isEmpty ? nil : path)
    }

    /// An ``InputError`` located at this node.
    public func error(_ message: String) -> InputError {
        InputError(message, at: location)
    }

    /// Parses a whole document.
    /// - Parameters:
    ///   - text: the YAML text.
    ///   - file: the name to report in errors.
    /// - Throws: ``InputError`` with line and column for a syntax error or an empty document.
    public static func parse(_ text: String, file: String) throws -> YAMLValue {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw InputError("the document is empty; expected a YAML mapping", at: SourceLocation(file: file))
            }
            return YAMLValue(node: node, file: file, path: "")
        } catch let error as YamlError {
            throw Self.inputError(from: error, file: file)
        }
    }

    /// Reads and parses a file.
    /// - Parameters:
    ///   - path: the file to read.
    ///   - displayName: the name to report (defaults to `path`).
    public static func parse(fileAt path: String, displayName: String? = nil) throws -> YAMLValue {
        let name = displayName ?? path
        guard FileManager.default.fileExists(atPath: path) else {
            throw InputError("file not found", at: SourceLocation(file: name))
        }
        guard let data = FileManager.default.contents(atPath: path),
            let text = String(data: data, encoding: .utf8)
        else {
            throw InputError("cannot read the file as UTF-8 text", at: SourceLocation(file: name))
        }
        return try parse(text, file: name)
    }

    private static func inputError(from error: YamlError, file: String) -> InputError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            var message = "YAML syntax error: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line))" }
            return InputError(message, at: SourceLocation(file: file, line: mark.line, column: mark.column))
        case let .duplicatedKeysInMapping(duplicates, context):
            return InputError(
                "duplicate key \(listForMessage(duplicates)) in a mapping",
                at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column))
        default:
            return InputError("YAML error: \(error)", at: SourceLocation(file: file))
        }
    }

    // MARK: - Kinds

    /// True for `null`, `~` or an empty value.
    public var isNull: Bool {
        if case .scalar(let scalar) = node, scalar.style == .plain {
            return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        }
        return false
    }

    /// A short word for what this node is, for error messages.
    public var kindDescription: String {
        switch node {
        case .scalar(let scalar): return isNull ? "null" : "'\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// Reads this node as a mapping whose keys must all be in `allowedKeys`.
    /// - Throws: for a non-mapping, an unknown key (located at that key, with a
    ///   "did you mean"), or a non-string key.
    public func mapping(allowedKeys: [String]) throws -> YAMLMapping {
        guard case .mapping(let mapping) = node else {
            throw error("expected a mapping with keys \(listForMessage(allowedKeys)), found \(kindDescription)")
        }
        var entries: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                throw YAMLValue(node: keyNode, file: file, path: path).error("mapping keys must be plain names")
            }
            let key = scalar.string
            if !allowedKeys.contains(key) {
                let keyPath = path.isEmpty ? key : path + "." + key
                throw YAMLValue(node: keyNode, file: file, path: keyPath).error(
                    "unknown key '\(key)'; expected one of \(listForMessage(allowedKeys))"
                        + didYouMean(key, among: allowedKeys))
            }
            entries.append((key, keyNode, valueNode))
        }
        return YAMLMapping(owner: self, entries: entries)
    }

    /// Reads this node as a list.
    public func sequence() throws -> [YAMLValue] {
        guard case .sequence(let sequence) = node else {
            throw error("expected a list, found \(kindDescription)")
        }
        return sequence.enumerated().map { index, child in
            YAMLValue(node: child, file: file, path: "\(path)[\(index)]")
        }
    }

    /// Reads a scalar as text.
    public func string() throws -> String {
        guard case .scalar(let scalar) = node, !isNull else {
            throw error("expected a text value, found \(kindDescription)")
        }
        return scalar.string
    }

    /// Reads a whole number.
    public func int() throws -> Int {
        guard let value = node.int, case .scalar = node else {
            throw error("expected a whole number, found \(kindDescription)")
        }
        return value
    }

    /// Reads a number (a whole number is accepted too).
    public func double() throws -> Double {
        guard case .scalar = node, let value = node.float ?? node.int.map(Double.init), value.isFinite else {
            throw error("expected a number, found \(kindDescription)")
        }
        return value
    }

    /// Reads `true` or `false`.
    public func bool() throws -> Bool {
        guard case .scalar = node, let value = node.bool else {
            throw error("expected true or false, found \(kindDescription)")
        }
        return value
    }

    /// Reads a list of text values; a single scalar counts as a one-element list.
    public func stringList() throws -> [String] {
        if case .scalar = node { return [try string()] }
        return try sequence().map { try $0.string() }
    }

    /// Reads a text value that must be one of `choices`.
    public func choice(_ choices: [String]) throws -> String {
        let value = try string()
        guard choices.contains(value) else {
            throw error(
                "'\(value)' is not allowed; expected one of \(listForMessage(choices))"
                    + didYouMean(value, among: choices))
        }
        return value
    }
}

/// A YAML mapping whose keys have been checked; see ``YAMLValue/mapping(allowedKeys:)``.
public struct YAMLMapping {
    /// The mapping node itself.
    public let owner: YAMLValue
    fileprivate let entries: [(key: String, keyNode: Node, value: Node)]

    /// The keys present, in document order.
    public var keys: [String] { entries.map(\.key) }

    /// The value of `key`, or `nil` when the key is absent or its value is null.
    public subscript(key: String) -> YAMLValue? {
        guard let entry = entries.first(where: { $0.key == key }) else { return nil }
        let value = YAMLValue(node: entry.value, file: owner.file, path: childPath(key))
        return value.isNull ? nil : value
    }

    /// The value of `key`.
    /// - Throws: ``InputError`` at the mapping when the key is missing or null.
    public func required(_ key: String) throws -> YAMLValue {
        guard let value = self[key] else {
            throw owner.error("missing required key '\(childPath(key))'")
        }
        return value
    }

    /// Where `key` itself is written, or the mapping's location when absent.
    public func location(of key: String) -> SourceLocation {
        guard let entry = entries.first(where: { $0.key == key }) else { return owner.location }
        return YAMLValue(node: entry.keyNode, file: owner.file, path: childPath(key)).location
    }

    private func childPath(_ key: String) -> String {
        owner.path.isEmpty ? key : owner.path + "." + key
    }
}
