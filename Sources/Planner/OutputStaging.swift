import Foundation
import GeoKit

/// Writes a run's files into a hidden staging folder beside the output folder and moves
/// them into place only when every file was written, so a failed run leaves no partial
/// output (and an earlier run's files stay as they were).
public final class OutputStaging {
    /// The folder the user asked for.
    public let destination: URL
    /// Where files are written until ``commit()``.
    public let staging: URL
    private var committed = false

    public init(destination: String) throws {
        let dest = URL(fileURLWithPath: destination).standardizedFileURL
        let parent = dest.deletingLastPathComponent()
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw GeoError.writeFailed(file: destination, reason: "cannot create \(parent.path): \(error.localizedDescription)")
        }
        let stage = parent.appendingPathComponent(".\(dest.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: stage)
        do {
            try fm.createDirectory(at: stage, withIntermediateDirectories: true)
        } catch {
            throw GeoError.writeFailed(file: destination, reason: "cannot create a staging folder: \(error.localizedDescription)")
        }
        self.destination = dest
        self.staging = stage
    }

    deinit {
        if !committed { try? FileManager.default.removeItem(at: staging) }
    }

    /// Path of `relative` inside the staging folder, creating its parent folders.
    public func path(_ relative: String) throws -> String {
        let url = staging.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        return url.path
    }

    /// Writes text (UTF-8) to `relative`.
    public func write(_ text: String, to relative: String) throws {
        let p = try path(relative)
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: p), options: .atomic)
        } catch {
            throw GeoError.writeFailed(file: relative, reason: error.localizedDescription)
        }
    }

    /// Writes a Codable value as pretty, key-sorted JSON.
    public func writeJSON<T: Encodable>(_ value: T, to relative: String) throws {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        enc.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let data = try enc.encode(value)
        try write(String(decoding: data, as: UTF8.self) + "\n", to: relative)
    }

    /// Writes a table as CSV through GDAL.
    public func writeCSV(_ table: ReportTable, to relative: String) throws {
        let layer = try OutputLayer(name: (relative as NSString).lastPathComponent, fields: table.fields, geometryType: .none,
                                    features: table.features)
        try VectorWriter.writeCSV(layer, to: try path(relative))
    }

    /// Writes `rejects.csv` (row, id, reason, raw x, raw y) when some incident rows were
    /// rejected; returns how many.
    @discardableResult
    public func writeRejects(of incidents: IncidentSet) throws -> Int {
        guard !incidents.rejections.isEmpty else { return 0 }
        try IncidentLoader.writeRejects(incidents.rejections, to: try path("rejects.csv"))
        return incidents.rejections.count
    }

    /// Moves every staged entry into the destination (replacing entries of the same name)
    /// and removes the staging folder.
    public func commit() throws {
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: destination, withIntermediateDirectories: true)
            for name in try fm.contentsOfDirectory(atPath: staging.path).sorted() {
                let target = destination.appendingPathComponent(name)
                if fm.fileExists(atPath: target.path) { try fm.removeItem(at: target) }
                try fm.moveItem(at: staging.appendingPathComponent(name), to: target)
            }
            try fm.removeItem(at: staging)
            committed = true
        } catch {
            throw GeoError.writeFailed(file: destination.path, reason: error.localizedDescription)
        }
    }
}
