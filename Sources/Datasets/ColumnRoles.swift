import DietAuditCore

/// What each column named in the spec is for, after checking that every name
/// exists and that no column plays two roles that exclude each other.
struct ColumnRoles {
    var label: String
    var id: String?
    /// Feature columns in order (explicit list, or file order for `auto`).
    var features: [String]
    var attributes: [String]
    var categorical: Set<String>

    /// Checks `spec`'s column names against `table` (the data file).
    /// An attribute listed explicitly under `features` is also a model input
    /// (it is still audited); `features: auto` leaves every attribute out.
    /// - Throws: ``InputError`` at the spec key that names an unknown column or a
    ///   forbidden combination (label, id or a dropped column as a feature, …).
    init(spec: DatasetSpec, table: Table) throws {
        let columns = table.columnNames
        func require(_ name: String, key: String) throws {
            guard table.columnIndex(named: name) == nil else { return }
            let hint = didYouMean(name, among: columns)
            let message =
                "column '\(name)' not found in \(spec.fileName)"
                + (hint.isEmpty ? "; its columns are \(listForMessage(columns))" : hint)
            throw InputError(message, at: spec.location(ofKey: key))
        }
        func requireUnique(_ names: [String], key: String) throws {
            var seen = Set<String>()
            for name in names where !seen.insert(name).inserted {
                throw InputError("column '\(name)' is listed twice", at: spec.location(ofKey: key))
            }
        }

        try require(spec.label, key: "label")
        if let id = spec.idColumn { try require(id, key: "id") }
        for name in spec.drop { try require(name, key: "drop") }
        for name in spec.attributes { try require(name, key: "attributes") }
        for name in spec.categorical { try require(name, key: "categorical") }
        try requireUnique(spec.attributes, key: "attributes")
        try checkAttributeNames(spec)
        if spec.attributes.contains(spec.label) {
            throw InputError(
                "'\(spec.label)' is the label, which is always audited as 'class'; remove it from dataset.attributes",
                at: spec.location(ofKey: "attributes"))
        }
        if let id = spec.idColumn, spec.attributes.contains(id) {
            throw InputError(
                "'\(id)' is the id column and cannot be an attribute", at: spec.location(ofKey: "attributes"))
        }

        switch spec.features {
        case .auto:
            let excluded = Set([spec.label] + (spec.idColumn.map { [$0] } ?? []) + spec.attributes + spec.drop)
            features = columns.filter { !excluded.contains($0) }
        case .columns(let names):
            for name in names { try require(name, key: "features") }
            try requireUnique(names, key: "features")
            for name in names {
                let problem: String?
                if name == spec.label {
                    problem = "'\(name)' is the label and cannot also be a feature; remove it from dataset.features"
                } else if name == spec.idColumn {
                    problem = "'\(name)' is the id column and cannot also be a feature; remove it from dataset.features"
                } else if spec.drop.contains(name) {
                    problem = "'\(name)' is listed both under drop and under features; remove it from one of the lists"
                } else {
                    problem = nil
                }
                if let problem { throw InputError(problem, at: spec.location(ofKey: "features")) }
            }
            features = names
        }
        if spec.auditOnly { features = [] }  // audit-only: features are never read
        guard !features.isEmpty || spec.auditOnly else {
            throw InputError(
                "no feature columns remain after setting aside the label, id, attributes and dropped columns",
                at: spec.location(ofKey: "features"))
        }
        label = spec.label
        id = spec.idColumn
        attributes = spec.attributes
        categorical = Set(spec.categorical)
    }
}
