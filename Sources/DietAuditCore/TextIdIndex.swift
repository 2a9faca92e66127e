/// The position of each of N text ids, for joining millions of them: an
/// open-addressing table (linear probing) of 8-byte slots, at least 1.5 N of
/// them, a power of two, hashed with 64-bit FNV-1a over each id's UTF-8 bytes.
///
/// A `Dictionary<String, Int>` hashes with a seeded SipHash through a
/// `Hasher` per call; here a lookup is one pass over the id's bytes, and each
/// slot keeps 32 more bits of its id's hash beside the position, so a slot of
/// another id is passed over without reading that id: only a slot whose bits
/// match costs one string comparison (ids of up to 15 UTF-8 bytes are stored
/// inline in their `String`). The table only serves lookups; it never orders
/// anything, so its hash needs no seed.
public struct TextIdIndex: Sendable {
    private let ids: [String]
    /// Slot → the hash's high 32 bits << 32 | (position + 1); 0: empty.
    private var slots: [UInt64]
    /// The first position whose id an earlier position already has, if any.
    public private(set) var firstRepeat: Int?

    /// Indexes `ids` (position i holds `ids[i]`); a repeated id keeps its
    /// first position and is noted in ``firstRepeat``.
    /// - Precondition: fewer than 2³¹ − 1 ids.
    public init(_ ids: [String]) {
        precondition(ids.count < Int(Int32.max), "at most 2^31 - 2 ids")
        self.ids = ids
        var capacity = 16
        while capacity < ids.count + ids.count / 2 { capacity *= 2 }
        var slots = [UInt64](repeating: 0, count: capacity)
        var firstRepeat: Int?
        for (position, id) in ids.enumerated() {
            let (found, slot, tag) = Self.find(id, in: slots, ids: ids)
            if found == nil {
                slots[slot] = tag | UInt64(position + 1)
            } else if firstRepeat == nil {
                firstRepeat = position
            }
        }
        self.slots = slots
        self.firstRepeat = firstRepeat
    }

    /// The (first) position of `id`, or `nil` when no indexed id is `id`.
    public func position(of id: String) -> Int? { Self.find(id, in: slots, ids: ids).found }

    /// Probes for `id`: its position when indexed, else the empty slot where
    /// it would go, and its tag (the hash's high bits, in place).
    private static func find(_ id: String, in slots: [UInt64], ids: [String]) -> (found: Int?, slot: Int, tag: UInt64) {
        let hash = UInt64(truncatingIfNeeded: Self.hash(id))
        let tag = hash & 0xFFFF_FFFF_0000_0000, mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let entry = slots[slot]
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let position = Int(entry & 0xFFFF_FFFF) - 1
                if ids[position] == id { return (position, slot, tag) }
            }
            slot = (slot + 1) & mask
        }
        return (nil, slot, tag)
    }

    /// 64-bit FNV-1a of the id's UTF-8 bytes.
    static func hash(_ id: String) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash)
    }
}
