import DietAuditCore

/// The selections every score-based plan is made of, read off the ranking
/// with ties broken by key. Whole runs of equal hardness are taken as they
/// lie in ``ScoreRanking/easiestFirst``; only a run a selection cuts is put
/// in key order (``ScoreRanking/tieOrder(ofRunContaining:)``), so each result
/// is exactly that of a ranking with every tie resolved up front.
extension ScoreRanking {
    /// Which members of a run cut by a selection it takes.
    enum CutRunMembers {
        /// The members with the smallest keys (they come first in the tie order).
        case smallestKeys
        /// The members with the largest keys.
        case largestKeys
    }

    /// Inserts the examples at ranks `0..<end` of the easiest-first order
    /// (ties by increasing key): the `end` easiest.
    func insertEasiest(upTo end: Int, into removed: inout ExampleBitSet) {
        precondition(end >= 0 && end <= count, "prefix \(end) out of 0...\(count)")
        guard end > 0 else { return }
        guard end < count else { return insertRanks(0..<count, into: &removed) }
        let cut = run(containing: end)
        insertRanks(0..<cut.lowerBound, into: &removed)
        guard cut.lowerBound < end else { return }
        for rank in tieOrder(ofRunContaining: end).prefix(end - cut.lowerBound) {
            removed.insert(Int(easiestFirst[Int(rank)]))
        }
    }

    /// Inserts the `length` hardest examples: ranks `count − length ..< count`
    /// of the easiest-first order, where a run cut at the boundary gives the
    /// members that `members` names. `keep_easy` removes the hardest first by
    /// (−h, key), so its cut run gives its smallest keys; the offset of
    /// `keep_hard` removes the last of the easiest-first order by (h, key), so
    /// its cut run gives its largest keys.
    func insertHardest(_ length: Int, members: CutRunMembers, into removed: inout ExampleBitSet) {
        precondition(length >= 0 && length <= count, "suffix \(length) out of 0...\(count)")
        let start = count - length
        guard start < count else { return }
        let cut = run(containing: start)
        insertRanks(cut.upperBound..<count, into: &removed)
        guard cut.lowerBound < start else { return insertRanks(start..<cut.upperBound, into: &removed) }
        let order = tieOrder(ofRunContaining: start)
        let taken = cut.upperBound - start
        let chosen = members == .smallestKeys ? order.prefix(taken) : order.suffix(taken)
        for rank in chosen { removed.insert(Int(easiestFirst[Int(rank)])) }
    }

    /// Inserts, within each part p of a partition, the `counts[p]` easiest
    /// examples of p (ties by key); `partsInOrder[k]` is the part of the
    /// example at rank k (read in order: no random access into the examples).
    ///
    /// One pass takes each part's examples as they lie; when a part is full
    /// inside a run that has more of its members after that point, the part's
    /// members taken from the run are exchanged for the same number in key
    /// order.
    func insertEasiest(byPart partsInOrder: [Int32], counts: [Int], into removed: inout ExampleBitSet) {
        precondition(partsInOrder.count == count, "one part per ranked example")
        var remaining = counts
        var left = counts.reduce(0, +)
        var filled: [(rank: Int, part: Int32)] = []
        // The hot loop reads and writes through buffers: no uniqueness check per example.
        easiestFirst.withUnsafeBufferPointer { order in
            partsInOrder.withUnsafeBufferPointer { parts in
                remaining.withUnsafeMutableBufferPointer { remaining in
                    removed.words.withUnsafeMutableBufferPointer { words in
                        var rank = 0
                        while rank < order.count && left > 0 {
                            let part = Int(parts[rank])
                            precondition(part >= 0 && part < remaining.count, "part \(part) has no count")
                            if remaining[part] > 0 {
                                let position = Int(order[rank])
                                words[position >> 6] |= 1 << UInt64(position & 63)
                                remaining[part] -= 1
                                left -= 1
                                if remaining[part] == 0 { filled.append((rank, parts[rank])) }
                            }
                            rank += 1
                        }
                    }
                }
            }
        }
        // Each part's cut touches only that part's members: settled after the pass.
        for (rank, part) in filled { resolveCut(at: rank, part: part, parts: partsInOrder, &removed) }
    }

    /// After `part` filled up at `rank`: when the run of `rank` has more
    /// members of `part` after it, replaces the members of `part` taken from
    /// the run (all of them up to `rank`) by as many in key order.
    private func resolveCut(at rank: Int, part: Int32, parts: [Int32], _ removed: inout ExampleBitSet) {
        let cut = run(containing: rank)
        guard (rank + 1..<cut.upperBound).contains(where: { parts[$0] == part }) else { return }
        var taken = 0
        for member in cut.lowerBound...rank where parts[member] == part {
            removed.remove(Int(easiestFirst[member]))
            taken += 1
        }
        for member in tieOrder(ofRunContaining: rank) where taken > 0 && parts[Int(member)] == part {
            removed.insert(Int(easiestFirst[Int(member)]))
            taken -= 1
        }
    }

    /// Inserts the examples at `ranks` of the easiest-first order.
    private func insertRanks(_ ranks: Range<Int>, into removed: inout ExampleBitSet) {
        easiestFirst.withUnsafeBufferPointer { order in
            removed.words.withUnsafeMutableBufferPointer { words in
                for rank in ranks {
                    let position = Int(order[rank])
                    words[position >> 6] |= 1 << UInt64(position & 63)
                }
            }
        }
    }
}
