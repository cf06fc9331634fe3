#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A system call on a file failed: what was being done, to which path, and the `errno` text.
package struct FileOperationError: Error, Sendable, CustomStringConvertible {
    package var operation: String
    package var path: String
    package var code: Int32

    /// `operation` is a verb phrase: "write", "read", "lock"…; `code` defaults to the current `errno`.
    package init(_ operation: String, _ path: String, code: Int32 = errno) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    package var description: String {
        "cannot \(operation) \(path): \(String(cString: strerror(code)))"
    }
}
