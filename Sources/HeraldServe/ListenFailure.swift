import FlyingSocks
import Foundation

/// The preview server could not listen where it was asked to; said in words a user can act on.
struct ListenFailure: Error, CustomStringConvertible {
    let underlying: any Error

    var description: String {
        if case SocketError.failed(_, let code, _) = underlying, code == EADDRINUSE {
            return "the port is in use by another program; stop it, or choose another with --port "
                + "(--port 0 picks a free one)"
        }
        return "\(underlying)"
    }
}
