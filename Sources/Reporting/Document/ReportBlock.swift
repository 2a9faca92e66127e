/// One block of a ``ReportDocument``: what the report says, independent of
/// the format it is rendered in.
public indirect enum ReportBlock: Sendable, Equatable {
    /// A heading below the section's own (level 3 or deeper) with its anchor.
    case heading(level: Int, text: RichText, anchor: String)
    case paragraph(RichText)
    /// A bulleted list.
    case list([ReportListItem])
    case table(ReportTable)
    case figure(ReportChart)
    /// A collapsible part: closed by default in HTML and on GitHub, always
    /// open when printed.
    case details(summary: RichText, blocks: [ReportBlock])
}

/// A list item, with an optional nested list.
public struct ReportListItem: Sendable, Equatable {
    public var text: RichText
    public var children: [RichText]

    public init(_ text: RichText, children: [RichText] = []) {
        self.text = text
        self.children = children
    }
}

/// A table: a header row and body rows, each column aligned; `anchor` names
/// the table in HTML (`id`), where a reader can sort it by clicking a header.
public struct ReportTable: Sendable, Equatable {
    /// How a column's cells are aligned.
    public enum Alignment: Sendable, Equatable {
        case leading, trailing, center
    }

    /// A column: its title, alignment, and whether its cells are prose that
    /// may wrap (HTML keeps other cells on one line and scrolls the table).
    public struct Column: Sendable, Equatable {
        public var title: RichText
        public var alignment: Alignment
        public var isProse: Bool

        public init(_ title: RichText, _ alignment: Alignment = .leading, isProse: Bool = false) {
            self.title = title
            self.alignment = alignment
            self.isProse = isProse
        }
    }

    public var columns: [Column]
    public var rows: [[RichText]]
    public var anchor: String?

    public init(columns: [Column], rows: [[RichText]], anchor: String? = nil) {
        self.columns = columns
        self.rows = rows
        self.anchor = anchor
    }
}
