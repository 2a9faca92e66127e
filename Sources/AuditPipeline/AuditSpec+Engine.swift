import Auditing
import Datasets
import DietAuditCore
import SQLEngines

/// `dataset: {postgres: …}` and `dataset: {counts: …}`: data that lives in a
/// SQL engine (docs/SCALE.md).
extension AuditSpec {
    /// The keys an engine dataset may hold.
    static let engineDatasetKeys = ["postgres", "counts", "table", "label", "id", "attributes", "intersections"]

    /// Parses an engine dataset, or returns `nil` when `node` is a file dataset
    /// (no `postgres` and no `counts` key).
    /// - Throws: ``InputError`` at the key: both sources, a password in the
    ///   connection string, no table or id for postgres, an attribute named
    ///   like a counts-table column.
    static func parseEngineDataset(_ node: YAMLValue, resolver: PathResolver) throws -> EngineDatasetSpec? {
        guard case .mapping = node.node else { return nil }
        let probe = try node.mapping(allowedKeys: datasetKeys + engineDatasetKeys)
        guard probe["postgres"] != nil || probe["counts"] != nil else { return nil }
        let map = try node.mapping(allowedKeys: engineDatasetKeys)
        let source: EngineDatasetSpec.Source
        if let postgres = map["postgres"] {
            if let counts = map["counts"] {
                throw counts.error("a dataset is either a postgres table or a counts table, not both")
            }
            let connection = try postgres.string()
            guard PostgresConnection.passwords(in: connection).isEmpty else {
                throw postgres.error(
                    "the connection string holds a password; never put credentials in the spec: use PGPASSWORD "
                        + "or ~/.pgpass (libpq reads them)")
            }
            source = .postgres(connection: connection)
        } else {
            let display = try map.required("counts").string()
            source = .counts(path: resolver.resolve(display), displayPath: display)
        }
        let table = try map["table"]?.string()
        let id = try map["id"]?.string()
        if case .postgres = source {
            if table == nil { _ = try map.required("table") }
            if id == nil {
                throw InputError(
                    "a postgres dataset needs id: the column whose text breaks ties and draws random plans",
                    at: map.location(of: "postgres"))
            }
        }
        let attributes = try map["attributes"]?.stringList() ?? []
        for name in attributes where CountsColumn.reserved.contains(name) {
            throw InputError(
                "attribute '\(name)' has the name of a counts-table column "
                    + "(\(CountsColumn.reserved.sorted().joined(separator: ", "))); rename it in a view",
                at: map["attributes"]?.location ?? node.location)
        }
        return EngineDatasetSpec(
            source: source, table: table, label: try map.required("label").string(), id: id,
            attributes: attributes, intersections: try map["intersections"]?.bool() ?? true,
            location: node.location)
    }

    /// Checks the rest of a spec against its dataset: engine datasets are
    /// audit-only and read every score from their table; file datasets need a
    /// path for every imported score; `random` draws are not counted in SQL.
    static func checkEngineScores(_ top: YAMLMapping, engine: EngineDatasetSpec?, scores: [ScoreRequest]) throws {
        let items = (try? top["scores"]?.sequence()) ?? []
        for (item, request) in zip(items, scores) {
            guard case .imported(let imported) = request else { continue }
            let isColumn = if case .engineColumn = imported.source { true } else { false }
            if engine == nil, isColumn {
                _ = try item.mapping(allowedKeys: importedKeys + ["kind"]).required("path")
            }
            if engine != nil, !isColumn {
                throw item.error(
                    "the dataset is a postgres or counts table, so each score is a column of it: "
                        + "{kind: imported, column: <name>} without path")
            }
        }
        guard let engine else { return }
        if let model = top["model"] ?? top["training"] {
            throw model.error(
                "a \(engine.sourceName) dataset is audit-only (its scores are columns of the table); "
                    + "remove model and training")
        }
        if let pruning = top["pruning"], case .mapping = pruning.node,
            let policies = try pruning.mapping(allowedKeys: ["fractions", "policies", "retrain"])["policies"],
            case .sequence = policies.node
        {
            for item in try policies.sequence() {
                guard case .mapping = item.node,
                    let draws = try item.mapping(allowedKeys: ["policy", "offset", "draws"])["draws"]
                else { continue }
                throw draws.error(
                    "random draws are drawn in memory from every example, which a \(engine.sourceName) dataset "
                        + "does not bring out of the engine; use policy random without draws")
            }
        }
    }
}

extension EngineDatasetSpec {
    /// `postgres` or `counts`, for messages.
    var sourceName: String {
        if case .postgres = source { return "postgres" }
        return "counts"
    }
}
