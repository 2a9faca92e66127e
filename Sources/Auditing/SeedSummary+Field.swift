extension SeedSummary {
    /// One reported field of a seed summary. A metric M is reported as
    /// M (the mean), M_std, M_ci_low and M_ci_high.
    public enum Field: String, Sendable, CaseIterable {
        case mean = ""
        case std = "_std"
        case ciLow = "_ci_low"
        case ciHigh = "_ci_high"

        /// The suffix appended to the metric's name (empty for the mean).
        public var suffix: String { rawValue }

        /// The reported name of this field of `metric`.
        public func reportedName(of metric: String) -> String { metric + suffix }
    }

    /// The value of one field; `nil` when undefined (spread with one seed).
    public func value(_ field: Field) -> Double? {
        switch field {
        case .mean: mean
        case .std: std
        case .ciLow: ciLow
        case .ciHigh: ciHigh
        }
    }
}

extension Dictionary where Key == ErrorRiskMetric, Value == SeedSummary {
    /// The value of one field of one metric; `nil` when the metric is absent
    /// or the field undefined.
    public func value(_ metric: ErrorRiskMetric, _ field: SeedSummary.Field = .mean) -> Double? {
        self[metric]?.value(field)
    }
}
