import Dispatch
import Synchronization

/// Runs two independent computations at the same time and returns both results.
package enum Concurrently {
    /// `background` runs on another thread while `foreground` runs on this one (which may
    /// itself fan out with `ParallelMap`), so a serial piece of work overlaps a parallel one
    /// instead of running after it.
    package static func run<Foreground, Background: Sendable>(
        _ foreground: () -> Foreground, alongside background: @escaping @Sendable () -> Background
    ) -> (Foreground, Background) {
        let result = Mutex<Background?>(nil)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            let value = background()
            result.withLock { $0 = value }
            done.signal()
        }
        let first = foreground()
        done.wait()
        // The background closure always stores a value before signalling.
        return (first, result.withLock { $0.take() } ?? background())
    }
}
