extension MetricCatalog {
    /// The per-group composition metrics (table `composition`), in report
    /// order. N training examples, the plan removes R; the group has n > 0
    /// members, `removed` of them pruned, kept = n − removed.
    public static let composition: [MetricDefinition] = [
        MetricDefinition(
            "n", .count(\.n), definition: "group size in the training split", range: "1…N", ideal: "—",
            better: nil),
        MetricDefinition(
            "removed", .count(\.removed), definition: "members of the group the plan removes",
            range: "0…n", ideal: "—", better: nil),
        MetricDefinition("kept", .count(\.kept), definition: "n − removed", range: "0…n", ideal: "—", better: nil),
        MetricDefinition(
            "removal_rate", .value(\.removalRate), definition: "removed / n", range: "[0, 1]",
            ideal: "R/N",
            edgeCases: "no fixed better direction (its ideal depends on R/N); "
                + "compare excess_removal across runs", better: nil),
        MetricDefinition(
            "expected_removed", .value(\.expectedRemoved),
            definition: "n · R / N, the count a proportional plan removes", range: "[0, n]",
            ideal: "—", better: nil),
        MetricDefinition(
            "excess_removal", .value(\.excessRemoval), definition: "removal_rate − R/N",
            range: "[−R/N, 1 − R/N]", ideal: "0", better: .towardZero),
        MetricDefinition(
            "retention_ratio", .optional(\.retentionRatio), definition: "(kept/n) / ((N−R)/N)",
            range: "[0, N/(N−R)]", ideal: "1 (below 0.8 fails the four-fifths rule)",
            edgeCases: "undefined when R = N (0/0)", better: .towardOne),
        MetricDefinition(
            "removal_ratio", .optional(\.removalRatio), definition: "removal_rate / (R/N)",
            range: "[0, N/R]", ideal: "1", edgeCases: "undefined when R = 0 (0/0)", better: .towardOne),
        MetricDefinition(
            "share_before", .value(\.shareBefore), definition: "n / N", range: "(0, 1]",
            ideal: "—", edgeCases: "shares of one attribute sum to 1", better: nil),
        MetricDefinition(
            "share_after", .optional(\.shareAfter), definition: "kept / (N − R)", range: "[0, 1]",
            ideal: "share_before",
            edgeCases: "undefined when R = N; compare representation_ratio "
                + "across runs", better: nil),
        MetricDefinition(
            "representation_ratio", .optional(\.representationRatio),
            definition: "share_after / share_before", range: "[0, N/n]", ideal: "1",
            edgeCases: "undefined when R = N; equals retention_ratio when both are defined",
            better: .towardOne),
        MetricDefinition(
            "impact_ratio", .optional(\.impactRatio),
            definition: "(kept/n) / max over the attribute's groups of (kept_h/n_h), in the same plan "
                + "(the EEOC four-fifths adverse impact ratio of retention)",
            range: "[0, 1]", ideal: "1 (below 0.8 fails the four-fifths rule)",
            edgeCases: "undefined when every group of the attribute keeps nothing (0/0); "
                + "1 for the best-retained group(s)",
            better: .higher),
        MetricDefinition(
            "ci_low", .value(\.ciLow),
            definition: "lower end of the Wilson 95% interval of removal_rate (z = 1.959963984540054)",
            range: "[0, removal_rate]", ideal: "—", better: nil),
        MetricDefinition(
            "ci_high", .value(\.ciHigh),
            definition: "upper end of the Wilson 95% interval of removal_rate (z = 1.959963984540054)",
            range: "[removal_rate, 1]", ideal: "—", better: nil),
        MetricDefinition(
            "p_value", .value(\.pValue),
            definition: "two-sided Fisher exact test of [[removed, kept], [R − removed, (N − R) − kept]] "
                + "(sum of the tables no more likely than the observed one, as scipy)",
            range: "(0, 1]", ideal: "near 1",
            edgeCases: "1 when R = 0, R = N or n = N (a zero margin); evidence, not quality: "
                + "no better direction", better: nil),
        MetricDefinition(
            "q_value", .value(\.qValue),
            definition: "Benjamini–Hochberg adjustment of p_value over every group of every grouping "
                + "of one plan (score × policy × fraction)",
            range: "[p_value, 1]", ideal: "near 1; below 0.05 is a discovery at 5% FDR",
            edgeCases: "evidence, not quality: no better direction", better: nil),
    ]

    /// The per-attribute composition metrics (table `attribute_metric`).
    public static let attribute: [MetricDefinition] = [
        MetricDefinition(
            "tvd", .value(\.tvd),
            definition: "½ Σ_g |share_after − share_before| over the groups with n > 0",
            range: "[0, 1]", ideal: "0", edgeCases: "set to 1 when nothing is kept (N − R = 0)",
            better: .towardZero),
        MetricDefinition(
            "chi2", .optional(\.chi2),
            definition: "Pearson χ² of the groups × {removed, kept} table, no continuity correction",
            range: "[0, ∞)", ideal: "0",
            edgeCases: "undefined with fewer than 2 groups, R = 0 or R = N; a test statistic that grows "
                + "with N: no better direction", better: nil),
        MetricDefinition(
            "chi2_p_value", .optional(\.chi2PValue),
            definition: "P(χ²_{G−1} ≥ chi2), G non-empty groups", range: "[0, 1]", ideal: "near 1",
            edgeCases: "undefined exactly when chi2 is; evidence: no better direction", better: nil),
    ]
}
