import Auditing
import DietAuditCore
import Storage

extension MarkdownReport {
    /// Methods and caveats: the run's settings in words, the policies, what
    /// each score means and which end is hard, the tests and their
    /// multiple-testing family, the definition of every metric the report and
    /// its findings use (from ``MetricCatalog``), sample-size caveats and the
    /// ruleset.
    func methodsSection() -> ReportSection {
        let settings = MethodsText.lines(stored.run.settings)
        var items = settings.keys.sorted().map { key in ReportListItem("\(strong: key): \(settings[key]!)") }
        items.append(
            ReportListItem(
                "\(strong: "Policies"): \(code: "keep_hard") removes the easiest examples, \(code: "keep_easy") the "
                    + "hardest, \(code: "random") a seeded uniform sample, \(code: "class_balanced") the easiest "
                    + "within each class in proportion; R = round(f·N) from the exact decimal fraction, half to even. "
                    + "Ties are broken by a seeded random permutation."))
        items.append(
            ReportListItem(
                "\(strong: "Score meanings") (what each measures, and which end is hard):",
                children: stored.scores.map { Self.directionSentence($0) + Self.scoreMeaning(kind: $0.kind) }))
        items.append(
            ReportListItem(
                "\(strong: "Tests"): per group, a two-sided Fisher exact test of removed against kept, the group "
                    + "against the rest of the training set, and the Wilson 95% interval of its removal rate; per "
                    + "attribute, the total variation distance of the make-up before and after, and Pearson's χ² "
                    + "test of independence (no continuity correction)."))
        items.append(
            ReportListItem(
                "\(strong: "Multiple testing"): Benjamini–Hochberg q-values within each plan (score × policy × "
                    + "fraction), over the p-values of every group of every grouping of that plan; adding plans "
                    + "never changes another plan's q-values. Error-risk changes are judged by Student-t 95% "
                    + "intervals over the paired retraining seeds, without a correction across groups."))
        items += caveatItems()
        items.append(
            ReportListItem(
                "\(strong: "Ruleset") \(code: stored.run.rulesetName): thresholds live only in the ruleset; the full "
                    + "text is stored with the run (\(code: "run.ruleset_text"))."))
        return ReportSection(
            "Methods and caveats",
            blocks: [
                .list(items),
                .heading(level: 3, text: "Metrics used", anchor: "metrics-used"),
                .table(metricTable()),
            ])
    }

    /// The metrics this report and its findings name, defined.
    func metricTable() -> ReportTable {
        var names = ["retention_ratio", "removal_rate", "p_value", "q_value", "tvd", "chi2_p_value"]
        if !stored.errorRisk.rows.isEmpty { names += ["accuracy", "accuracy_delta_vs_random"] }
        names += stored.findings.map(\.metric)
        let definitions = orderedUnique(names).compactMap { MetricCatalog.resolve($0)?.definition }
        let unique = orderedUnique(definitions.map(\.name))
        let rows = unique.compactMap { name -> [RichText]? in
            guard let definition = definitions.first(where: { $0.name == name }) else { return nil }
            return [
                .code(definition.name), .text(definition.definition), .text(definition.range),
                .text(definition.ideal), .text(definition.edgeCases),
            ]
        }
        return ReportTable(
            columns: [
                .init("metric"), .init("definition", isProse: true), .init("range"), .init("ideal", isProse: true),
                .init("edge cases", isProse: true),
            ],
            rows: rows, anchor: "table-metrics")
    }

    /// Sample-size caveats: small groups, groups the rules could not judge,
    /// small test groups.
    func caveatItems() -> [ReportListItem] {
        var items: [ReportListItem] = []
        let smallTrain = Set(stored.composition.filter { $0.n < 20 }.map { "\($0.attribute)\u{0}\($0.group)" })
        let unjudged = stored.findings.filter(\.isInsufficientEvidence).count
        var sentence: RichText =
            "\(strong: "Sample size"): the Fisher test has little power for small groups, and the summary names "
            + "only groups of at least 20 examples. "
        sentence =
            sentence
            + (smallTrain.isEmpty
                ? "Every audited group has at least 20 training examples."
                : "\(smallTrain.count) audited group\(smallTrain.count == 1 ? " has" : "s have") fewer than 20 "
                    + "training examples; read their rates with their Wilson intervals (appendix CSV).")
        if unjudged > 0 {
            sentence =
                sentence + " The rules could not judge \(unjudged) row\(unjudged == 1 ? "" : "s") (see Findings)."
        }
        items.append(ReportListItem(sentence))
        let smallTest = Set(
            stored.errorRisk.rows.filter { $0.isBaseline && $0.n < 20 }.map { "\($0.attribute)\u{0}\($0.group)" })
        if !smallTest.isEmpty {
            items.append(
                ReportListItem(
                    "\(strong: "Small test groups"): \(smallTest.count) "
                        + "group\(smallTest.count == 1 ? " has" : "s have") fewer than 20 test examples; "
                        + "their accuracy changes have wide intervals."))
        }
        return items
    }

    /// What a score kind measures, in a few words (after a semicolon).
    static func scoreMeaning(kind: String) -> RichText {
        let meaning: String? =
            switch kind {
            case "el2n": "distance of the softmax output from the one-hot label early in training (Paul et al. 2021)"
            case "grand": "norm of the loss gradient over all parameters (Paul et al. 2021)"
            case "forgetting": "times the example went from learned to forgotten in training (Toneva et al. 2019)"
            case "input_norm": "norm of the encoded input, the baseline an informative score should beat"
            case "loss": "the example's own cross-entropy"
            case "margin": "logit margin of the true class over the best other class"
            case "aum": "area under the margin over training; low flags likely mislabelled examples (Pleiss et al.)"
            case "confidence": "mean probability of the true class over epochs (dataset cartography)"
            case "variability": "spread of the true-class probability over epochs (dataset cartography)"
            case "random": "seeded uniform values, a random diet"
            case "imported": "imported from a file, as given"
            default: nil
            }
        return meaning.map { RichText.text("; " + $0) } ?? ""
    }
}
