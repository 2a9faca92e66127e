import Foundation

/// Text and numbers as they go into an SVG document.
enum SVGText {
    /// `text` as XML character data or attribute value: `&`, `<`, `>`, `"`
    /// and `'` escaped; characters XML 1.0 forbids or hides shown visibly
    /// instead, so the document is always well-formed and a label reads as it
    /// was written: C0 controls (line breaks and tabs included) become their
    /// Unicode control pictures (U+0001 → ␁, a line feed → ␊), DEL becomes ␡,
    /// C1 controls and the non-characters U+FFFE / U+FFFF become U+FFFD (�).
    static func escape(_ text: String) -> String {
        XMLText.escape(text, invisible: .symbols)
    }

    /// `text` cut to at most `limit` characters, ending in `…` when cut.
    static func truncated(_ text: String, limit: Int) -> String {
        guard text.count > limit, limit > 1 else { return text }
        return String(text.prefix(limit - 1)) + "…"
    }

    /// A coordinate with one decimal (`12.5`, `-3.0`); negative zero and
    /// non-finite values (which never reach a chart) print as `0.0`, so the
    /// same layout always prints the same bytes.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0.0" }
        let text = String(format: "%.1f", value)
        return text == "-0.0" ? "0.0" : text
    }

    /// Words of `text` wrapped into lines of at most `width` characters
    /// (a longer word stands alone on its line).
    static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = [], current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
