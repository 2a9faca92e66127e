import DietAuditCore
import Foundation
import Testing

@testable import Auditing

/// The catalog is the one home of every metric: names as DESIGN.md, each
/// declared once, driving encoding and lookup.
@Suite struct MetricCatalogTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func namesAreTheContractNamesInReportOrder() {
        #expect(
            MetricCatalog.composition.map(\.name) == [
                "n", "removed", "kept", "removal_rate", "expected_removed", "excess_removal", "retention_ratio",
                "removal_ratio", "share_before", "share_after", "representation_ratio", "impact_ratio", "ci_low",
                "ci_high",
                "p_value", "q_value",
            ])
        #expect(MetricCatalog.attribute.map(\.name) == ["tvd", "chi2", "chi2_p_value"])
        #expect(MetricCatalog.errorRisk.map(\.name) == ErrorRiskMetric.allCases.map(\.rawValue))
        #expect(Set(MetricCatalog.allMetrics).count == MetricCatalog.allMetrics.count, "every name once")
        #expect(MetricCatalog.composition.filter(\.isCount).map(\.name) == ["n", "removed", "kept"])
        #expect(
            MetricCatalog.composition.filter(\.canBeUndefined).map(\.name)
                == ["retention_ratio", "removal_ratio", "share_after", "representation_ratio", "impact_ratio"])
    }

    @Test func everyMetricIsDocumentedInMetricsMarkdown() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("docs/METRICS.md"), encoding: .utf8)
        for definition in MetricCatalog.all {
            #expect(text.contains("`\(definition.name)`"), "docs/METRICS.md lacks `\(definition.name)`")
            #expect(!definition.definition.isEmpty && !definition.range.isEmpty && !definition.ideal.isEmpty)
        }
    }

    @Test func resolvesSeedSummaryFieldsOnlyForErrorRisk() throws {
        let std = try #require(MetricCatalog.resolve("worst_group_accuracy_std"))
        #expect(std.definition.errorRiskMetric == .worstGroupAccuracy && std.field == .std)
        #expect(MetricCatalog.level(of: "accuracy_ci_high") == .errorGroup)
        #expect(MetricCatalog.level(of: "tvd") == .attribute)
        #expect(MetricCatalog.level(of: "removal_rate_std") == nil)
        #expect(MetricCatalog.level(of: "accuracy_median") == nil)
        #expect(MetricCatalog.allMetrics.count == 16 + 3 + 13 * 4)
    }

    static func plantedRow() -> CompositionRow {
        CompositionRow(
            score: "el2n@2", policy: "keep_hard", fraction: 0.5, attribute: "sex", group: "female",
            attributeKind: .attribute, n: 4, removed: 3, kept: 1, removalRate: 0.75, expectedRemoved: 2,
            excessRemoval: 0.25, retentionRatio: 0.5, removalRatio: 1.5, shareBefore: 0.4, shareAfter: nil,
            representationRatio: nil, ciLow: 0.3, ciHigh: 0.95, pValue: 0.5, qValue: 0.6)
    }

    /// The rows encode their columns by the catalog's names and read them back.
    @Test func rowsRoundTripThroughTheirCatalogColumns() throws {
        let row = Self.plantedRow()
        let data = try JSONEncoder().encode(row)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(
            Set(object.keys)
                == Set(
                    MetricCatalog.composition.map(\.name)
                        + ["score", "policy", "fraction", "attribute", "group", "attribute_kind"]))
        #expect(object["share_after"] is NSNull && object["n"] as? Int == 4)
        #expect(try JSONDecoder().decode(CompositionRow.self, from: data) == row)
        let attribute = AttributeRow(
            score: nil, policy: "random", fraction: 0.3, attribute: "class",
            attributeKind: .class, tvd: 0.1, chi2: nil, chi2PValue: nil)
        #expect(try JSONDecoder().decode(AttributeRow.self, from: JSONEncoder().encode(attribute)) == attribute)
        for definition in MetricCatalog.composition {
            #expect(row.value(of: definition.name) == definition.value(in: row))
        }
        #expect(row.value(of: "excess_removal") == 0.25 && row.value(of: "share_after") == nil)
    }

    /// `rules metrics`: one entry per metric, its facts on the first line,
    /// every line within the width, words never split.
    @Test func listingHasOneEntryPerMetricWithinTheWidth() {
        let text = MetricCatalog.renderedTable(width: 100)
        let entries = text.split(separator: "\n\n").map(String.init)
        #expect(entries.count == MetricCatalog.all.count)
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 100 })
        func flat(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        func entry(_ name: String) -> String? { entries.first { $0.hasPrefix(name + " — ") }.map(flat) }
        #expect(entry("retention_ratio")?.contains(" · better toward 1 · can be undefined ") == true)
        #expect(entry("accuracy_gap")?.contains("— error attribute · ") == true)
        #expect(entry("accuracy_gap")?.contains("better toward 0") == true)
        #expect(entry("q_value")?.contains("better — (no compare_to rule)") == true)
        for definition in MetricCatalog.all {
            let printed = entry(definition.name)
            #expect(printed?.contains(flat(definition.definition)) == true, "\(definition.name)")
            let edgeCases = definition.edgeCases == "—" ? "" : "Edge cases: " + flat(definition.edgeCases)
            #expect(printed?.hasSuffix(edgeCases) == true, "\(definition.name)")
        }
    }

    @Test func wrapBreaksAtSpacesOnly() {
        let lines = MetricCatalog.wrap("aaa bbb ccc dddddddddd e", width: 8, indent: "  ")
        #expect(lines == ["  aaa", "  bbb", "  ccc", "  dddddddddd", "  e"])
        #expect(MetricCatalog.wrap("ab cd ef", width: 5, indent: "") == ["ab cd", "    ef"])
    }
}
