/// Markdown building blocks that escape user-supplied text (group labels,
/// column names, audit names), so a label like `a|b` or `<25` cannot break a
/// table or inject markup.
public enum Markdown {
    /// Escapes text for use inside a table cell or a sentence (as
    /// ``MarkdownRenderer/escape(_:)``: markup characters backslash-escaped,
    /// invisible characters made visible).
    public static func escape(_ text: String) -> String {
        MarkdownRenderer.escape(text)
    }

    /// Text in a code span for a sentence: the fence longer than any run of
    /// backticks inside, invisible characters made visible.
    public static func code(_ text: String) -> String {
        MarkdownRenderer.code(text, inTable: false)
    }

    /// Text in a code span for a table cell: as ``code(_:)``, and `|`
    /// written `\|` so it cannot end the cell.
    public static func codeCell(_ text: String) -> String {
        MarkdownRenderer.code(text, inTable: true)
    }

    /// Escapes text and wraps it in single quotes for sentences: `'female'`.
    public static func quoted(_ text: String) -> String {
        "'" + escape(text) + "'"
    }

    /// A table with a header row; cells are used as given (escape them first).
    /// `alignments` holds `l`, `r` or `c` per column (default left).
    public static func table(header: [String], rows: [[String]], alignments: [Character] = []) -> String {
        var lines = ["| " + header.joined(separator: " | ") + " |"]
        let rule = header.indices.map { index -> String in
            switch index < alignments.count ? alignments[index] : "l" {
            case "r": return "---:"
            case "c": return ":---:"
            default: return "---"
            }
        }
        lines.append("| " + rule.joined(separator: " | ") + " |")
        for row in rows { lines.append("| " + row.joined(separator: " | ") + " |") }
        return lines.joined(separator: "\n")
    }
}
