/// A report as content, built once from a stored run and rendered by
/// ``MarkdownRenderer`` and ``HTMLRenderer``, so both formats always carry
/// the same text, tables and figures.
///
/// Layout: a title, a lead (the verdict and the run line), then sections;
/// the table of contents follows the section at ``contentsAfter``.
public struct ReportDocument: Sendable, Equatable {
    public var title: RichText
    public var lead: [ReportBlock]
    public var sections: [ReportSection]
    /// Number of sections shown before the table of contents.
    public var contentsAfter: Int

    public init(title: RichText, lead: [ReportBlock], sections: [ReportSection], contentsAfter: Int = 1) {
        self.title = title
        self.lead = lead
        self.sections = sections
        self.contentsAfter = contentsAfter
    }
}

/// A top-level section (`##` in Markdown) with its anchor.
public struct ReportSection: Sendable, Equatable {
    public var title: String
    public var anchor: String
    public var blocks: [ReportBlock]

    /// A section whose anchor is the GitHub-style slug of its title.
    public init(_ title: String, blocks: [ReportBlock]) {
        self.title = title
        self.anchor = Anchor.slug(title)
        self.blocks = blocks
    }
}

/// Anchors as GitHub makes them from a heading: lower case; letters, digits,
/// `-` and `_` kept; spaces become `-`; everything else dropped.
public enum Anchor {
    public static func slug(_ text: String) -> String {
        var out = ""
        for character in text.lowercased() {
            if character == " " {
                out.append("-")
            } else if character.isLetter || character.isNumber || character == "-" || character == "_" {
                out.append(character)
            }
        }
        return out
    }
}
