/// The position of each of N text ids, for joining millions of them: an
/// open-addressing table of 4-byte slots (at least 2N, a power of two),
/// hashed with 64-bit FNV-1a over each id's UTF-8 bytes.
///
/// A `Dictionary<String, Int>` hashes with a seeded SipHash through a
/// `Hasher` per call; here a lookup is one pass over the id's bytes and, on
/// a match of slots, one string comparison (ids of up to 15 UTF-8 bytes are
/// stored inline in their `String`, so reading them touches no other
/// memory). The table only serves lookups; it never orders anything, so its
/// hash needs no seed.
public struct TextIdIndex: Sendable {
    private let ids: [String]
    /// Slot → position + 1 (0: empty).
    private var slots: [Int32]
    /// The first position whose id an earlier position already has, if any.
    public private(set) var firstRepeat: Int?

    /// Indexes `ids` (position i holds `ids[i]`); a repeated id keeps its
    /// first position and is noted in ``firstRepeat``.
    /// - Precondition: fewer than 2³⁰ ids.
    public init(_ ids: [String]) {
        precondition(ids.count < 1 << 30, "at most 2^30 ids")
        self.ids = ids
        var capacity = 16
        while capacity < 2 * ids.count { capacity *= 2 }
        slots = [Int32](repeating: 0, count: capacity)
        let mask = capacity - 1
        for (position, id) in ids.enumerated() {
            var slot = Self.hash(id) & mask
            var repeated = false
            while slots[slot] != 0 {
                if ids[Int(slots[slot]) - 1] == id {
                    repeated = true
                    break
                }
                slot = (slot + 1) & mask
            }
            if repeated {
                if firstRepeat == nil { firstRepeat = position }
            } else {
                slots[slot] = Int32(position + 1)
            }
        }
    }

    /// The (first) position of `id`, or `nil` when no indexed id is `id`.
    public func position(of id: String) -> Int? {
        let mask = slots.count - 1
        var slot = Self.hash(id) & mask
        while slots[slot] != 0 {
            let position = Int(slots[slot]) - 1
            if ids[position] == id { return position }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// 64-bit FNV-1a of the id's UTF-8 bytes.
    static func hash(_ id: String) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash)
    }
}
