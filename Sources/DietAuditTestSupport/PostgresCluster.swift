import Foundation

/// A throwaway PostgreSQL cluster for tests: `initdb` in a temporary
/// directory (as the `postgres` OS user when the tests run as root, since the
/// server refuses to run as root), a Unix socket in that directory only (no TCP
/// port is opened, so clusters of parallel test runs never collide), stopped
/// and deleted when the test process exits.
///
/// ``shared`` is `nil` when the binaries (Debian `postgresql`) are missing or
/// the server cannot start; tests that need it are then skipped with
/// ``unavailableReason``, never passed.
public struct PostgresCluster: Sendable {
    /// The cluster's directory, also its socket directory.
    public let directory: String
    /// The socket's port number (only names the socket file).
    public let port: Int
    /// A libpq connection string for the `postgres` database, no password.
    public var connectionString: String { "host=\(directory) port=\(port) user=postgres dbname=postgres" }
    /// The same as a URL, as a spec writes it.
    public var url: String { "postgresql://postgres@/postgres?host=\(directory)&port=\(port)" }

    /// The cluster of this test process, started on first use; when it cannot
    /// start, the reason is written to standard error once (the tests that need
    /// it are reported skipped).
    public static let shared: PostgresCluster? = {
        let cluster = start()
        if cluster == nil {
            FileHandle.standardError.write(Data("PostgreSQL tests skipped: \(unavailableReason)\n".utf8))
        }
        return cluster
    }()
    /// Why ``shared`` is `nil`, for the skip message.
    nonisolated(unsafe) public private(set) static var unavailableReason = "PostgreSQL not started yet"

    /// The directory of `initdb` and `pg_ctl`: the newest `/usr/lib/postgresql/*/bin`, or `PATH`.
    static func binaries() -> String? {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
            .compactMap(Int.init).sorted()
        for version in versions.reversed()
        where FileManager.default.isExecutableFile(atPath: "\(root)/\(version)/bin/initdb") {
            return "\(root)/\(version)/bin"
        }
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        where FileManager.default.isExecutableFile(atPath: "\(directory)/initdb") {
            return String(directory)
        }
        return nil
    }

    private static func start() -> PostgresCluster? {
        guard let bin = binaries() else {
            unavailableReason = "PostgreSQL binaries (initdb, pg_ctl) not found; install Debian's postgresql"
            return nil
        }
        stopStaleClusters(bin: bin)
        let directory = NSTemporaryDirectory() + "dietaudit-pg-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: directory)
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: directory)
        } catch {
            unavailableReason = "cannot create \(directory): \(error)"
            return nil
        }
        let port = 5432
        let data = directory + "/data"
        let asRoot = getuid() == 0
        let steps = [
            ["\(bin)/initdb", "-D", data, "-U", "postgres", "--locale=C", "-E", "UTF8", "-A", "trust"],
            [
                "\(bin)/pg_ctl", "-D", data, "-l", directory + "/server.log", "-w", "-t", "60", "-o",
                "-k \(directory) -p \(port) -c listen_addresses='' -c fsync=off", "start",
            ],
        ]
        for step in steps {
            let status = run(asRoot ? ["/usr/sbin/runuser", "-u", "postgres", "--"] + step : step)
            guard status == 0 else {
                let log = (try? String(contentsOfFile: directory + "/server.log", encoding: .utf8)) ?? ""
                unavailableReason = "PostgreSQL did not start (\(step[0]) exited \(status)) \(log.suffix(300))"
                return nil
            }
        }
        stopCommand =
            (asRoot ? ["/usr/sbin/runuser", "-u", "postgres", "--"] : [])
            + ["\(bin)/pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"]
        clusterDirectory = directory
        atexit {
            _ = PostgresCluster.run(PostgresCluster.stopCommand)
            try? FileManager.default.removeItem(atPath: PostgresCluster.clusterDirectory)
        }
        return PostgresCluster(directory: directory, port: port)
    }

    /// Stops and deletes the clusters of test processes that died without
    /// their exit handler (a crash): `dietaudit-pg-<pid>` whose pid is gone.
    private static func stopStaleClusters(bin: String) {
        let temporary = NSTemporaryDirectory()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []
        for name in names where name.hasPrefix("dietaudit-pg-") {
            guard let pid = Int32(name.dropFirst("dietaudit-pg-".count)), kill(pid, 0) != 0, errno == ESRCH else {
                continue
            }
            let data = temporary + name + "/data"
            if FileManager.default.fileExists(atPath: data + "/postmaster.pid") {
                let stop = ["\(bin)/pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"]
                run(getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--"] + stop : stop)
            }
            try? FileManager.default.removeItem(atPath: temporary + name)
        }
    }

    nonisolated(unsafe) private static var stopCommand: [String] = []
    nonisolated(unsafe) private static var clusterDirectory = ""

    /// Runs a command, output discarded; its exit status. (posix_spawn and
    /// waitpid: Foundation's `Process.waitUntilExit` can miss the exit of a
    /// child whose own children live on, as `pg_ctl start`'s server does.)
    @discardableResult
    static func run(_ arguments: [String]) -> Int32 {
        guard !arguments.isEmpty else { return -1 }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        guard posix_spawn(&pid, arguments[0], &actions, nil, argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
    }
}
