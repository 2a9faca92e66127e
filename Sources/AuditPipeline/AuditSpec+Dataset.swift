import Auditing
import Datasets
import DietAuditCore
import Learning
import Scoring

/// The spec's `dataset` section: the data file and its columns' roles.
extension AuditSpec {
    /// The keys a `dataset` mapping may hold.
    static let datasetKeys = [
        "path", "format", "label", "positive_label", "id", "features", "drop", "attributes",
        "categorical", "intersections", "test", "labels", "image", "scaling", "where", "encoding", "missing_values",
    ]

    /// Parses `dataset`, resolving paths against the spec's folder with `resolver`.
    /// - Throws: ``InputError`` at the offending key (unknown keys with a did-you-mean).
    static func parseDataset(_ node: YAMLValue, resolver: PathResolver) throws -> DatasetSpec {
        let map = try node.mapping(allowedKeys: datasetKeys)
        let displayPath = try map.required("path").string()
        var format: DataFormat?
        if let node = map["format"] {
            format = DataFormat(rawValue: try node.choice(["csv", "arff", "idx", "npy"]))
        }
        let isImageData = !(format ?? detectFormat(fileName: displayPath) ?? .csv).isTabular
        // Image formats take labels from a file; `label` only names them in messages.
        let label = isImageData ? try map["label"]?.string() ?? "label" : try map.required("label").string()
        var spec = DatasetSpec(path: resolver.resolve(displayPath), displayPath: displayPath, label: label)
        spec.format = format
        for key in datasetKeys { spec.specLocations[key] = map[key]?.location ?? map.location(of: key) }
        if let labels = map["labels"] {
            let display = try labels.string()
            spec.labelsDisplayPath = display
            spec.labelsPath = resolver.resolve(display)
        }
        if let image = map["image"] { spec.image = try parseImageShape(image) }
        spec.positiveLabel = try map["positive_label"]?.string()
        spec.idColumn = try map["id"]?.string()
        if let features = map["features"] { spec.features = try parseFeatureSelection(features) }
        spec.drop = try map["drop"]?.stringList() ?? []
        spec.attributes = try map["attributes"]?.stringList() ?? []
        spec.categorical = try map["categorical"]?.stringList() ?? []
        spec.intersections = try map["intersections"]?.bool() ?? true
        if let filter = map["where"] { spec.rowFilter = try parseRowFilter(filter) }
        if let scaling = map["scaling"] {
            spec.scaling = NumericScaling(rawValue: try scaling.choice(NumericScaling.allCases.map(\.rawValue)))!
        }
        try parseTextOptions(map, into: &spec)
        if let test = map["test"] { try parseTestSplit(test, resolver: resolver, into: &spec) }
        return spec
    }

    /// `dataset.image`: `{height, width, channels [1]}`, each a positive whole number.
    private static func parseImageShape(_ image: YAMLValue) throws -> ImageShape {
        let shape = try image.mapping(allowedKeys: ["height", "width", "channels"])
        func dimension(_ key: String, default value: Int? = nil) throws -> Int {
            guard let node = shape[key] else {
                if let value { return value }
                throw image.error("missing required key 'dataset.image.\(key)'")
            }
            let number = try node.int()
            guard number > 0 else { throw node.error("\(key) must be a positive whole number, found \(number)") }
            return number
        }
        return ImageShape(
            height: try dimension("height"), width: try dimension("width"),
            channels: try dimension("channels", default: 1))
    }

    /// `dataset.features`: `auto` or a non-empty list of columns.
    private static func parseFeatureSelection(_ features: YAMLValue) throws -> FeatureSelection {
        if case .scalar = features.node, try features.string() == "auto" { return .auto }
        let columns = try features.sequence().map { try $0.string() }
        guard !columns.isEmpty else { throw features.error("features must list at least one column, or be 'auto'") }
        return .columns(columns)
    }

    /// `dataset.where`: a mapping of column to one value or a list of values.
    private static func parseRowFilter(_ filter: YAMLValue) throws -> RowFilter {
        guard case .mapping(let pairs) = filter.node else {
            throw filter.error("where needs a mapping of column to value(s), e.g. {propublica_filter: 1}")
        }
        var conditions: [(column: String, values: [String])] = []
        for (key, value) in pairs {
            let keyNode = YAMLValue(node: key, file: filter.file, path: filter.path)
            let valueNode = YAMLValue(node: value, file: filter.file, path: filter.path + "." + (key.string ?? ""))
            let values = try valueNode.stringList()
            guard !values.isEmpty else { throw valueNode.error("list at least one value to keep") }
            conditions.append((try keyNode.string(), values))
        }
        guard !conditions.isEmpty else { throw filter.error("where needs at least one column") }
        return RowFilter(conditions: conditions)
    }

    /// `dataset.encoding` (`utf8` | `latin1`) and `dataset.missing_values` (a list of tokens).
    private static func parseTextOptions(_ map: YAMLMapping, into spec: inout DatasetSpec) throws {
        if let encoding = map["encoding"] {
            spec.encoding = TextEncoding(rawValue: try encoding.choice(TextEncoding.allCases.map(\.rawValue)))!
        }
        guard let tokensNode = map["missing_values"] else { return }
        let tokens = try tokensNode.stringList()
        if tokens.contains("") {
            throw tokensNode.error("an empty field is always missing; list only other tokens, e.g. [\"NA\", \"?\"]")
        }
        spec.missingValues = tokens
    }

    /// `dataset.test`: `{fraction}` or `{path, labels?}`.
    private static func parseTestSplit(_ test: YAMLValue, resolver: PathResolver, into spec: inout DatasetSpec) throws {
        let testMap = try test.mapping(allowedKeys: ["fraction", "path", "labels"])
        if let path = testMap["path"] {
            let display = try path.string()
            spec.test = .path(resolver.resolve(display), displayPath: display)
            if let labels = testMap["labels"] {
                let labelsDisplay = try labels.string()
                spec.testLabelsDisplayPath = labelsDisplay
                spec.testLabelsPath = resolver.resolve(labelsDisplay)
                spec.specLocations["test_labels"] = labels.location
            }
            return
        }
        if let labels = testMap["labels"] {
            throw labels.error("test.labels goes with test.path (a separate test file)")
        }
        let fractionNode = try testMap.required("fraction")
        let fraction = try fractionNode.decimalFraction()
        guard fraction > 0, fraction < 1 else {
            throw fractionNode.error("test fraction must be between 0 and 1 (exclusive), found \(fraction)")
        }
        spec.test = .fraction(fraction)
    }
}
