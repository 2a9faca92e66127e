/// Renders a ``ReportDocument`` as GitHub-flavoured Markdown.
///
/// Escaping: in plain text every character Markdown could read as markup
/// (`\ | * _ `` ` `` [ ] < > # ~ &`) gets a backslash; in code spans the
/// fence is longer than any run of backticks inside, and inside a table a
/// `|` is written `\|` (GitHub splits cells on it even in code). Invisible
/// characters print as ``VisibleText`` shows them. Collapsible parts are
/// `<details>` elements, which GitHub renders closed.
public enum MarkdownRenderer {
    /// The document as Markdown, ending in one line break.
    public static func render(_ document: ReportDocument) -> String {
        var parts = ["# " + inline(document.title)]
        parts += document.lead.map(block)
        for (index, section) in document.sections.enumerated() {
            if index == document.contentsAfter { parts.append(contents(document.sections)) }
            parts.append("## " + escape(section.title))
            parts += section.blocks.map(block)
        }
        if document.contentsAfter >= document.sections.count && !document.sections.isEmpty {
            parts.append(contents(document.sections))
        }
        return parts.filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n"
    }

    /// One line linking every section.
    static func contents(_ sections: [ReportSection]) -> String {
        "Contents: " + sections.map { "[\(escape($0.title))](#\($0.anchor))" }.joined(separator: " · ")
    }

    /// One block, without surrounding blank lines.
    public static func block(_ block: ReportBlock) -> String {
        switch block {
        case .heading(let level, let text, _):
            return String(repeating: "#", count: max(3, min(level, 6))) + " " + inline(text)
        case .paragraph(let text):
            return inline(text)
        case .list(let items):
            return items.map { item in
                (["- " + inline(item.text)] + item.children.map { "  - " + inline($0) }).joined(separator: "\n")
            }
            .joined(separator: "\n")
        case .table(let table):
            return self.table(table)
        case .figure(let figure):
            return "![\(escape(figure.description))](\(figure.fileName))\n\n*\(escape(figure.title))*"
        case .details(let summary, let blocks):
            let body = blocks.map(self.block).filter { !$0.isEmpty }.joined(separator: "\n\n")
            return "<details>\n<summary>\(HTMLRenderer.escape(summary.plain))</summary>\n\n" + body + "\n\n</details>"
        }
    }

    static func table(_ table: ReportTable) -> String {
        func line(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
        var lines = [line(table.columns.map { inline($0.title, inTable: true) })]
        lines.append(
            line(
                table.columns.map { column in
                    switch column.alignment {
                    case .leading: "---"
                    case .trailing: "---:"
                    case .center: ":---:"
                    }
                }))
        for row in table.rows {
            var cells = row.map { inline($0, inTable: true) }
            cells += Array(repeating: "", count: max(0, table.columns.count - cells.count))
            lines.append(line(cells))
        }
        return lines.joined(separator: "\n")
    }

    /// Inline text; `inTable` also protects `|` inside code spans.
    public static func inline(_ text: RichText, inTable: Bool = false) -> String {
        text.pieces.map { piece -> String in
            switch piece {
            case .text(let value): escape(value)
            case .strong(let value): value.isEmpty ? "" : "**" + escape(value) + "**"
            case .code(let value): code(value, inTable: inTable)
            case .link(let text, let target): "[\(escape(text))](\(target))"
            }
        }
        .joined()
    }

    /// Plain text with Markdown's markup characters backslash-escaped.
    public static func escape(_ text: String) -> String {
        var out = ""
        for character in VisibleText.make(text) {
            switch character {
            case "\\", "|", "*", "_", "`", "[", "]", "<", ">", "#", "~", "&":
                out.append("\\")
                out.append(character)
            default:
                out.append(character)
            }
        }
        return out
    }

    /// A code span whose fence is longer than any run of backticks inside.
    static func code(_ text: String, inTable: Bool) -> String {
        var value = VisibleText.make(text)
        if value.isEmpty { return "" }
        if inTable { value = value.replacingOccurrences(of: "|", with: "\\|") }
        var longest = 0, run = 0
        for character in value {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padded = longest > 0 || value.hasPrefix(" ") || value.hasSuffix(" ") ? " " + value + " " : value
        return fence + padded + fence
    }
}
