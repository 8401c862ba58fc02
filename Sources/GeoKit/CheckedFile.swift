import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes bytes to a file with every system call checked: `open`, each `write` (a short
/// write is continued, `EINTR` retried, anything else such as `ENOSPC` "no space left" or
/// `EFBIG` "file too large" is an error), `fsync` and `close`. On any failure the file is
/// removed, so a disk that fills up or a file-size limit (`ulimit -f`) never leaves a cut
/// file behind that looks written.
public enum CheckedFile {
    /// Writes `bytes` to `path` (created or truncated, mode 0644 before the umask) and
    /// flushes them to the disk.
    /// - Throws: ``GeoError/writeFailed(file:reason:)`` naming `displayPath` (default `path`)
    ///   and the system's reason; nothing is left at `path`.
    public static func write(_ bytes: UnsafeRawBufferPointer, to path: String, displayPath: String? = nil) throws(GeoError) {
        let shown = displayPath ?? path
        // -1 = failure (errno set).
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .writeFailed(file: shown, reason: String(cString: strerror(errno))) }
        // Only a regular file is removed on failure (never a device such as /dev/full).
        var info = stat()
        let isRegular = fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        func fail(_ what: String) -> GeoError {
            let reason = "\(what): \(String(cString: strerror(errno)))"
            close(fd)
            if isRegular { unlink(path) }
            return .writeFailed(file: shown, reason: reason)
        }
        var done = 0
        while done < bytes.count, let base = bytes.baseAddress {
            // Returns the bytes written (possibly fewer than asked), -1 = failure.
            let n = Foundation.write(fd, base + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw fail("write failed after \(done) of \(bytes.count) bytes")
            }
            done += n
        }
        // 0 = success, -1 = failure (e.g. EIO, ENOSPC on delayed allocation).
        guard fsync(fd) == 0 else { throw fail("fsync failed") }
        // 0 = success, -1 = failure (NFS reports late write errors here).
        guard close(fd) == 0 else {
            let reason = String(cString: strerror(errno))
            if isRegular { unlink(path) }
            throw .writeFailed(file: shown, reason: "close failed: \(reason)")
        }
    }

    /// Writes `data` to `path`; see ``write(_:to:displayPath:)``.
    public static func write(_ data: Data, to path: String, displayPath: String? = nil) throws(GeoError) {
        let result: Result<Void, GeoError> = data.withUnsafeBytes { raw in
            Result { () throws(GeoError) in try write(raw, to: path, displayPath: displayPath) }
        }
        try result.get()
    }

    /// Writes `data` to a temporary file beside `path`, then renames it over `path`
    /// (atomic within one file system): `path` holds either its old content or all of
    /// `data`, never a part.
    /// - Throws: ``GeoError/writeFailed(file:reason:)``; `path` is unchanged on failure.
    public static func replace(_ path: String, with data: Data) throws(GeoError) {
        let tmp = temporaryPath(for: path)
        try write(data, to: tmp, displayPath: path)
        try rename(tmp, over: path)
    }

    /// Renames `from` over `to` (rename(2)); removes `from` when that fails.
    static func rename(_ from: String, over to: String) throws(GeoError) {
        // 0 = success, -1 = failure.
        guard Foundation.rename(from, to) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(from)
            throw .writeFailed(file: to, reason: reason)
        }
    }

    /// A hidden temporary path beside `path` with the same extension (drivers such as CSV
    /// look at it): `.NAME.tmp-PID-RANDOM.EXT`.
    static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        let ext = url.pathExtension
        let tag = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        return "\(dir)/.\(url.deletingPathExtension().lastPathComponent).tmp-\(tag)" + (ext.isEmpty ? "" : ".\(ext)")
    }
}
