import Foundation

/// Renders a ``ReportDocument`` as one self-contained HTML file: inline CSS
/// (light and dark schemes, print styles) and inline SVG charts, no network
/// access, a table of contents, anchored tables a reader can sort by clicking
/// a header (a few lines of inline script; without it the tables read as
/// they are), and collapsible appendix parts that open when printed.
///
/// The markup is also well-formed XML (every element closed, no named
/// entities but XML's own, script in a CDATA section), so it can be checked
/// with an XML parser. Text is entity-escaped; invisible characters print as
/// ``VisibleText`` shows them.
public enum HTMLRenderer {
    /// The whole page.
    public static func render(_ document: ReportDocument) -> String {
        var body: [String] = ["<h1>" + inline(document.title) + "</h1>"]
        body += document.lead.map(block)
        for (index, section) in document.sections.enumerated() {
            if index == document.contentsAfter { body.append(contents(document.sections)) }
            body.append(self.section(section))
        }
        if document.contentsAfter >= document.sections.count && !document.sections.isEmpty {
            body.append(contents(document.sections))
        }
        return [
            "<!DOCTYPE html>",
            "<html lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\"/>",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>",
            "<meta name=\"color-scheme\" content=\"light dark\"/>",
            "<title>" + escape(document.title.plain) + "</title>",
            "<style>", HTMLStyle.css, "</style>",
            "</head>",
            "<body>",
            "<main>",
            body.joined(separator: "\n"),
            "</main>",
            "<script>//<![CDATA[", HTMLStyle.script, "//]]></script>",
            "</body>",
            "</html>",
        ].joined(separator: "\n") + "\n"
    }

    static func contents(_ sections: [ReportSection]) -> String {
        let items = sections.map { "<li><a href=\"#\($0.anchor)\">\(escape($0.title))</a></li>" }
        return "<nav id=\"contents\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n"
            + items.joined(separator: "\n") + "\n</ol>\n</nav>"
    }

    static func section(_ section: ReportSection) -> String {
        (["<section id=\"\(escape(section.anchor))\">", "<h2>\(escape(section.title))</h2>"]
            + section.blocks.map(block) + ["</section>"])
            .joined(separator: "\n")
    }

    /// One block.
    public static func block(_ block: ReportBlock) -> String {
        switch block {
        case .heading(let level, let text, let anchor):
            let tag = "h\(max(3, min(level, 6)))"
            return "<\(tag) id=\"\(escape(anchor))\">\(inline(text))</\(tag)>"
        case .paragraph(let text):
            return "<p>" + inline(text) + "</p>"
        case .list(let items):
            let lines = items.map { item -> String in
                guard !item.children.isEmpty else { return "<li>" + inline(item.text) + "</li>" }
                let children = item.children.map { "<li>" + inline($0) + "</li>" }.joined()
                return "<li>" + inline(item.text) + "<ul>" + children + "</ul></li>"
            }
            return "<ul>\n" + lines.joined(separator: "\n") + "\n</ul>"
        case .table(let table):
            return self.table(table)
        case .figure(let figure):
            return "<figure>\n<figcaption>\(escape(figure.title))</figcaption>\n"
                + "<div class=\"chart\" role=\"img\" aria-label=\"\(escape(figure.description))\">\n"
                + inlineSVG(figure.svg) + "\n</div>\n</figure>"
        case .details(let summary, let blocks):
            return "<details>\n<summary>" + inline(summary) + "</summary>\n"
                + blocks.map(self.block).joined(separator: "\n") + "\n</details>"
        }
    }

    static func table(_ table: ReportTable) -> String {
        func alignment(_ column: ReportTable.Column) -> String {
            let classes =
                switch column.alignment {
                case .leading: column.isProse ? "prose" : ""
                case .trailing: "num"
                case .center: "mid"
                }
            return classes.isEmpty ? "" : " class=\"\(classes)\""
        }
        let id = table.anchor.map { " id=\"\(escape($0))\"" } ?? ""
        var lines = ["<div class=\"table\"><table class=\"sortable\"\(id)>", "<thead><tr>"]
        lines.append(
            table.columns.map { "<th scope=\"col\"\(alignment($0))>\(inline($0.title))</th>" }.joined())
        lines.append("</tr></thead>")
        lines.append("<tbody>")
        for row in table.rows {
            let cells = table.columns.indices.map { index -> String in
                let text = index < row.count ? inline(row[index]) : ""
                return "<td\(alignment(table.columns[index]))>\(text)</td>"
            }
            lines.append("<tr>" + cells.joined() + "</tr>")
        }
        lines.append("</tbody>")
        lines.append("</table></div>")
        return lines.joined(separator: "\n")
    }

    /// Inline text.
    public static func inline(_ text: RichText) -> String {
        text.pieces.map { piece -> String in
            switch piece {
            case .text(let value): escape(value)
            case .strong(let value): "<strong>" + escape(value) + "</strong>"
            case .code(let value): "<code>" + escape(value) + "</code>"
            case .link(let text, let target): "<a href=\"\(escape(target))\">\(escape(text))</a>"
            }
        }
        .joined()
    }

    /// Entity-escapes `&`, `<`, `>`, `"` and `'` after making invisible
    /// characters visible.
    public static func escape(_ text: String) -> String {
        XMLText.escape(text, invisible: .spelledOut)
    }

    /// An SVG document ready to sit inside the page: any XML declaration or
    /// document type dropped, and characters XML forbids replaced by U+FFFD so
    /// a chart can never break the page.
    static func inlineSVG(_ svg: String) -> String {
        var text = Substring(svg)
        while let start = text.range(of: "<?xml") ?? text.range(of: "<!DOCTYPE"),
            text[..<start.lowerBound].allSatisfy(\.isWhitespace),
            let end = text[start.upperBound...].firstIndex(of: ">")
        {
            text = text[text.index(after: end)...]
        }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...: out.unicodeScalars.append(scalar)
            default: out.unicodeScalars.append("\u{FFFD}")
            }
        }
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
