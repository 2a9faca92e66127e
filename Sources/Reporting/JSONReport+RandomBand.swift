import Auditing
import Storage

extension JSONReport {
    /// Adds the random-band contract to a report made by ``make(_:gate:)``:
    /// a top-level `random_band` array (after `composition`) with one row per
    /// (fraction, attribute, group): `fraction`, `attribute`, `group`,
    /// `draws`, `removal_rate_low`, `removal_rate_high`; and on every
    /// `composition` row an `empirical_p_value` against the draws of its
    /// fraction (``RandomBand/empiricalPValue(removed:)``), `null` when the run
    /// made no draws.
    static func addingRandomBand(to report: JSONValue, _ stored: StoredRun) -> JSONValue {
        guard case .object(let pairs) = report else { return report }
        let bands = stored.randomBands.map(\.band)
        let byGroup = Dictionary(
            bands.map { (bandKey($0.fraction, $0.attribute, $0.group), $0) },
            uniquingKeysWith: { first, _ in first })
        var result: [(String, JSONValue)] = []
        for (key, value) in pairs {
            guard key == "composition", case .array(let rows) = value else {
                result.append((key, value))
                continue
            }
            let patched = zip(rows, stored.composition).map { object, row -> JSONValue in
                guard case .object(let fields) = object else { return object }
                let band = byGroup[bandKey(row.fraction, row.attribute, row.group)]
                return .object(fields + [("empirical_p_value", .number(band?.empiricalPValue(removed: row.removed)))])
            }
            result.append((key, .array(patched)))
            result.append(("random_band", .array(bands.map(randomBandObject))))
        }
        return .object(result)
    }

    static func randomBandObject(_ band: RandomBand) -> JSONValue {
        .object([
            ("fraction", .number(band.fraction)), ("attribute", .string(band.attribute)),
            ("group", .string(band.group)), ("n", .integer(band.n)), ("draws", .integer(band.draws)),
            ("removal_rate_low", .number(band.removalRateLow)), ("removal_rate_high", .number(band.removalRateHigh)),
        ])
    }

    private static func bandKey(_ fraction: Double, _ attribute: String, _ group: String) -> String {
        ["\(fraction)", attribute, group].joined(separator: "\u{0}")
    }
}
