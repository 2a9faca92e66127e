/// Which groups a chart draws one by one: at most
/// ``ChartStyle/maximumSeries``, worst first by an effect size; the rest are
/// summarised (a grey band or box, "12 other groups").
struct GroupRanking<Key: Hashable> {
    /// The groups drawn, worst first.
    var shown: [Key]
    /// The groups summarised, in their original order.
    var others: [Key]

    /// Ranks `keys` (in a stable, meaningful order) by `tier` first (higher
    /// first: e.g. groups with enough evidence before tiny ones), then by
    /// `effect` (larger is worse; `nil` counts as no effect); ties keep the
    /// original order, so the choice is deterministic.
    init(
        _ keys: [Key], limit: Int = ChartStyle.maximumSeries, tier: (Key) -> Int = { _ in 0 },
        effect: (Key) -> Double?
    ) {
        let ranked = keys.enumerated()
            .map { entry -> (offset: Int, key: Key, tier: Int, effect: Double) in
                let value = effect(entry.element) ?? -Double.infinity
                return (entry.offset, entry.element, tier(entry.element), value.isNaN ? -Double.infinity : value)
            }
            .sorted {
                if $0.tier != $1.tier { return $0.tier > $1.tier }
                return $0.effect != $1.effect ? $0.effect > $1.effect : $0.offset < $1.offset
            }
        shown = ranked.prefix(limit).map(\.key)
        let shownSet = Set(shown)
        others = keys.filter { !shownSet.contains($0) }
    }

    /// "12 other groups" (or "1 other group").
    func othersLabel(singular: String = "group", plural: String = "groups") -> String {
        "\(others.count) other \(others.count == 1 ? singular : plural)"
    }
}
