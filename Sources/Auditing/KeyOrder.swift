import DietAuditCore

/// Orders items by their ``ExampleKey`` without comparing whole keys for
/// most of them: a two-pass radix sort by each key's first 4 bytes, then the
/// runs of equal first bytes (about N²/2³³ pairs among N items: some 12,000
/// among ten million) ordered by their whole keys. An audit's random order
/// and the key order of each tie a plan cuts are made this way.
enum KeyOrder {
    /// `items` (any `Int32` labels) ordered by increasing key, given each
    /// item's key prefix (``ExampleKey/leadingBytes``, `prefixes[i]` for
    /// `items[i]`) and, for the few items whose prefixes are equal, their
    /// whole keys from `wholeKeys` (handed those items, one key each back).
    static func sorted(
        _ items: [Int32], prefixes: [UInt32], wholeKeys: ([Int32]) -> [ExampleKey]
    ) -> [Int32] {
        precondition(items.count == prefixes.count, "one key prefix per item")
        // A short list (most cut runs are a few examples long) is sorted by whole keys: the radix
        // sort's 65,536 counters would cost more than the list.
        guard items.count >= 4_096 else { return byWholeKeys(items, wholeKeys(items)) }
        var prefixes = prefixes, order = items
        ScoreRanking.radixSort(keys: &prefixes, positions: &order)
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && prefixes[end] == prefixes[start] { end += 1 }
            if end - start > 1 {
                let run = Array(order[start..<end])
                order.replaceSubrange(start..<end, with: byWholeKeys(run, wholeKeys(run)))
            }
            start = end
        }
        return order
    }

    /// `items` ordered by `keys` (one per item).
    private static func byWholeKeys(_ items: [Int32], _ keys: [ExampleKey]) -> [Int32] {
        precondition(keys.count == items.count, "one key per item")
        return items.indices.sorted { keys[$0] < keys[$1] }.map { items[$0] }
    }
}
