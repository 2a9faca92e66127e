import ArgumentParser

/// `--db`, shared by every command that reads or writes runs.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp("SQLite database holding the runs.", valueName: "path"))
    var path = "dietaudit.sqlite"
}
