import Auditing
import Reporting

/// `dietaudit rules metrics`: every metric a rule can name, from the
/// ``Auditing/MetricCatalog`` (the one declaration of each metric).
public enum MetricListing {
    /// The plain-text table (name, level, definition, range, ideal, edge
    /// cases, whether it can be undefined, which way is better), then a note
    /// on the seed-summary names of the error-risk metrics.
    public static func text() -> String {
        let note =
            "Levels: group and attribute are composition rows (who is removed); error group and error attribute are "
            + "error-risk rows (models retrained on the kept set). Each error-risk metric M is also reported as "
            + "M_std, M_ci_low and M_ci_high, all usable in rules. 'better' is the direction a compare_to: previous "
            + "rule reads; '—' means such a rule refuses the metric."
        return MetricCatalog.renderedTable() + "\n"
            + MetricCatalog.wrap(note, width: 100, indent: "", continuation: "").joined(separator: "\n")
            + "\n"
    }

    /// The listing as JSON: an array of objects with `name`, `level`,
    /// `definition`, `range`, `ideal`, `edge_cases`, `can_be_undefined`,
    /// `better` (`higher`, `lower`, `toward_one`, `toward_zero` or `null`) and
    /// `reported_names` (the names rules may use).
    public static func json() -> String {
        let objects = MetricCatalog.all.map { definition -> JSONValue in
            .object([
                ("name", .string(definition.name)), ("level", .string(definition.level.rawValue)),
                ("definition", .string(definition.definition)), ("range", .string(definition.range)),
                ("ideal", .string(definition.ideal)), ("edge_cases", .string(definition.edgeCases)),
                ("can_be_undefined", .bool(definition.canBeUndefined)),
                ("better", .string(definition.better?.rawValue)),
                ("reported_names", .array(definition.reportedNames.map { .string($0) })),
            ])
        }
        return JSONValue.array(objects).serialized() + "\n"
    }
}
