/// Thrown by `withDeadline` when the time is up.
struct DeadlinePassed: Error {}

/// `operation`'s result, or `DeadlinePassed` once `limit` has passed (the operation is then
/// cancelled, which ends any socket read or write it is waiting on).
func withDeadline<T: Sendable>(
    _ limit: Duration, _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask(operation: operation)
        group.addTask {
            try await Task.sleep(for: limit)
            throw DeadlinePassed()
        }
        defer { group.cancelAll() }
        guard let first = try await group.next() else { throw CancellationError() }
        return first
    }
}
