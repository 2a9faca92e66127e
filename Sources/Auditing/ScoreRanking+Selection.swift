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
    /// One pass takes each part's examples as they lie; when a part fills up
    /// inside a run of equal hardness, the part's members taken from that
    /// run are exchanged afterwards for as many in key order. Each cut run
    /// is settled in two passes over it for all the parts that filled up in
    /// it, so a run of millions of tied examples costs the same for 10 parts
    /// as for 800.
    func insertEasiest(byPart partsInOrder: [Int32], counts: [Int], into removed: inout ExampleBitSet) {
        precondition(partsInOrder.count == count, "one part per ranked example")
        var remaining = counts
        var left = counts.reduce(0, +)
        var filledAt: [Int] = []  // ranks at which a part filled up, in rank order
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
                                if remaining[part] == 0 { filledAt.append(rank) }
                            }
                            rank += 1
                        }
                    }
                }
            }
        }
        var index = 0
        while index < filledAt.count {
            let cut = run(containing: filledAt[index])
            var filledInRun: [(rank: Int, part: Int32)] = []
            while index < filledAt.count && filledAt[index] < cut.upperBound {
                filledInRun.append((filledAt[index], partsInOrder[filledAt[index]]))
                index += 1
            }
            if cut.count > 1 { settle(cut, filled: filledInRun, parts: partsInOrder, counts: counts.count, &removed) }
        }
    }

    /// Settles one cut run: for each part that filled up in it (at `filled`'s
    /// rank), the part's members taken from the run — all of them up to that
    /// rank — are replaced by as many in key order.
    private func settle(
        _ cut: Range<Int>, filled: [(rank: Int, part: Int32)], parts: [Int32], counts partCount: Int,
        _ removed: inout ExampleBitSet
    ) {
        var fillRank = [Int](repeating: -1, count: partCount)
        for (rank, part) in filled { fillRank[Int(part)] = rank }
        var taken = [Int](repeating: 0, count: partCount)
        for rank in cut {
            let part = Int(parts[rank])
            guard rank <= fillRank[part] else { continue }
            removed.remove(Int(easiestFirst[rank]))
            taken[part] += 1
        }
        for rank in tieOrder(ofRunContaining: cut.lowerBound) {
            let part = Int(parts[Int(rank)])
            guard taken[part] > 0 else { continue }
            removed.insert(Int(easiestFirst[Int(rank)]))
            taken[part] -= 1
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
