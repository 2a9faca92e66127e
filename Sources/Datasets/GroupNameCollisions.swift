import DietAuditCore

/// Group and grouping names that would collide with the names DietAudit makes.
///
/// The label is always audited as the grouping `class`, and an intersection of
/// groupings `a` and `b` is named `a×b` with groups `x×y`
/// (``Grouping/intersectionSeparator``). So an attribute may not be named `class`
/// or contain `×`, and no attribute value or class name may contain `×`; nor may
/// an attribute value be `(missing)`, the group of missing values (``missingLevel``).
/// Otherwise two different things would share one name in the report, the JSON
/// and the database.

/// Checks the names listed under `dataset.attributes`.
/// - Throws: ``InputError`` at the spec's `attributes` key for an attribute named
///   `class` (unless it is the label, which ``ColumnRoles`` reports) or containing `×`.
func checkAttributeNames(_ spec: DatasetSpec) throws {
    let separator = Grouping.intersectionSeparator
    for name in spec.attributes where name != spec.label {
        if name == "class" {
            throw InputError(
                "attribute 'class' collides with the grouping 'class', which is always the label '\(spec.label)'; "
                    + "rename the column (e.g. 'class_\(spec.label)' or 'class_attribute') and list the new name",
                at: spec.location(ofKey: "attributes"))
        }
        if name.contains(separator) {
            throw InputError(
                "attribute '\(name)' contains '\(separator)', which joins the names of intersections "
                    + "('a\(separator)b'); "
                    + "rename the column without '\(separator)'",
                at: spec.location(ofKey: "attributes"))
        }
    }
}

/// Checks every class name and attribute value for the intersection separator, and
/// attribute values for the missing-value group's name.
/// - Throws: ``InputError`` at the first data row holding such a value, keyed by its column.
func checkGroupNames(labels: LabelColumn, attributes: [TypedColumn], rows: DataRows, spec: DatasetSpec) throws {
    let separator = Grouping.intersectionSeparator
    if labels.classNames.contains(where: { $0.contains(separator) }) {
        let row = labels.classOfRow.firstIndex { labels.classNames[$0].contains(separator) }!
        let value = labels.classNames[labels.classOfRow[row]]
        throw collision(value: value, what: "class name", column: spec.label, row: row, rows: rows)
    }
    for attribute in attributes {
        if let row = attribute.values.firstIndex(where: { $0 == missingLevel }) {
            var location = rows.location(ofRow: row)
            location.key = attribute.name
            throw InputError(
                "attribute value '\(missingLevel)' in column '\(attribute.name)' is the name of the group of missing "
                    + "values; leave the field empty (or list the token under dataset.missing_values) if it is "
                    + "missing, or recode it",
                at: location)
        }
        guard let row = attribute.values.firstIndex(where: { $0?.contains(separator) == true }) else { continue }
        throw collision(
            value: attribute.values[row]!, what: "attribute value", column: attribute.name, row: row, rows: rows)
    }
}

/// The error for `value` found in `column` on `row`.
private func collision(value: String, what: String, column: String, row: Int, rows: DataRows) -> InputError {
    let separator = Grouping.intersectionSeparator
    var location = rows.location(ofRow: row)
    location.key = column
    return InputError(
        "\(what) '\(value)' in column '\(column)' contains '\(separator)', the separator of intersection groups "
            + "('x\(separator)y'); recode the value without '\(separator)' (e.g. with 'x')",
        at: location)
}
