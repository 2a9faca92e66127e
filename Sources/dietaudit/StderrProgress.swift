import DietAuditCore
import Foundation

/// Shows progress on stderr: one updating line on a terminal, plain lines
/// (a step's start and every quarter) when stderr is a file or a CI log.
final class StderrProgress: ProgressReporter {
    private let enabled: Bool
    private let isTerminal = isatty(FileHandle.standardError.fileDescriptor) != 0
    private var step = ""
    private var lastQuarter = -1
    private var lineOpen = false

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func begin(_ step: String) {
        guard enabled else { return }
        self.step = step
        lastQuarter = 0
        emit(step, final: !isTerminal)
    }

    func advance(_ done: Int, of total: Int) {
        guard enabled, total > 0 else { return }
        let percent = done * 100 / total
        if isTerminal {
            emit("\(step) … \(percent)%", final: false)
        } else if percent / 25 > lastQuarter {
            lastQuarter = percent / 25
            emit("\(step) … \(percent)%", final: true)
        }
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
