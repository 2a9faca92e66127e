import DietAuditCore
import Foundation

/// Shows progress on stderr: one updating line on a terminal, plain lines
/// (a step's start and every quarter) when stderr is a file or a CI log.
/// Once a step has run for a second, its line also says how long it has
/// left, extrapolated from the share done so far (`… 40%, 4000000 rows read,
/// about 3 s left`); a terminal line is redrawn at most ten times a second.
final class StderrProgress: ProgressReporter {
    private let enabled: Bool
    private let isTerminal = isatty(FileHandle.standardError.fileDescriptor) != 0
    private var step = ""
    private var lastQuarter = -1
    private var lineOpen = false
    private var stepStart = Date()
    private var lastDrawn = Date.distantPast

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func begin(_ step: String) {
        guard enabled else { return }
        self.step = step
        lastQuarter = 0
        stepStart = Date()
        emit(step, final: !isTerminal)
    }

    func advance(_ done: Int, of total: Int) {
        advance(done, of: total, detail: "")
    }

    func advance(_ done: Int, of total: Int, detail: String) {
        guard enabled, total > 0 else { return }
        let percent = done * 100 / total
        let now = Date()
        var text = "\(step) … \(percent)%" + (detail.isEmpty ? "" : ", " + detail)
        if let left = Self.secondsLeft(done: done, total: total, elapsed: now.timeIntervalSince(stepStart)) {
            text += ", about \(Self.duration(left)) left"
        }
        if isTerminal {
            guard now.timeIntervalSince(lastDrawn) >= 0.1 || done >= total else { return }
            lastDrawn = now
            emit(text, final: false)
        } else if percent / 25 > lastQuarter {
            lastQuarter = percent / 25
            emit(text, final: true)
        }
    }

    /// Time left at the pace so far; `nil` in the first second, when nothing
    /// is done yet, or when all is.
    static func secondsLeft(done: Int, total: Int, elapsed: TimeInterval) -> TimeInterval? {
        guard elapsed >= 1, done > 0, done < total else { return nil }
        return elapsed * Double(total - done) / Double(done)
    }

    /// `3 s`, `2 min 5 s`.
    static func duration(_ seconds: TimeInterval) -> String {
        let whole = Int(seconds.rounded(.up))
        return whole < 60 ? "\(whole) s" : "\(whole / 60) min \(whole % 60) s"
    }

    func note(_ message: String) {
        guard enabled else { return }
        emit("note: " + message, final: true)
    }

    /// Ends an open terminal line.
    func finish() {
        if lineOpen { write("\n") }
        lineOpen = false
    }

    private func emit(_ text: String, final: Bool) {
        if isTerminal {
            write("\r\u{1B}[2K" + text + (final ? "\n" : ""))
            lineOpen = !final
        } else {
            write(text + "\n")
        }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
