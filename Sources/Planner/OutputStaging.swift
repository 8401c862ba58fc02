import Foundation
import GeoKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a run's files into a hidden staging folder beside the output folder and replaces
/// the output folder with it as a whole, so that at every instant `OUT` holds either the
/// earlier run's complete outputs or the new run's, never a mix and never a part.
///
/// The protocol (README "Outputs"):
/// 1. `init` refuses an `--out` that holds an input file or a folder camplan did not write
///    (it has no ``markerName`` file), removes staging folders of processes that died, and
///    restores an output folder whose swap was interrupted (fallback path below).
/// 2. Files go to `PARENT/.OUT.partial-PID/`, each written and checked by GeoKit's writers;
///    the folder holds ``markerName``, locked (`flock`) while this process lives, so the next
///    run can tell a live staging folder from a dead one even when the pid was reused.
/// 3. ``commit()`` swaps the staging folder and `OUT` in one `renameat2(RENAME_EXCHANGE)`
///    (Linux; `renamex_np(RENAME_SWAP)` on macOS), or renames it to `OUT` when there was
///    none, then deletes the old tree (now under the staging name). A kill during the
///    delete leaves a dead staging folder that the next run removes.
/// 4. On a file system without an atomic exchange: `OUT` → `.OUT.old-PID`, staging → `OUT`,
///    delete the old. A kill between the two renames leaves no `OUT`; the next run renames
///    `.OUT.old-PID` back before anything else.
public final class OutputStaging {
    /// The folder the user asked for.
    public let destination: URL
    /// Where files are written until ``commit()``.
    public let staging: URL
    private var committed = false
    /// The open, locked marker file of the staging folder (-1 once closed).
    private var lockDescriptor: Int32 = -1

    /// The file that marks a folder as camplan's output (and, in a staging folder, holds the
    /// lock of the process writing it).
    public static let markerName = ".camplan-output"
    static let markerText = "This folder was written by camplan; each run replaces it as a whole.\n"

    /// Prepares a staging folder for `destination`.
    /// - Parameter inputs: the input files of the run; an output folder that is one of
    ///   them, or holds one of them, is refused (it would be replaced).
    /// - Throws: ``GeoError/writeFailed(file:reason:)`` for an empty path, an `--out` that
    ///   holds an input or files camplan did not write, or a folder that cannot be created.
    public init(destination: String, inputs: [String] = []) throws {
        guard !destination.isEmpty else {
            throw GeoError.writeFailed(file: "--out", reason: "the output folder name is empty")
        }
        let dest = URL(fileURLWithPath: destination).standardizedFileURL
        let parent = dest.deletingLastPathComponent()
        let fm = FileManager.default
        try Self.refuseOverlap(destination: dest, inputs: inputs)
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw GeoError.writeFailed(file: destination, reason: "cannot create \(parent.path): \(error.localizedDescription)")
        }
        Self.recover(dest)
        try Self.refuseForeignFolder(dest)
        let pid = ProcessInfo.processInfo.processIdentifier
        let stage = parent.appendingPathComponent(".\(dest.lastPathComponent).partial-\(pid)")
        try? fm.removeItem(at: stage)
        do {
            try fm.createDirectory(at: stage, withIntermediateDirectories: true)
        } catch {
            throw GeoError.writeFailed(file: destination, reason: "cannot create a staging folder: \(error.localizedDescription)")
        }
        self.destination = dest
        self.staging = stage
        lockDescriptor = try Self.createLockedMarker(in: stage, display: destination)
    }

    deinit {
        if lockDescriptor >= 0 { close(lockDescriptor) }
        if !committed { try? FileManager.default.removeItem(at: staging) }
    }

    /// Path of `relative` inside the staging folder, creating its parent folders.
    public func path(_ relative: String) throws -> String {
        let url = staging.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        return url.path
    }

    /// Writes text (UTF-8) to `relative`, every write checked (``CheckedFile``).
    public func write(_ text: String, to relative: String) throws {
        try CheckedFile.write(Data(text.utf8), to: try path(relative), displayPath: relative)
    }

    /// Writes a Codable value as pretty, key-sorted JSON.
    public func writeJSON<T: Encodable>(_ value: T, to relative: String) throws {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        enc.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let data = try enc.encode(value)
        try write(String(decoding: data, as: UTF8.self) + "\n", to: relative)
    }

    /// Writes a table as CSV through GDAL, reals rounded to `decimals` places (4 by default,
    /// the precision of every camplan CSV; `nil` for a table that rounds its own columns, such
    /// as the installer's coordinates).
    public func writeCSV(_ table: ReportTable, to relative: String, decimals: Int? = 4) throws {
        let t = decimals.map { table.rounded(decimals: $0) } ?? table
        let layer = try OutputLayer(name: (relative as NSString).lastPathComponent, fields: t.fields, geometryType: .none,
                                    features: t.features)
        try VectorWriter.writeCSV(layer, to: try path(relative))
    }

    /// Writes `file` (row, id, reason, raw x, raw y) when some incident (or accident) rows
    /// were rejected; returns how many.
    @discardableResult
    public func writeRejects(of incidents: IncidentSet, to file: String = "rejects.csv") throws -> Int {
        guard !incidents.rejections.isEmpty else { return 0 }
        try IncidentLoader.writeRejects(incidents.rejections, to: try path(file))
        return incidents.rejections.count
    }

    /// Replaces the destination folder with the staging folder as a whole (see the type's
    /// documentation); entries of an earlier run that this run did not write are gone.
    /// - Throws: ``GeoError/writeFailed(file:reason:)``; the earlier outputs are then intact.
    public func commit() throws {
        let fm = FileManager.default
        let dest = destination.path, stage = staging.path
        Self.debugPause("before the swap")
        var info = stat()
        if lstat(dest, &info) != 0 {
            // No earlier outputs: one rename; 0 = success.
            guard rename(stage, dest) == 0 else { throw Self.failure(dest, "cannot move the outputs into place") }
        } else if Self.exchange(stage, dest) {
            // The staging name now holds the earlier outputs.
            Self.debugPause("after the swap")
            Self.syncDirectory(destination.deletingLastPathComponent().path)
            try? fm.removeItem(atPath: stage)
        } else {
            let old = destination.deletingLastPathComponent()
                .appendingPathComponent(".\(destination.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)").path
            guard rename(dest, old) == 0 else { throw Self.failure(dest, "cannot move the earlier outputs aside") }
            Self.debugPause("between the renames")
            guard rename(stage, dest) == 0 else {
                let failure = Self.failure(dest, "cannot move the outputs into place")
                _ = rename(old, dest)
                throw failure
            }
            Self.syncDirectory(destination.deletingLastPathComponent().path)
            try? fm.removeItem(atPath: old)
        }
        Self.syncDirectory(destination.deletingLastPathComponent().path)
        committed = true
        if lockDescriptor >= 0 { close(lockDescriptor) }
        lockDescriptor = -1
    }

    // MARK: Protocol steps

    /// The staging folders and set-aside outputs that belong to `destination`:
    /// `.OUT.partial-PID` and `.OUT.old-PID` in its parent.
    static func leftovers(of destination: URL) -> [(url: URL, pid: Int32, isOld: Bool)] {
        let parent = destination.deletingLastPathComponent()
        let prefix = ".\(destination.lastPathComponent)."
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        return names.sorted().compactMap { name in
            guard name.hasPrefix(prefix) else { return nil }
            let rest = name.dropFirst(prefix.count)
            for (tag, isOld) in [("partial-", false), ("old-", true)] where rest.hasPrefix(tag) {
                guard let pid = Int32(rest.dropFirst(tag.count)) else { return nil }
                return (parent.appendingPathComponent(name), pid, isOld)
            }
            return nil
        }
    }

    /// Whether the process that made `folder` (named with `pid`) is gone: its marker can be
    /// locked, or there is no marker and no process `pid`.
    static func isAbandoned(_ folder: URL, pid: Int32) -> Bool {
        if pid == ProcessInfo.processInfo.processIdentifier { return true }
        let marker = folder.appendingPathComponent(markerName).path
        // -1 = failure (no marker).
        let fd = open(marker, O_RDONLY | O_CLOEXEC)
        if fd >= 0 {
            defer { close(fd) }
            // 0 = locked, i.e. nobody holds it; -1 (EWOULDBLOCK) = a live process does.
            return flock(fd, LOCK_EX | LOCK_NB) == 0
        }
        // kill(pid, 0): 0 = the process exists; ESRCH = it does not.
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    /// Restores outputs set aside by an interrupted fallback swap and removes staging
    /// folders of processes that died (Ctrl-C, SIGTERM, SIGKILL, power loss).
    static func recover(_ destination: URL) {
        let fm = FileManager.default
        for item in leftovers(of: destination) where isAbandoned(item.url, pid: item.pid) {
            var info = stat()
            if item.isOld, lstat(destination.path, &info) != 0 {
                // The swap stopped between its two renames: the earlier outputs go back.
                _ = rename(item.url.path, destination.path)
            } else {
                try? fm.removeItem(at: item.url)
            }
        }
    }

    /// Refuses an output folder that is an input file, holds one, or is the folder of one.
    static func refuseOverlap(destination: URL, inputs: [String]) throws {
        let out = destination.resolvingSymlinksInPath().path
        for input in inputs where !input.isEmpty {
            let file = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path
            if file == out || file.hasPrefix(out.hasSuffix("/") ? out : out + "/") {
                throw GeoError.writeFailed(file: destination.path, reason: "the output folder holds the input \(input), "
                    + "and camplan replaces its output folder as a whole; give another --out")
            }
        }
    }

    /// Refuses to replace an existing folder that camplan did not write (no marker file):
    /// `--out .` or `--out ~` must never delete a user's files.
    static func refuseForeignFolder(_ destination: URL) throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: destination.path, isDirectory: &isDir) else { return }
        guard isDir.boolValue else {
            throw GeoError.writeFailed(file: destination.path, reason: "exists and is not a folder")
        }
        let entries = (try? fm.contentsOfDirectory(atPath: destination.path)) ?? []
        guard !entries.isEmpty, !entries.contains(markerName) else { return }
        let sample = entries.sorted().prefix(3).joined(separator: ", ")
        throw GeoError.writeFailed(file: destination.path, reason: "the folder holds files camplan did not write (\(sample)); "
            + "camplan replaces its output folder as a whole, so give a new or empty folder")
    }

    /// Creates the marker in `folder` and takes its lock, held until the descriptor closes
    /// (at the latest when the process ends, however it ends).
    static func createLockedMarker(in folder: URL, display: String) throws -> Int32 {
        let marker = folder.appendingPathComponent(markerName).path
        try CheckedFile.write(Data(markerText.utf8), to: marker, displayPath: display + "/" + markerName)
        // -1 = failure.
        let fd = open(marker, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(display, "cannot open the staging marker") }
        // 0 = locked; a fresh folder of our own pid cannot be locked by anyone else.
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw failure(display, "cannot lock the staging folder")
        }
        return fd
    }

    /// Swaps two paths atomically; false when the file system or OS cannot.
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        // glibc ≥ 2.28 exports renameat2 but Swift's Glibc module does not declare it.
        // RTLD_DEFAULT is the null handle on Linux.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1   // RENAME_EXCHANGE in <linux/fs.h>
        // 0 = success; -1 with EINVAL/ENOSYS = not supported here.
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #elseif canImport(Darwin)
        // 0 = success.
        return renamex_np(a, b, UInt32(RENAME_SWAP)) == 0
        #else
        return false
        #endif
    }

    /// fsync(2) on a folder, so that a completed rename survives a power loss.
    static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        // Failure here cannot undo the rename; the data files themselves were synced.
        _ = fsync(fd)
        close(fd)
    }

    static func failure(_ file: String, _ what: String) -> GeoError {
        .writeFailed(file: file, reason: "\(what): \(String(cString: strerror(errno)))")
    }

    /// Test hook (debug builds only): `CAMPLAN_DEBUG_COMMIT_PAUSE_MS` sleeps at each step of
    /// the commit so that the kill test can hit the instants inside it.
    static func debugPause(_ step: String) {
        #if DEBUG
        if let ms = ProcessInfo.processInfo.environment["CAMPLAN_DEBUG_COMMIT_PAUSE_MS"].flatMap(UInt32.init) {
            usleep(ms * 1000)
        }
        #endif
    }
}
