import DietAuditCore
import Scoring

/// `{kind: imported, …}` entries of the spec's `scores`.
extension AuditSpec {
    /// Every key an imported score may take (CSV and NPY together).
    static let importedKeys = ["path", "column", "id_column", "name", "ids", "higher_is", "on_missing"]

    /// An imported score: a CSV (`column`, `id_column`) or an NPY vector
    /// (`name`, `ids`), chosen by the file's extension (`.npy`, `.npy.gz`).
    /// - Throws: ``InputError`` at a key that belongs to the other format, or a
    ///   missing `column` / `name`.
    static func parseImported(_ map: YAMLMapping, entry: YAMLValue, resolver: PathResolver) throws
        -> ImportedScoreSpec
    {
        if map["path"] == nil, let column = map["column"] {
            return try parseEngineColumnScore(map, column: column, entry: entry)
        }
        let display = try map.required("path").string()
        let isNPY = display.lowercased().hasSuffix(".npy") || display.lowercased().hasSuffix(".npy.gz")
        let foreign = isNPY ? ["column", "id_column"] : ["name", "ids"]
        for key in foreign where map[key] != nil {
            let hint =
                isNPY
                ? "an NPY score takes 'name' (the score is imported:<name>) and optionally 'ids' (an NPY file of ids)"
                : "a CSV score takes 'column' and optionally 'id_column'; 'name' and 'ids' are for .npy files"
            throw InputError("'\(key)' does not apply to \(display): \(hint)", at: map.location(of: key))
        }
        let source: ImportedScoreSpec.Source
        if isNPY {
            let nameNode = try map.required("name")
            let name = try nameNode.string()
            guard !name.isEmpty else { throw nameNode.error("name must not be empty; the score is imported:<name>") }
            let idsDisplay = try map["ids"]?.string()
            source = .npy(name: name, idsPath: idsDisplay.map(resolver.resolve), idsDisplayPath: idsDisplay)
        } else {
            source = .csv(column: try map.required("column").string(), idColumn: try map["id_column"]?.string())
        }
        let directions = ScoreDirection.allCases.map(\.rawValue)
        let higherIs = try map["higher_is"].map { ScoreDirection(rawValue: try $0.choice(directions))! } ?? .harder
        let policies = ImportedScoreSpec.OnMissing.allCases.map(\.rawValue)
        let onMissing =
            try map["on_missing"].map { ImportedScoreSpec.OnMissing(rawValue: try $0.choice(policies))! } ?? .error
        return ImportedScoreSpec(
            path: resolver.resolve(display), displayPath: display, source: source, higherIs: higherIs,
            onMissing: onMissing, location: entry.location)
    }

    /// `{kind: imported, column: clip_score}` without `path`: a column of a
    /// postgres table, or a score of a counts table (checked against the
    /// dataset when the spec is complete).
    private static func parseEngineColumnScore(_ map: YAMLMapping, column: YAMLValue, entry: YAMLValue) throws
        -> ImportedScoreSpec
    {
        for key in ["id_column", "name", "ids", "on_missing"] where map[key] != nil {
            throw InputError(
                "'\(key)' does not apply to a score without path (a column of a postgres or counts dataset, "
                    + "whose rows are the examples): remove it",
                at: map.location(of: key))
        }
        let name = try column.string()
        guard !name.isEmpty else { throw column.error("column must not be empty; the score is imported:<column>") }
        let directions = ScoreDirection.allCases.map(\.rawValue)
        let higherIs = try map["higher_is"].map { ScoreDirection(rawValue: try $0.choice(directions))! } ?? .harder
        return ImportedScoreSpec(
            path: "", displayPath: "", source: .engineColumn(name), higherIs: higherIs, onMissing: .error,
            location: entry.location)
    }
}
