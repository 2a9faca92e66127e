/// Where a stored run is in its life. A run row is inserted as `running`
/// before any result is written; its results and the `complete` status are
/// written in one transaction; any failure after that marks it `failed` with
/// the error message. Readers show only `complete` runs' results as final.
public enum RunStatus: String, Sendable, Codable {
    case running, complete, failed
}
