import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The process that writes a run, recorded with it so that a later reader can
/// tell whether a `running` run still has a live process behind it.
///
/// A process is identified by its host name, its pid and its start time. The
/// start time is field 22 (`starttime`, clock ticks since boot) of
/// `/proc/<pid>/stat` on Linux: when a pid has been reused by another process
/// its start time differs, so the reused pid is not mistaken for the process
/// that wrote the run. Where `/proc` is not available the start time is `nil`
/// and only the pid is checked (`kill(pid, 0)`).
public struct RunProcess: Sendable, Equatable {
    /// Host name of the machine (`gethostname`).
    public var host: String
    /// Process id.
    public var pid: Int64
    /// Start time of the process in clock ticks since boot (Linux), if known.
    public var startTicks: Int64?

    public init(host: String, pid: Int64, startTicks: Int64?) {
        self.host = host
        self.pid = pid
        self.startTicks = startTicks
    }

    /// The running process.
    public static var current: RunProcess {
        let pid = Int64(getpid())
        return RunProcess(host: currentHost, pid: pid, startTicks: startTicks(pid: pid))
    }

    /// This machine's host name.
    public static var currentHost: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return ProcessInfo.processInfo.hostName }
        return String(cString: buffer)
    }

    /// Field 22 of `/proc/<pid>/stat`, or `nil` when the file cannot be read
    /// (no such process, or no `/proc`).
    public static func startTicks(pid: Int64) -> Int64? {
        procStat(pid: pid)?.startTicks
    }

    /// Fields 3 (state: `R`, `S`, `Z` for a zombie…) and 22 (start time) of
    /// `/proc/<pid>/stat`. The second field (the command name, in
    /// parentheses) may itself contain spaces and parentheses, so fields are
    /// counted after its last `)`.
    static func procStat(pid: Int64) -> (state: Substring, startTicks: Int64)? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return nil }
        return parseStat(stat)
    }

    /// Fields 3 and 22 of the text of a `/proc/<pid>/stat` file.
    static func parseStat(_ stat: String) -> (state: Substring, startTicks: Int64)? {
        guard let close = stat.lastIndex(of: ")") else { return nil }
        // After ")": field 3 (state) is the first; starttime (22) is the 20th.
        let fields = stat[stat.index(after: close)...].split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count >= 20, let ticks = Int64(fields[19]) else { return nil }
        return (fields[0], ticks)
    }

    /// Whether this process is alive, judged from this host.
    /// - Returns: `nil` when it runs on another host (it cannot be checked),
    ///   `false` when the pid is gone, has exited (zombie), or now belongs to
    ///   a process started at another time, `true` otherwise.
    public func isAlive(onHost host: String = RunProcess.currentHost) -> Bool? {
        guard self.host == host else { return nil }
        guard pid > 0, pid <= Int64(Int32.max) else { return false }
        if FileManager.default.fileExists(atPath: "/proc/self/stat") {
            // A zombie (`Z`) or dead (`X`) process has exited; only its entry remains.
            guard let stat = Self.procStat(pid: pid), stat.state != "Z", stat.state != "X" else { return false }
            return startTicks == nil || startTicks == stat.startTicks
        }
        return kill(pid_t(pid), 0) == 0 || errno == EPERM
    }

    /// "pid 123 on host h".
    public var text: String { "pid \(pid) on host \(host)" }
}
