import Foundation
import HeraldCore
import HeraldWrite
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A disk in memory with what publication relies on: inodes shared by hard links, change
/// times that every link and unlink moves, folder modification times that every added or
/// removed entry moves, symbolic links that are never followed, and an exchange of two paths
/// that can be switched off to take the fallback. Absolute paths only (`/site/Output`).
package final class MemoryDisk: WritableFileSystem {
    private enum Node {
        case file(inode: UInt64)
        case directory(inode: UInt64)
        case link(target: String)
    }

    private struct Inode {
        var data: Data
        var modified: Int64
        var changed: Int64
    }

    private struct State {
        var nodes: [String: Node] = ["/": .directory(inode: 0)]
        var inodes: [UInt64: Inode] = [0: Inode(data: Data(), modified: 0, changed: 0)]
        var nextInode: UInt64 = 1
        var clock: Int64 = 0

        mutating func tick() -> Int64 {
            clock += 1
            return clock
        }

        mutating func newInode(_ data: Data) -> UInt64 {
            let inode = nextInode
            nextInode += 1
            let now = tick()
            inodes[inode] = Inode(data: data, modified: now, changed: now)
            return inode
        }

        /// An entry was added to or removed from the folder holding `path`.
        mutating func touchParent(of path: String) {
            guard case .directory(let inode)? = nodes[MemoryDisk.parent(of: path)] else { return }
            let now = tick()
            inodes[inode]?.modified = now
            inodes[inode]?.changed = now
        }

        mutating func touchInode(of path: String) {
            guard case .file(let inode)? = nodes[path] else { return }
            let now = tick()
            inodes[inode]?.changed = now
        }

        func isDirectory(_ path: String) -> Bool {
            if case .directory? = nodes[path] { return true }
            return false
        }

        /// `path` and everything below it.
        func subtree(_ path: String) -> [String] {
            nodes.keys.filter { $0 == path || $0.hasPrefix(path + "/") }
        }

        mutating func rename(_ source: String, to destination: String) {
            for old in subtree(source) {
                nodes[destination + old.dropFirst(source.count)] = nodes.removeValue(forKey: old)
            }
        }
    }

    private let state = Mutex(State())
    private let exchanges: Bool

    /// `exchanges: false` is a system without an atomic exchange, where `DirectorySwap` renames.
    package init(exchanges: Bool = true) {
        self.exchanges = exchanges
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    // MARK: Setting up and reading back, for tests

    /// Writes `text` at `path`, making its folders; replaces what was there.
    package func write(_ text: String, at path: String) {
        try? createDirectories(at: Self.parent(of: path))
        removeFile(at: path)
        try? createFile(at: path, contents: Data(text.utf8))
    }

    /// A symbolic link at `path` to `target`.
    package func makeLink(at path: String, to target: String) {
        state.withLock {
            $0.nodes[path] = .link(target: target)
            $0.touchParent(of: path)
        }
    }

    /// The text of the regular file at `path`.
    package func text(at path: String) -> String? {
        contentsOfRegularFile(at: path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every path below `root` (files, folders and links, hidden ones too), relative and sorted.
    package func paths(below root: String) -> [String] {
        state.withLock { $0.subtree(root) }.filter { $0 != root }.map { String($0.dropFirst(root.count + 1)) }
            .sorted()
    }

    // MARK: WritableFileSystem

    package func kind(at path: String) -> RegularFile.Kind {
        switch state.withLock({ $0.nodes[path] }) {
        case .file?: .file
        case .directory?: .directory
        case .link?: .other
        case nil: .absent
        }
    }

    package func identity(at path: String, directory: Bool) -> FileIdentity? {
        state.withLock { state -> FileIdentity? in
            let inode: UInt64
            switch state.nodes[path] {
            case .file(let number)? where !directory: inode = number
            case .directory(let number)? where directory: inode = number
            default: return nil
            }
            guard let node = state.inodes[inode] else { return nil }
            return FileIdentity(
                device: 1, inode: inode, size: Int64(node.data.count), modifiedSeconds: 0,
                modifiedNanoseconds: node.modified, changedSeconds: 0, changedNanoseconds: node.changed)
        }
    }

    package func names(in directory: String) -> [String] {
        state.withLock { state in
            state.nodes.keys.filter { $0 != directory && Self.parent(of: $0) == directory }
        }.map { String($0.dropFirst(directory.count + 1)) }.sorted()
    }

    package func entries(below root: String) -> (files: [String], directories: [String], others: [String]) {
        var files: [String] = []
        var directories: [String] = []
        var others: [String] = []
        let nodes = state.withLock { state in state.subtree(root).map { ($0, state.nodes[$0]) } }
        for (path, node) in nodes where path != root {
            let relative = String(path.dropFirst(root.count + 1))
            if relative.split(separator: "/").first?.hasPrefix(".") == true { continue }
            switch node {
            case .file?: files.append(relative)
            case .directory?: directories.append(relative)
            case .link?, nil: others.append(relative)
            }
        }
        return (files.sorted(), directories.sorted(), others.sorted())
    }

    package func contentsOfRegularFile(at path: String) -> Data? {
        state.withLock { state in
            guard case .file(let inode)? = state.nodes[path] else { return nil }
            return state.inodes[inode]?.data
        }
    }

    package func createFile(at path: String, contents: Data) throws(FileOperationError) {
        let failure = state.withLock { state -> Int32? in
            guard state.nodes[path] == nil else { return EEXIST }
            guard state.isDirectory(Self.parent(of: path)) else {
                return state.nodes[Self.parent(of: path)] == nil ? ENOENT : ENOTDIR
            }
            state.nodes[path] = .file(inode: state.newInode(contents))
            state.touchParent(of: path)
            return nil
        }
        if let failure { throw FileOperationError("create", path, code: failure) }
    }

    package func createDirectories(at path: String) throws(FileOperationError) {
        let failure = state.withLock { state -> Int32? in
            var missing: [String] = []
            var current = path
            while state.nodes[current] == nil {
                missing.append(current)
                current = Self.parent(of: current)
            }
            // As `mkdir -p` over `EEXIST`: something already at a path counts as made.
            guard state.isDirectory(current) || missing.isEmpty else { return ENOTDIR }
            for folder in missing.reversed() {
                state.nodes[folder] = .directory(inode: state.newInode(Data()))
                state.touchParent(of: folder)
            }
            return nil
        }
        if let failure { throw FileOperationError("create the folder", path, code: failure) }
    }

    package func removeFile(at path: String) {
        state.withLock { state in
            switch state.nodes[path] {
            case .file(let inode)?:
                state.nodes[path] = nil
                let now = state.tick()
                state.inodes[inode]?.changed = now
                state.touchParent(of: path)
            case .link?:
                state.nodes[path] = nil
                state.touchParent(of: path)
            case .directory?, nil:
                break
            }
        }
    }

    package func removeEmptyDirectory(at path: String) {
        state.withLock { state in
            guard state.isDirectory(path), state.subtree(path).count == 1 else { return }
            state.nodes[path] = nil
            state.touchParent(of: path)
        }
    }

    package func removeItem(at path: String) throws(FileOperationError) {
        state.withLock { state in
            guard state.nodes[path] != nil else { return }
            for entry in state.subtree(path) { state.nodes[entry] = nil }
            state.touchParent(of: path)
        }
    }

    package func link(_ existing: String, at path: String) throws(FileOperationError) {
        let failure = state.withLock { state -> Int32? in
            guard let node = state.nodes[existing] else { return ENOENT }
            guard state.nodes[path] == nil else { return EEXIST }
            guard state.isDirectory(Self.parent(of: path)) else { return ENOENT }
            if case .directory = node { return EPERM }
            state.nodes[path] = node
            state.touchInode(of: path)
            state.touchParent(of: path)
            return nil
        }
        if let failure { throw FileOperationError("link", path, code: failure) }
    }

    package func copyFile(_ source: String, to destination: String) throws(FileOperationError) {
        guard let data = contentsOfRegularFile(at: source) else {
            throw FileOperationError("copy", destination, code: ENOENT)
        }
        try createFile(at: destination, contents: data)
    }

    package func move(_ source: String, to destination: String) throws(FileOperationError) {
        let failure = state.withLock { state -> Int32? in
            guard state.nodes[source] != nil else { return ENOENT }
            guard state.nodes[destination] == nil else { return EEXIST }
            guard state.isDirectory(Self.parent(of: destination)) else { return ENOENT }
            state.rename(source, to: destination)
            state.touchParent(of: source)
            state.touchParent(of: destination)
            return nil
        }
        if let failure { throw FileOperationError("move", source, code: failure) }
    }

    package func exchange(_ first: String, _ second: String) -> Bool {
        guard exchanges else { return false }
        return state.withLock { state in
            guard state.nodes[first] != nil, state.nodes[second] != nil else { return false }
            let parked = "\u{0}exchange"
            state.rename(first, to: parked)
            state.rename(second, to: first)
            state.rename(parked, to: second)
            state.touchParent(of: first)
            state.touchParent(of: second)
            return true
        }
    }
}
