import DietAuditCore
import Foundation
import Testing

@testable import Auditing

/// Composition metrics on a fixed hand-made plan: N = 10, R = 4.
@Suite struct CompositionAuditTests {
    /// Removes examples 0, 1, 2 and 4.
    static let plan = PruningPlan(
        score: "el2n@2", policy: .keepHard, fraction: 0.4,
        removed: [true, true, true, false, true, false, false, false, false, false])
    /// f: 0–3 (3 removed), m: 4–8 (1 removed), x: 9 (0 removed), y: empty.
    static let sex = Grouping(
        name: "sex", kind: .attribute, groups: ["f", "m", "x", "y"],
        train: [0, 0, 0, 0, 1, 1, 1, 1, 1, 2], test: [])
    /// Alternating classes: class 0 loses 3 of 5, class 1 loses 1 of 5.
    static let classes = Grouping(
        name: "class", kind: .class, groups: ["good", "bad"],
        train: [0, 1, 0, 1, 0, 1, 0, 1, 0, 1], test: [])

    /// q-values are Benjamini–Hochberg within one plan: adding a second plan
    /// leaves the first plan's q-values exactly as they were, and the second
    /// plan's q-values are BH over its own five p-values only.
    @Test func qValuesAreAdjustedWithinEachPlan() throws {
        // Removes examples 5–8: f loses 0 of 4, m 4 of 5, x 0 of 1; each class 2 of 5.
        let second = PruningPlan(
            score: "el2n@2", policy: .keepEasy, fraction: 0.4,
            removed: [false, false, false, false, false, true, true, true, true, false])
        let alone = auditComposition(plans: [Self.plan], groupings: [Self.sex, Self.classes])
        let both = auditComposition(plans: [Self.plan, second], groupings: [Self.sex, Self.classes])
        #expect(both.rows.count == 10)
        #expect(Array(both.rows.prefix(5)).map(\.qValue) == alone.rows.map(\.qValue))
        // Tests/References/per_plan_bh.py (scipy 1.17.1): fisher_exact per group
        // of the second plan, then false_discovery_control(p, method='bh') over them.
        let p = [0.07619047619047618, 0.04761904761904762, 1.0, 1.0, 1.0]
        let q = [0.19047619047619047, 0.19047619047619047, 1.0, 1.0, 1.0]
        for (row, (pValue, qValue)) in zip(both.rows.suffix(5), zip(p, q)) {
            #expect(isClose(row.pValue, pValue, relative: 1e-12), "\(row.group)")
            #expect(isClose(row.qValue, qValue, relative: 1e-12), "\(row.group)")
        }
    }

    @Test func handComputedMetrics() throws {
        let audit = auditComposition(plans: [Self.plan], groupings: [Self.sex, Self.classes])
        // The empty group "y" gets no row.
        #expect(audit.rows.map(\.group) == ["f", "m", "x", "good", "bad"])
        let f = audit.rows[0]
        #expect(f.score == "el2n@2" && f.policy == "keep_hard" && f.fraction == 0.4)
        #expect(f.attribute == "sex" && f.attributeKind == .attribute)
        #expect(f.n == 4 && f.removed == 3 && f.kept == 1)
        #expect(isClose(f.removalRate, 0.75, relative: 1e-15))
        #expect(isClose(f.expectedRemoved, 1.6, relative: 1e-15))
        #expect(isClose(f.excessRemoval, 0.35, relative: 1e-12))
        #expect(isClose(try #require(f.retentionRatio), 0.25 / 0.6, relative: 1e-15))
        #expect(isClose(try #require(f.removalRatio), 1.875, relative: 1e-15))
        #expect(isClose(f.shareBefore, 0.4, relative: 1e-15))
        #expect(isClose(try #require(f.shareAfter), 1.0 / 6, relative: 1e-15))
        #expect(isClose(try #require(f.representationRatio), (1.0 / 6) / 0.4, relative: 1e-15))
        // Wilson 3/4 (closed form in plain Python, z = 1.959963984540054): Tests/References/wilson.py.
        #expect(isClose(f.ciLow, 0.30064184258240184, relative: 1e-12))
        #expect(isClose(f.ciHigh, 0.9544127391902995, relative: 1e-12))

        // p: scipy.stats.fisher_exact([[r, k], [4 - r, 6 - k]]).pvalue per group;
        // q: scipy.stats.false_discovery_control(all five p, method='bh').
        // Tests/References/composition.py (p, q and the chi2 values below).
        let p = [0.19047619047619047, 0.5238095238095238, 1.0, 0.5238095238095238, 0.5238095238095238]
        let q = [0.6547619047619048, 0.6547619047619048, 1.0, 0.6547619047619048, 0.6547619047619048]
        for (row, (pValue, qValue)) in zip(audit.rows, zip(p, q)) {
            #expect(isClose(row.pValue, pValue, relative: 1e-12), "\(row.group)")
            #expect(isClose(row.qValue, qValue, relative: 1e-12), "\(row.group)")
        }

        // Attribute rows: tvd = ½(|1/6 − 0.4| + |4/6 − 0.5| + |1/6 − 0.1|) = 7/30;
        // chi2: scipy.stats.chi2_contingency([[3,1],[1,4],[0,1]], correction=False)
        // and ([[3,2],[1,4]], correction=False).
        #expect(audit.attributes.count == 2)
        let sexRow = audit.attributes[0], classRow = audit.attributes[1]
        #expect(sexRow.attribute == "sex" && classRow.attribute == "class" && classRow.attributeKind == .class)
        #expect(isClose(sexRow.tvd, 7.0 / 30, relative: 1e-12))
        #expect(isClose(try #require(sexRow.chi2), 3.5416666666666665, relative: 1e-12))
        #expect(isClose(try #require(sexRow.chi2PValue), 0.17019110379502855, relative: 1e-10))
        #expect(isClose(classRow.tvd, 1.0 / 6, relative: 1e-12))  // ½(|2/6 − 0.5| + |4/6 − 0.5|)
        #expect(isClose(try #require(classRow.chi2), 1.6666666666666665, relative: 1e-12))
        #expect(isClose(try #require(classRow.chi2PValue), 0.1967056024589432, relative: 1e-10))
    }

    /// removed + kept = n, Σn = N, Σremoved = R, shares sum to 1, and
    /// representation_ratio = retention_ratio for every attribute.
    @Test func identitiesHold() throws {
        let audit = auditComposition(plans: [Self.plan], groupings: [Self.sex, Self.classes])
        for attribute in ["sex", "class"] {
            let rows = audit.rows.filter { $0.attribute == attribute }
            #expect(rows.reduce(0) { $0 + $1.n } == 10)
            #expect(rows.reduce(0) { $0 + $1.removed } == 4)
            #expect(isClose(rows.reduce(0) { $0 + $1.shareBefore }, 1, relative: 1e-12))
            #expect(isClose(rows.reduce(0) { $0 + ($1.shareAfter ?? 0) }, 1, relative: 1e-12))
            #expect(isClose(rows.reduce(0) { $0 + $1.expectedRemoved }, 4, relative: 1e-12))
            for row in rows {
                #expect(row.removed + row.kept == row.n)
                #expect(
                    isClose(try #require(row.representationRatio), try #require(row.retentionRatio), relative: 1e-12))
                #expect(row.ciLow <= row.removalRate && row.removalRate <= row.ciHigh)
                #expect(row.qValue >= row.pValue)
            }
        }
    }

    /// R = 0: removal_ratio, chi2 undefined; p = 1. R = N: retention_ratio,
    /// share_after and representation_ratio undefined, tvd = 1.
    @Test func degeneratePlans() throws {
        let nothing = PruningPlan(
            score: "x", policy: .keepHard, fraction: 0, removed: [Bool](repeating: false, count: 10))
        let audit = auditComposition(plans: [nothing], groupings: [Self.sex])
        for row in audit.rows {
            #expect(row.removalRatio == nil && row.retentionRatio == 1 && row.pValue == 1 && row.removalRate == 0)
        }
        #expect(
            audit.attributes[0].tvd == 0 && audit.attributes[0].chi2 == nil && audit.attributes[0].chi2PValue == nil)

        let single = Grouping(name: "sex", kind: .attribute, groups: ["f"], train: [0], test: [])
        let everything = PruningPlanner.plan(
            scores: [1], scoreName: "x", direction: .harder, labels: [0], classCount: 1,
            policy: .keepHard, fraction: 0.9, seed: 0)  // R = round(0.9) = 1 = N
        let full = auditComposition(plans: [everything], groupings: [single])
        let row = try #require(full.rows.first)
        #expect(row.retentionRatio == nil && row.shareAfter == nil && row.representationRatio == nil)
        #expect(row.removalRatio == 1 && row.removalRate == 1 && row.pValue == 1)
        #expect(full.attributes[0].tvd == 1 && full.attributes[0].chi2 == nil)
    }

    /// Metric lookup by contract name, and JSON with the contract keys and nulls.
    @Test func metricNamesAndEncoding() throws {
        let audit = auditComposition(plans: [Self.plan], groupings: [Self.sex])
        let row = audit.rows[0]
        #expect(CompositionRow.metricNames.count == 16)
        for name in CompositionRow.metricNames { #expect(row.value(of: name) != nil, "\(name)") }
        #expect(row.value(of: "removal_rate") == 0.75 && row.value(of: "n") == 4)
        #expect(row.value(of: "retention") == nil)
        for name in AttributeRow.metricNames { #expect(audit.attributes[0].value(of: name) != nil) }

        var undefined = row
        undefined.retentionRatio = nil
        let object = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(undefined)) as? [String: Any])
        #expect(
            Set(object.keys)
                == Set(
                    CompositionRow.metricNames + [
                        "score", "policy", "fraction", "attribute", "group", "attribute_kind",
                    ]))
        #expect(object["retention_ratio"] is NSNull)
        #expect(object["attribute_kind"] as? String == "attribute")
        let decoded = try JSONDecoder().decode(CompositionRow.self, from: JSONEncoder().encode(undefined))
        #expect(decoded == undefined)
    }
}
