/// How long each stage of a build took, in the order they ran (`herald build --verbose`).
package struct StageTimes: Sendable, Equatable {
    package struct Stage: Sendable, Equatable {
        package var name: String
        package var time: Duration
    }

    package private(set) var stages: [Stage] = []

    package init() {}

    package var total: Duration { stages.reduce(.zero) { $0 + $1.time } }

    /// One indented line per stage, as `--verbose` prints them.
    package var lines: [String] { stages.map { "  \($0.name): \($0.time.milliseconds) ms" } }

    /// Runs `work` as the stage `name`, timing it.
    package mutating func run<Value, Failure: Error>(_ name: String, _ work: () throws(Failure) -> Value)
        throws(Failure) -> Value
    {
        let clock = ContinuousClock()
        let started = clock.now
        defer { stages.append(Stage(name: name, time: clock.now - started)) }
        return try work()
    }
}

extension Duration {
    /// Whole milliseconds.
    package var milliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
