import DietAuditCore

/// The Codable form shared by the catalog-driven rows (``CompositionRow``,
/// ``AttributeRow``): the plan scope columns (`score`, `policy`, `fraction`,
/// `attribute`, `group` where the row has one, `attribute_kind`), then one
/// column per catalog metric of the row's level, by the metric's name.
enum CatalogCoding {
    typealias Encoding = KeyedEncodingContainer<MetricCodingKey>
    typealias Decoding = KeyedDecodingContainer<MetricCodingKey>

    /// The scope of a plan row.
    struct Scope {
        var score: String?
        var policy: String
        var fraction: Double
        var attribute: String
        /// `nil` for an attribute-level row (no `group` column).
        var group: String?
        var attributeKind: GroupingKind
    }

    /// Writes the scope columns and every metric of `definitions` that lives on `Row`.
    static func encode<Row>(
        _ row: Row, scope: Scope, metrics definitions: [MetricDefinition],
        to encoder: Encoder
    ) throws {
        var container = encoder.container(keyedBy: MetricCodingKey.self)
        try container.encode(scope.score, forKey: MetricCodingKey("score"))
        try container.encode(scope.policy, forKey: MetricCodingKey("policy"))
        try container.encode(scope.fraction, forKey: MetricCodingKey("fraction"))
        try container.encode(scope.attribute, forKey: MetricCodingKey("attribute"))
        if let group = scope.group { try container.encode(group, forKey: MetricCodingKey("group")) }
        try container.encode(scope.attributeKind, forKey: MetricCodingKey("attribute_kind"))
        for definition in definitions {
            try definition.field(on: Row.self)?.encode(row, name: definition.name, into: &container)
        }
    }

    /// Reads the scope columns; `hasGroup` says whether the row has a `group` column.
    static func decodeScope(from decoder: Decoder, hasGroup: Bool) throws -> Scope {
        let container = try decoder.container(keyedBy: MetricCodingKey.self)
        return Scope(
            score: try container.decodeIfPresent(String.self, forKey: MetricCodingKey("score")),
            policy: try container.decode(String.self, forKey: MetricCodingKey("policy")),
            fraction: try container.decode(Double.self, forKey: MetricCodingKey("fraction")),
            attribute: try container.decode(String.self, forKey: MetricCodingKey("attribute")),
            group: hasGroup ? try container.decode(String.self, forKey: MetricCodingKey("group")) : nil,
            attributeKind: try container.decode(GroupingKind.self, forKey: MetricCodingKey("attribute_kind")))
    }

    /// Reads every metric of `definitions` that lives on `Row` into `row`.
    static func decodeMetrics<Row>(
        into row: inout Row, metrics definitions: [MetricDefinition],
        from decoder: Decoder
    ) throws {
        let container = try decoder.container(keyedBy: MetricCodingKey.self)
        for definition in definitions {
            try definition.field(on: Row.self)?.decode(into: &row, name: definition.name, from: container)
        }
    }
}

extension MetricDefinition {
    /// Where the metric lives on rows of type `Row`; `nil` for another row type.
    func field<Row>(on rowType: Row.Type) -> MetricField<Row>? {
        switch accessor {
        case .composition(let field): field as? MetricField<Row>
        case .attribute(let field): field as? MetricField<Row>
        case .errorRisk: nil
        }
    }
}
