/// Text as XML character data or an attribute value, for every XML format the
/// reports write (HTML, SVG, JUnit): `&`, `<`, `>`, `"` and `'` become
/// entities, and characters XML 1.0 forbids or a reader cannot see are first
/// replaced as `invisible` says, so the document is always well-formed.
enum XMLText {
    /// What happens to characters a reader cannot see.
    enum Invisible {
        /// Spelled out as in ``VisibleText`` (`\n`, `\u{1}`): for labels in
        /// report text, which must print on one line exactly as stored.
        case spelledOut
        /// C0 controls as their Unicode control pictures (U+0001 → ␁, a line
        /// feed → ␊), DEL as ␡, C1 controls and U+FFFE / U+FFFF as U+FFFD:
        /// one glyph each, for chart labels.
        case symbols
        /// Line feeds and tabs kept, other C0 controls as spaces: for messages
        /// whose line breaks matter (JUnit).
        case lineBreaksKept
    }

    static func escape(_ text: String, invisible: Invisible) -> String {
        let source = invisible == .spelledOut ? VisibleText.make(text) : text
        var result = ""
        result.reserveCapacity(source.utf8.count)
        for scalar in source.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result += replacement(for: scalar, invisible: invisible)
            }
        }
        return result
    }

    private static func replacement(for scalar: Unicode.Scalar, invisible: Invisible) -> String {
        switch (invisible, scalar.value) {
        case (.symbols, 0x00...0x1F): String(Unicode.Scalar(0x2400 + scalar.value)!)
        case (.symbols, 0x7F): "\u{2421}"
        case (.symbols, 0x80...0x9F), (.symbols, 0xFFFE), (.symbols, 0xFFFF): "\u{FFFD}"
        case (.lineBreaksKept, 0x0A), (.lineBreaksKept, 0x09): String(scalar)
        case (.lineBreaksKept, 0x00...0x1F): " "
        case (.lineBreaksKept, 0xFFFE), (.lineBreaksKept, 0xFFFF): "\u{FFFD}"
        default: String(scalar)
        }
    }
}
