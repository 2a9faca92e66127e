import DietAuditTestSupport
import Testing

@testable import Reporting
@testable import Storage

/// `export scores` writes its CSV a chunk of examples at a time.
@Suite struct ScoreExportStreamTests {
    /// The planted run's 1,000 examples in chunks of 300: the header, then four
    /// pieces (300, 300, 300, 100 lines), which joined are the whole export.
    @Test func exportArrivesInChunks() throws {
        let (database, stored) = try Fixtures.storedPlantedRun()
        var pieces: [String] = []
        try ScoreExport.write(stored, database: database, chunkSize: 300) { pieces.append($0) }
        #expect(pieces.count == 5)
        #expect(pieces[0] == "id,label,planted\n")
        #expect(pieces.dropFirst().map { $0.split(separator: "\n").count } == [300, 300, 300, 100])
        #expect(pieces.joined() == (try ScoreExport.csv(stored, database: database)))
        var fromHeaders = ""
        try ScoreExport.write(
            run: stored.run, scores: try database.scoreHeaders(runId: stored.id), database: database
        ) { fromHeaders += $0 }
        #expect(fromHeaders == pieces.joined())
        let examples = try database.examples(runId: stored.id)
        let firstLine = pieces[1].split(separator: "\n")[0]
        #expect(firstLine.hasPrefix("\(examples[0].exampleId),\(examples[0].label),"))
    }
}
