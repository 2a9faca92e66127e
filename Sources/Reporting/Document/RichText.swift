/// A run of report text that keeps what the report wrote apart from what the
/// data supplied: plain text, code (rule ids, score and policy names), strong
/// text and links. The renderers escape every piece for their format, so a
/// label holding `|`, `<`, backticks or control characters prints literally.
///
/// Build it with string interpolation: literal parts and interpolated strings
/// are plain text, `\(code: name)` is code, `\(strong: text)` strong text.
public struct RichText: Sendable, Equatable, ExpressibleByStringInterpolation {
    /// One piece of inline text.
    public enum Piece: Sendable, Equatable {
        case text(String)
        case code(String)
        case strong(String)
        case link(text: String, target: String)
    }

    public var pieces: [Piece]

    public init(pieces: [Piece]) {
        self.pieces = pieces
    }

    public init(stringLiteral value: String) {
        pieces = value.isEmpty ? [] : [.text(value)]
    }

    public init(stringInterpolation: StringInterpolation) {
        pieces = stringInterpolation.pieces
    }

    /// Plain text.
    public static func text(_ value: String) -> RichText { RichText(pieces: [.text(value)]) }

    /// Code: a name shown in a fixed-width face.
    public static func code(_ value: String) -> RichText { RichText(pieces: [.code(value)]) }

    /// Strong text.
    public static func strong(_ value: String) -> RichText { RichText(pieces: [.strong(value)]) }

    /// Text written with Markdown code spans (`` `fail` ``), as the rules'
    /// sentences are: the parts between backticks become code, the rest plain
    /// text. An unmatched backtick stays plain.
    public static func markedUp(_ text: String) -> RichText {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 3, parts.count % 2 == 1 else { return .text(text) }
        return RichText(
            pieces: parts.enumerated().compactMap { index, part in
                part.isEmpty ? nil : index % 2 == 1 ? .code(part) : .text(part)
            })
    }

    /// The pieces of `left` then those of `right`.
    public static func + (left: RichText, right: RichText) -> RichText {
        RichText(pieces: left.pieces + right.pieces)
    }

    /// The pieces joined by `separator` (plain text).
    public static func joined(_ parts: [RichText], separator: String) -> RichText {
        var pieces: [Piece] = []
        for (index, part) in parts.enumerated() {
            if index > 0 && !separator.isEmpty { pieces.append(.text(separator)) }
            pieces += part.pieces
        }
        return RichText(pieces: pieces)
    }

    /// The text without any markup, as a reader sees it (anchors are made from it).
    public var plain: String {
        pieces.map { piece in
            switch piece {
            case .text(let value), .code(let value), .strong(let value): value
            case .link(let text, _): text
            }
        }
        .joined()
    }

    /// Whether there is no text at all.
    public var isEmpty: Bool { plain.isEmpty }

    /// Collects the pieces of an interpolated literal.
    public struct StringInterpolation: StringInterpolationProtocol {
        var pieces: [Piece] = []

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) {
            if !literal.isEmpty { pieces.append(.text(literal)) }
        }

        /// Plain text.
        public mutating func appendInterpolation(_ value: String) {
            pieces.append(.text(value))
        }

        /// A whole number as plain text.
        public mutating func appendInterpolation<Number: BinaryInteger>(_ value: Number) {
            pieces.append(.text(String(value)))
        }

        /// Code.
        public mutating func appendInterpolation(code value: String) {
            pieces.append(.code(value))
        }

        /// Strong text.
        public mutating func appendInterpolation(strong value: String) {
            pieces.append(.strong(value))
        }

        /// A link to `target` (an anchor `#…` or a file beside the report).
        public mutating func appendInterpolation(link text: String, to target: String) {
            pieces.append(.link(text: text, target: target))
        }

        /// Another rich text, spliced in.
        public mutating func appendInterpolation(_ value: RichText) {
            pieces += value.pieces
        }
    }
}
