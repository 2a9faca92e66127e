import DietAuditCore
import Scoring
import Storage

extension MarkdownReport {
    /// Which audited attributes were also model inputs (listed under
    /// `dataset.features`), or that none was.
    func attributeInputSentence() -> RichText {
        let data = stored.run.dataset
        let attributes = data.groupings.filter { $0.groupingKind == .attribute }.map(\.name)
        guard !attributes.isEmpty else { return "" }
        let seen = attributes.filter(data.featureColumns.contains)
        guard !seen.isEmpty else { return "The model saw none of the audited attributes as inputs." }
        return "The model saw the audited attribute\(seen.count == 1 ? "" : "s") "
            + RichText.joined(seen.map { .code($0) }, separator: ", ") + " as input\(seen.count == 1 ? "" : "s")."
    }

    /// Sizes of the splits and groups, and how missing values were handled.
    func dataBlocks() -> [ReportBlock] {
        let data = stored.run.dataset
        var blocks: [ReportBlock] = []
        if data.auditOnly == true {
            blocks += auditOnlyDataBlocks(data)
        } else {
            let positive: RichText = data.positiveLabel.map { ", positive class '\($0)'" } ?? ""
            blocks.append(
                .paragraph(
                    "\(code: data.path): \(data.sourceRows) rows; \(data.trainCount) for training, "
                        + "\(data.testCount) held out for testing. Label \(code: data.label)\(positive); "
                        + "\(data.featureColumns.count) feature columns encoded as \(data.featureCount) numbers. "
                        + attributeInputSentence()))
            blocks += droppedBlocks(data)
        }
        var rows: [[RichText]] = []
        for grouping in data.groupings where grouping.groupingKind != .intersection {
            for index in grouping.groups.indices {
                rows.append([
                    .text(grouping.name), .text(grouping.groups[index]), .text(String(grouping.trainCounts[index])),
                    .text(String(grouping.testCounts[index])),
                ])
            }
        }
        blocks.append(
            .table(
                ReportTable(
                    columns: [.init("attribute"), .init("group"), .init("train", .trailing), .init("test", .trailing)],
                    rows: rows, anchor: "table-groups")))
        let intersections = data.groupings.filter { $0.groupingKind == .intersection }
            .map { RichText("\($0.name) (\($0.groups.count) cells)") }
        if !intersections.isEmpty {
            blocks.append(.paragraph("Intersections audited: " + RichText.joined(intersections, separator: ", ") + "."))
        }
        if !data.missing.isEmpty {
            blocks.append(.paragraph("Missing values:"))
            blocks.append(
                .table(
                    ReportTable(
                        columns: [.init("column"), .init("missing", .trailing), .init("handling")],
                        rows: data.missing.map { [.text($0.column), .text(String($0.count)), .text($0.handling)] },
                        anchor: "table-missing")))
        }
        if !data.notes.isEmpty { blocks.append(.list(data.notes.map { ReportListItem(.text($0)) })) }
        return blocks
    }

    /// Tool version, fingerprints, seeds and timings.
    func provenanceSection() -> ReportSection {
        let run = stored.run
        var rows: [[RichText]] = [
            ["run id", .text(String(stored.id))],
            ["status", .text(run.status.rawValue)],
            ["started", .text(Timestamp.iso8601(run.startedAt))],
            ["finished", .text(run.finishedAt.map(Timestamp.iso8601) ?? "—")],
            ["tool version", .text(run.toolVersion)],
            ["spec", .code(run.specPath)],
            ["spec SHA-256", .code(run.specSha256)],
            ["data SHA-256", .code(run.dataSha256)],
        ]
        if let test = run.testSha256 { rows.append(["test data SHA-256", .code(test)]) }
        if let engine = run.engine {
            rows.append(["ran in", .text(engine + (run.engineVersion.map { " " + $0 } ?? ""))])
            rows.append(["engine table", .code(run.engineTable ?? "")])
            if let query = run.engineQuerySha256 { rows.append(["counting query SHA-256", .code(query)]) }
            rows.append(["bytes out of the engine", .text(String(run.engineBytes ?? 0))])
        }
        rows.append(["ruleset", .code(run.rulesetPath)])
        rows.append(["ruleset SHA-256", .code(run.rulesetSha256)])
        rows.append(["base seed", .text(String(UInt64(bitPattern: run.seed)))])
        for timing in run.timings {
            rows.append(["time: \(timing.stage)", .text(String(format: "%.2f s", timing.seconds))])
        }
        return ReportSection(
            "Provenance",
            blocks: [
                .table(ReportTable(columns: [.init("item"), .init("value")], rows: rows, anchor: "table-provenance"))
            ])
    }
}

extension MarkdownReport {
    /// Which end of a score is hard and what that means for the policies:
    /// "`aum`: higher is easier — keep_hard removes the highest values".
    static func directionSentence(_ score: ScoreRow) -> RichText {
        let removedByKeepHard = score.direction == .harder ? "lowest" : "highest"
        let removedByKeepEasy = score.direction == .harder ? "highest" : "lowest"
        return "\(code: score.name): \(score.direction.phrase) — keep_hard removes the \(removedByKeepHard) "
            + "values, keep_easy the \(removedByKeepEasy)"
    }
}
