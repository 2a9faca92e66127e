import DietAuditCore

/// One column of the error-risk audit: the `full` baseline or one plan,
/// with the indices of the retrained models it and its references use.
struct ErrorRiskSubject {
    var score: String?
    var policy: String
    var fraction: Double?
    /// The subject's trained models (index into the distinct kept sets).
    var model: Int
    /// The models of the `random` plan with the same fraction, if any (never
    /// set for `full` or a `random` plan).
    var randomModel: Int?

    var isBaseline: Bool { policy == ErrorRiskRow.fullPolicy }

    /// The rows of one grouping's non-empty groups.
    /// - Parameters:
    ///   - perSeed: `perSeed[k][group]`, this subject's group values at seed k.
    ///   - fullPerSeed: the same for the baseline.
    ///   - randomPerSeed: the same for the random plan of this fraction, if any.
    ///   - undefinedRates: per group, the rates without their base
    ///     (``GroupErrorMetrics/undefinedRates(labels:groups:groupCount:positiveClass:)``).
    func groupRows(
        grouping: Grouping, perSeed: [GroupingErrorValues], fullPerSeed: [GroupingErrorValues],
        randomPerSeed: [GroupingErrorValues]?, undefinedRates: [Set<ErrorRiskMetric>]
    ) -> [ErrorRiskRow] {
        let sizes = grouping.testCounts
        return grouping.groups.indices.compactMap { group -> ErrorRiskRow? in
            guard sizes[group] > 0 else { return nil }
            let seedValues = perSeed.map { $0[group]! }
            var metrics = Self.summaries(seedValues)
            if !isBaseline {
                metrics[.accuracyDeltaVsFull] = Self.pairedDelta(seedValues, fullPerSeed.map { $0[group]! })
                if let randomPerSeed {
                    metrics[.accuracyDeltaVsRandom] = Self.pairedDelta(seedValues, randomPerSeed.map { $0[group]! })
                }
            }
            return ErrorRiskRow(
                score: score, policy: policy, fraction: fraction, attribute: grouping.name,
                attributeKind: grouping.kind, group: grouping.groups[group], n: sizes[group],
                metrics: metrics, undefinedRates: undefinedRates[group])
        }
    }

    /// The attribute row of one grouping from its per-seed group values and
    /// the baseline's (for the `…_delta_vs_full` disparities of a plan).
    func attributeRow(
        grouping: Grouping, perSeed: [GroupingErrorValues],
        fullPerSeed: [GroupingErrorValues]
    ) -> ErrorRiskAttributeRow {
        let seedValues = perSeed.map(GroupErrorMetrics.attributeValues)
        var metrics = Self.summaries(seedValues)
        if !isBaseline {
            let fullValues = fullPerSeed.map(GroupErrorMetrics.attributeValues)
            let deltas: [(ErrorRiskMetric, ErrorRiskMetric)] = [
                (.demographicParityDifferenceDeltaVsFull, .demographicParityDifference),
                (.equalizedOddsDifferenceDeltaVsFull, .equalizedOddsDifference),
            ]
            for (delta, metric) in deltas {
                metrics[delta] = Self.pairedDelta(of: metric, seedValues, fullValues)
            }
        }
        return ErrorRiskAttributeRow(
            score: score, policy: policy, fraction: fraction, attribute: grouping.name,
            attributeKind: grouping.kind, metrics: metrics)
    }

    /// Summaries of every metric present at every seed, intervals cut to 0…1
    /// (every per-group and per-attribute metric is a rate, a calibration
    /// error or a gap between rates). (Whether a metric is
    /// defined depends only on the test labels and groups, never on the
    /// model, so a metric is present at all seeds or at none.)
    static func summaries(_ seedValues: [ErrorMetricValues]) -> ErrorMetricSummaries {
        guard let first = seedValues.first else { return [:] }
        var result: ErrorMetricSummaries = [:]
        for name in first.keys {
            let values = seedValues.compactMap { $0[name] }
            if values.count == seedValues.count { result[name] = SeedSummary(values: values, within: 0...1) }
        }
        return result
    }

    /// Summary of accuracy(subject, k) − accuracy(reference, k) over seeds k.
    static func pairedDelta(_ values: [ErrorMetricValues], _ reference: [ErrorMetricValues]) -> SeedSummary {
        pairedDelta(of: .accuracy, values, reference)!
    }

    /// Summary of metric(subject, k) − metric(reference, k) over seeds k,
    /// cut to −1…1 (every metric differenced is a rate or a gap of rates);
    /// `nil` when the metric is absent for either side at some seed, or there
    /// is no seed.
    static func pairedDelta(
        of metric: ErrorRiskMetric, _ values: [ErrorMetricValues],
        _ reference: [ErrorMetricValues]
    ) -> SeedSummary? {
        let differences = zip(values, reference).compactMap { subject, base -> Double? in
            guard let value = subject[metric], let baseValue = base[metric] else { return nil }
            return value - baseValue
        }
        guard !differences.isEmpty, differences.count == values.count, values.count == reference.count else {
            return nil
        }
        return SeedSummary(values: differences, within: -1...1)
    }
}
