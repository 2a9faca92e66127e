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

    @Test func listingHasOneLinePerMetric() {
        let rows = MetricCatalog.printableRows()
        #expect(rows.count == MetricCatalog.all.count)
        #expect(rows.allSatisfy { $0.count == MetricCatalog.tableHeader.count })
        #expect(rows.first { $0[0] == "retention_ratio" }?[6] == "yes")
        #expect(rows.first { $0[0] == "accuracy_gap" }?[1] == "error attribute")
        #expect(rows.first { $0[0] == "accuracy_gap" }?[7] == "toward 0")
        #expect(rows.first { $0[0] == "q_value" }?[7] == "—")
        let lines = MetricCatalog.renderedTable().split(separator: "\n")
        #expect(lines.count == rows.count + 2)
        #expect(lines[0].hasPrefix("name ") && lines[2].hasPrefix("n "))
    }
}
