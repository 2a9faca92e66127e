/// The subset of Python literal syntax an `.npy` header uses: a dict with
/// string keys whose values are strings, `True`/`False`, integers, and tuples
/// (or lists) of integers, e.g. `{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }`.
enum PythonLiteral: Equatable {
    case string(String)
    case bool(Bool)
    case integer(Int)
    case tuple([PythonLiteral])
    case dict([String: PythonLiteral])

    /// Parses `text` as one literal followed only by white space.
    /// - Throws: ``ParseFailure`` saying what was unexpected.
    static func parse(_ text: String) throws -> PythonLiteral {
        var parser = Parser(characters: Array(text))
        let value = try parser.value()
        parser.skipSpace()
        guard parser.index == parser.characters.count else {
            throw ParseFailure(reason: "unexpected text after the dict")
        }
        return value
    }

    struct ParseFailure: Error { var reason: String }

    /// The deepest nesting of dicts, tuples and lists read: an NPY header needs 2
    /// (a dict holding the shape tuple). The limit keeps a hostile header such as
    /// `((((…` from overflowing the stack.
    static let maximumDepth = 32

    private struct Parser {
        let characters: [Character]
        var index = 0
        var depth = 0

        mutating func skipSpace() {
            while index < characters.count, characters[index].isWhitespace { index += 1 }
        }

        /// Consumes `character` if it comes next (after white space).
        mutating func take(_ character: Character) -> Bool {
            skipSpace()
            guard index < characters.count, characters[index] == character else { return false }
            index += 1
            return true
        }

        mutating func value() throws -> PythonLiteral {
            skipSpace()
            guard index < characters.count else { throw ParseFailure(reason: "the header ends early") }
            let first = characters[index]
            if "{([".contains(first) {
                guard depth < PythonLiteral.maximumDepth else {
                    throw ParseFailure(reason: "nested deeper than \(PythonLiteral.maximumDepth) levels")
                }
                depth += 1
            }
            defer { if "{([".contains(first) { depth -= 1 } }
            switch first {
            case "{":
                index += 1
                var entries: [String: PythonLiteral] = [:]
                while !take("}") {
                    guard case .string(let key) = try value() else {
                        throw ParseFailure(reason: "a dict key is not a string")
                    }
                    guard take(":") else { throw ParseFailure(reason: "expected ':' after '\(key)'") }
                    entries[key] = try value()
                    if !take(",") {
                        guard take("}") else { throw ParseFailure(reason: "expected ',' or '}' in the dict") }
                        break
                    }
                }
                return .dict(entries)
            case "(", "[":
                index += 1
                let close: Character = first == "(" ? ")" : "]"
                var items: [PythonLiteral] = []
                while !take(close) {
                    items.append(try value())
                    if !take(",") {
                        guard take(close) else { throw ParseFailure(reason: "expected ',' or '\(close)' in a tuple") }
                        break
                    }
                }
                return .tuple(items)
            case "'", "\"":
                index += 1
                var text = ""
                while index < characters.count, characters[index] != first {
                    text.append(characters[index])
                    index += 1
                }
                guard index < characters.count else { throw ParseFailure(reason: "unterminated string") }
                index += 1
                return .string(text)
            default:
                var word = ""
                while index < characters.count,
                    characters[index].isLetter || characters[index].isNumber || characters[index] == "-"
                {
                    word.append(characters[index])
                    index += 1
                }
                if word == "True" { return .bool(true) }
                if word == "False" { return .bool(false) }
                // Python 2 era headers may write `3L`.
                if let number = Int(word.hasSuffix("L") ? String(word.dropLast()) : word) { return .integer(number) }
                throw ParseFailure(reason: "unexpected '\(word.isEmpty ? String(first) : word)'")
            }
        }
    }
}
