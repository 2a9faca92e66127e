/// Where a row keeps one metric: a count, a value that is always defined, or
/// a value that may be undefined (`nil`).
///
/// Key paths are immutable values, safe to share across threads, hence the
/// unchecked `Sendable`.
public enum MetricField<Row>: @unchecked Sendable {
    case count(WritableKeyPath<Row, Int>)
    case value(WritableKeyPath<Row, Double>)
    case optional(WritableKeyPath<Row, Double?>)

    /// The metric's value in `row`; `nil` when undefined.
    func get(_ row: Row) -> Double? {
        switch self {
        case .count(let path): Double(row[keyPath: path])
        case .value(let path): row[keyPath: path]
        case .optional(let path): row[keyPath: path]
        }
    }

    /// Whether the row can hold no value for the metric.
    var canBeUndefined: Bool {
        if case .optional = self { return true }
        return false
    }

    /// Whether the metric is an integer count.
    var isCount: Bool {
        if case .count = self { return true }
        return false
    }

    /// Writes the metric under `name`; `nil` as null, counts as integers.
    func encode(_ row: Row, name: String, into container: inout KeyedEncodingContainer<MetricCodingKey>) throws {
        let key = MetricCodingKey(name)
        switch self {
        case .count(let path): try container.encode(row[keyPath: path], forKey: key)
        case .value(let path): try container.encode(row[keyPath: path], forKey: key)
        case .optional(let path): try container.encode(row[keyPath: path], forKey: key)
        }
    }

    /// Reads the metric stored under `name` into `row`.
    func decode(into row: inout Row, name: String, from container: KeyedDecodingContainer<MetricCodingKey>) throws {
        let key = MetricCodingKey(name)
        switch self {
        case .count(let path): row[keyPath: path] = try container.decode(Int.self, forKey: key)
        case .value(let path): row[keyPath: path] = try container.decode(Double.self, forKey: key)
        case .optional(let path): row[keyPath: path] = try container.decodeIfPresent(Double.self, forKey: key)
        }
    }
}

/// A coding key named at run time: the rows encode their columns by the
/// catalog's metric names.
public struct MetricCodingKey: CodingKey, Sendable {
    public var stringValue: String
    public var intValue: Int? { nil }

    public init(_ name: String) { stringValue = name }
    public init?(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
}
