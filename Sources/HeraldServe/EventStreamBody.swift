import FlyingFox
import FlyingSocks

/// The bytes of a `text/event-stream` response, one event per buffer, for as long as the hub keeps
/// the stream open. FlyingFox sends each buffer as one chunk as soon as it is produced.
struct EventStreamBody: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8

    let events: AsyncStream<ServerEvent>

    func makeAsyncIterator() -> Iterator {
        Iterator(events: events.makeAsyncIterator())
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var events: AsyncStream<ServerEvent>.AsyncIterator
        var pending: [UInt8] = Array("retry: 500\n\n".utf8)

        mutating func next() async -> UInt8? {
            await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            if pending.isEmpty {
                guard let event = await events.next() else { return nil }
                pending = Array(event.encoded.utf8)
            }
            let buffer = Array(pending.prefix(Swift.max(count, 1)))
            pending.removeFirst(buffer.count)
            return buffer
        }
    }
}
