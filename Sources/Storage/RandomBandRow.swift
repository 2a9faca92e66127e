import Auditing
import DietAuditCore
import Foundation

/// The random band of one (fraction, attribute, group) of a run (table
/// `random_band`, migration "v5: random band"): K random plans' removal-rate
/// quantiles, and the K removal counts themselves as one little-endian Int64
/// blob (`draw_removed`, ascending), from which the empirical p-value of any
/// plan's row of the same fraction and group is computed
/// (``RandomBand/empiricalPValue(removed:)``). One row per group, never one
/// per draw.
public struct RandomBandRow: RunScopedContent, Equatable {
    public static var tableName: String { "random_band" }
    public var fraction: Double
    public var attribute: String
    public var attributeKind: GroupingKind
    public var group: String
    public var n: Int
    /// K, the number of draws.
    public var draws: Int
    public var removalRateLow: Double?
    public var removalRateHigh: Double?
    /// K counts, ascending, 8 bytes each.
    public var drawRemoved: Data

    enum CodingKeys: String, CodingKey {
        case fraction, attribute
        case attributeKind = "attribute_kind"
        case group, n, draws
        case removalRateLow = "removal_rate_low"
        case removalRateHigh = "removal_rate_high"
        case drawRemoved = "draw_removed"
    }

    public init(_ band: RandomBand) {
        fraction = band.fraction
        attribute = band.attribute
        attributeKind = band.attributeKind
        group = band.group
        n = band.n
        draws = band.draws
        removalRateLow = band.removalRateLow
        removalRateHigh = band.removalRateHigh
        var data = Data(capacity: band.drawRemoved.count * 8)
        for count in band.drawRemoved {
            withUnsafeBytes(of: Int64(count).littleEndian) { data.append(contentsOf: $0) }
        }
        drawRemoved = data
    }

    /// The band back, with its draw counts.
    public var band: RandomBand {
        let bytes = [UInt8](drawRemoved)
        let counts = stride(from: 0, to: bytes.count - 7, by: 8).map { offset in
            var bits: UInt64 = 0
            for k in 0..<8 { bits |= UInt64(bytes[offset + k]) << (8 * UInt64(k)) }
            return Int(Int64(bitPattern: bits))
        }
        return RandomBand(
            fraction: fraction, attribute: attribute, attributeKind: attributeKind, group: group,
            n: n, drawRemoved: counts)
    }
}
