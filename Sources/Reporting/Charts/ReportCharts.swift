import Storage

/// Every chart of a stored run, in report order: retention ratios and the
/// removal rate per score ("Who gets removed"), accuracy after retraining per
/// score ("Who pays for it"), score distributions per score. A chart with
/// nothing to draw is left out. Rendering is a pure function of the stored
/// run, so the same run always gives byte-identical charts.
///
/// `examples`: the run's per-example columns (``AuditDatabase/exampleColumns(runId:)``),
/// which the score distributions need; without them those charts are left out.
public enum ReportCharts {
    public static func charts(for stored: StoredRun, examples: ExampleColumns? = nil) -> [ReportChart] {
        var names = ChartFileNames(audit: stored.run.audit)
        var charts: [ReportChart] = []
        if let retention = RetentionChart(stored).chart() {
            charts.append(retention)
            names.reserve(retention.fileName)
        }
        let planScores = chartUnique(stored.composition.compactMap(\.score))
        for score in planScores {
            let name = names.make(kind: "removal", score: score)
            if let chart = RemovalRateChart(stored: stored, score: score).chart(fileName: name) { charts.append(chart) }
        }
        let retrainedScores = chartUnique(stored.errorRisk.rows.compactMap(\.score))
        for score in retrainedScores {
            let name = names.make(kind: "accuracy", score: score)
            if let chart = AccuracyChart(stored: stored, score: score).chart(fileName: name) { charts.append(chart) }
        }
        for score in stored.scores.sorted(by: { $0.position < $1.position }) {
            guard let examples else { break }
            let name = names.make(kind: "scores", score: score.name)
            if let chart = ScoreDistributionChart(stored: stored, examples: examples, score: score).chart(
                fileName: name)
            {
                charts.append(chart)
            }
        }
        return charts
    }
}

extension ReportCharts {
    /// Every chart of `stored`, a run of `database`, with the per-example
    /// columns the score distributions read when the run has at most
    /// `exampleLimit` examples (a larger run leaves those charts out rather
    /// than load every example for a picture).
    public static func charts(
        in database: AuditDatabase, run stored: StoredRun, exampleLimit: Int = 2_000_000
    ) throws -> [ReportChart] {
        let examples =
            stored.exampleCount > 0 && stored.exampleCount <= exampleLimit
            ? try database.exampleColumns(runId: stored.id) : nil
        return charts(for: stored, examples: examples)
    }
}

/// Chart file names of one run: `<audit>-<kind>-<score>.svg` with the audit
/// made safe by ``ReportFiles/fileName(audit:)`` and the score by the same
/// rule (`el2n@2` → `el2n-2`); a name already taken (two scores that differ
/// only in unsafe characters) gets `-2`, `-3`, … before `.svg`.
struct ChartFileNames {
    let audit: String
    private var taken: Set<String> = []

    init(audit: String) {
        self.audit = ReportFiles.fileName(audit: audit)
    }

    /// Marks `name` as used (compared without case, for case-insensitive
    /// file systems).
    mutating func reserve(_ name: String) {
        taken.insert(name.lowercased())
    }

    mutating func make(kind: String, score: String) -> String {
        let base = "\(audit)-\(kind)-\(ReportFiles.fileName(audit: score))"
        var name = base + ".svg", suffix = 2
        while taken.contains(name.lowercased()) {
            name = "\(base)-\(suffix).svg"
            suffix += 1
        }
        reserve(name)
        return name
    }
}
