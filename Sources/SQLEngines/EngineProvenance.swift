/// Where an audit's counts were computed: recorded with the run (migration
/// "v12: engine provenance") and shown in the report's provenance.
public struct EngineProvenance: Sendable, Equatable, Codable {
    /// `PostgreSQL`, or `counts table` for a counts file computed elsewhere.
    public var engine: String
    /// The server's version (`15.18 (Debian …)`); `nil` for a counts file.
    public var version: String?
    /// The table or view (a counts file: its path as the spec names it).
    public var table: String
    /// SHA-256 of the counting query's text as run (a counts file: `nil`).
    public var querySHA256: String?
    /// Bytes of values the engine returned (a counts file: its size).
    public var bytesMoved: Int

    public init(engine: String, version: String?, table: String, querySHA256: String?, bytesMoved: Int) {
        self.engine = engine
        self.version = version
        self.table = table
        self.querySHA256 = querySHA256
        self.bytesMoved = bytesMoved
    }
}
