import DietAuditCore
import Scoring
import Storage

extension MarkdownReport {
    /// Score validity: stability across seeds, agreement with the input norm,
    /// dependence on the class.
    func validitySection() -> String {
        guard !stored.validity.isEmpty else { return "" }
        let rows = stored.validity.map { row in
            [
                Markdown.code(row.score), number(row.seedStability), number(row.inputNormSpearman),
                number(row.classDependence),
            ]
        }
        return "## Score validity\n\n"
            + "Seed stability is the mean pairwise Spearman correlation between seeds (1 = every seed ranks alike); "
            + "input-norm Spearman compares the score with ‖x‖ (near ±1 means the score is mostly the input norm); "
            + "class dependence is the share of the score's variance explained by the class (η²).\n\n"
            + Markdown.table(
                header: ["score", "seed stability", "input-norm Spearman", "class dependence"], rows: rows,
                alignments: ["l", "r", "r", "r"])
    }

    /// Sizes of the splits and groups, and how missing values were handled.
    /// Which audited attributes were also model inputs (listed under
    /// `dataset.features`), or that none was.
    func attributeInputSentence() -> String {
        let data = stored.run.dataset
        let attributes = data.groupings.filter { $0.groupingKind == .attribute }.map(\.name)
        guard !attributes.isEmpty else { return "" }
        let seen = attributes.filter(data.featureColumns.contains)
        guard !seen.isEmpty else { return "The model saw none of the audited attributes as inputs." }
        return "The model saw the audited attribute\(seen.count == 1 ? "" : "s") "
            + seen.map { Markdown.code($0) }.joined(separator: ", ") + " as input\(seen.count == 1 ? "" : "s")."
    }

    func dataSection() -> String {
        let data = stored.run.dataset
        var lines = ["## Data", ""]
        if data.auditOnly == true {
            lines += auditOnlyDataLines(data)
        } else {
            lines.append(
                "\(Markdown.code(data.path)): \(data.sourceRows) rows; \(data.trainCount) for training, "
                    + "\(data.testCount) held out for testing. Label \(Markdown.code(data.label))"
                    + (data.positiveLabel.map { ", positive class \(Markdown.quoted($0))" } ?? "")
                    + "; \(data.featureColumns.count) feature columns encoded as \(data.featureCount) numbers. "
                    + attributeInputSentence())
            lines += droppedLines(data)
        }
        lines.append("")
        var rows: [[String]] = []
        for grouping in data.groupings where grouping.groupingKind != .intersection {
            for index in grouping.groups.indices {
                rows.append([
                    Markdown.escape(grouping.name), Markdown.escape(grouping.groups[index]),
                    String(grouping.trainCounts[index]), String(grouping.testCounts[index]),
                ])
            }
        }
        lines.append(
            Markdown.table(
                header: ["attribute", "group", "train", "test"], rows: rows, alignments: ["l", "l", "r", "r"]))
        let intersections = data.groupings.filter { $0.groupingKind == .intersection }
            .map { "\(Markdown.escape($0.name)) (\($0.groups.count) cells)" }
        if !intersections.isEmpty {
            lines.append("")
            lines.append("Intersections audited: " + intersections.joined(separator: ", ") + ".")
        }
        if !data.missing.isEmpty {
            lines.append("")
            lines.append("Missing values:")
            lines.append("")
            lines.append(
                Markdown.table(
                    header: ["column", "missing", "handling"],
                    rows: data.missing.map {
                        [Markdown.escape($0.column), String($0.count), Markdown.escape($0.handling)]
                    },
                    alignments: ["l", "r", "l"]))
        }
        for note in data.notes { lines.append("\n- " + Markdown.escape(note)) }
        return lines.joined(separator: "\n")
    }

    /// How the numbers were produced, in words.
    func methodsSection() -> String {
        let settings = MethodsText.lines(stored.run.settings)
        var lines = ["## Methods", ""]
        for key in settings.keys.sorted() {
            lines.append("- **\(Markdown.escape(key))**: \(Markdown.escape(settings[key]!))")
        }
        lines.append(
            "- **Policies**: `keep_hard` removes the easiest examples, `keep_easy` the hardest, `random` a seeded "
                + "uniform sample, `class_balanced` the easiest within each class in proportion; R = round(f·N) from "
                + "the exact decimal fraction, half to even. Ties are broken by a seeded random permutation.")
        lines.append("- **Score directions**:")
        for score in stored.scores { lines.append("  - " + Self.directionSentence(score)) }
        lines.append(
            "- **Statistics**: per group, a two-sided Fisher exact test of removed vs kept against the rest of the "
                + "training set, Benjamini–Hochberg q-values over every test of the run, Wilson 95% intervals of the "
                + "removal rate; per attribute, the total variation distance of the make-up before and after, and "
                + "Pearson's χ² test of independence."
        )
        lines.append(
            "- **Ruleset** \(Markdown.code(stored.run.rulesetName)): thresholds live only in the ruleset; "
                + "the full text is stored with the run (`run.ruleset_text`).")
        return lines.joined(separator: "\n")
    }

    /// Tool version, fingerprints, seeds and timings.
    func provenanceSection() -> String {
        let run = stored.run
        var rows: [[String]] = [
            ["run id", String(stored.id)],
            ["status", run.status.rawValue],
            ["started", Timestamp.iso8601(run.startedAt)],
            ["finished", run.finishedAt.map(Timestamp.iso8601) ?? "—"],
            ["tool version", run.toolVersion],
            ["spec", Markdown.code(run.specPath)],
            ["spec SHA-256", "`\(run.specSha256)`"],
            ["data SHA-256", "`\(run.dataSha256)`"],
        ]
        if let test = run.testSha256 { rows.append(["test data SHA-256", "`\(test)`"]) }
        if let engine = run.engine {
            rows.append(["ran in", Markdown.escape(engine + (run.engineVersion.map { " " + $0 } ?? ""))])
            rows.append(["engine table", Markdown.code(run.engineTable ?? "")])
            if let query = run.engineQuerySha256 { rows.append(["counting query SHA-256", "`\(query)`"]) }
            rows.append(["bytes out of the engine", String(run.engineBytes ?? 0)])
        }
        rows.append(["ruleset", Markdown.code(run.rulesetPath)])
        rows.append(["ruleset SHA-256", "`\(run.rulesetSha256)`"])
        rows.append(["base seed", String(UInt64(bitPattern: run.seed))])
        for timing in run.timings {
            rows.append(["time: \(Markdown.escape(timing.stage))", String(format: "%.2f s", timing.seconds)])
        }
        return "## Provenance\n\n" + Markdown.table(header: ["item", "value"], rows: rows)
    }
}

extension MarkdownReport {
    /// Which end of a score is hard and what that means for the policies:
    /// "`aum`: higher is easier — keep_hard removes the highest values".
    static func directionSentence(_ score: ScoreRow) -> String {
        let removedByKeepHard = score.direction == .harder ? "lowest" : "highest"
        let removedByKeepEasy = score.direction == .harder ? "highest" : "lowest"
        return
            "\(Markdown.code(score.name)): \(score.direction.phrase) — keep_hard removes the \(removedByKeepHard) "
            + "values, keep_easy the \(removedByKeepEasy)"
    }
}
