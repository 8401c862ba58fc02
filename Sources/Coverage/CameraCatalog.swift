import Foundation

/// The camera models a plan can use, loaded from JSON (`geodata/camera-catalog.json`, which
/// users extend) and validated: unique ids, FOV in (0, 360], sensor width > 0, cost ≥ 0.
///
/// JSON shape: `{"cost_unit": "...", "types": [{"id", "name", "sensor_width_px", "hfov_deg",
/// "mount_height_m", "cost_million_vnd", "kind": "fixed|ptz|lpr", "is360", "max_range_m"?}]}`.
public struct CameraCatalog: Sendable, Hashable {
    /// The types in file order.
    public let types: [CameraType]
    /// Free-text description of the cost unit (the shipped file: million VND).
    public let costUnit: String

    private struct File: Decodable {
        var cost_unit: String?
        var types: [CameraType]
    }

    /// Validates `types`.
    /// - Throws: ``CoverageError/emptyCatalog``, ``CoverageError/duplicateTypeId(_:)`` and
    ///   any per-type validation error.
    public init(types: [CameraType], costUnit: String = "million VND") throws {
        guard !types.isEmpty else { throw CoverageError.emptyCatalog }
        var seen = Set<String>()
        for t in types {
            try t.validate()
            guard seen.insert(t.id).inserted else { throw CoverageError.duplicateTypeId(t.id) }
        }
        self.types = types
        self.costUnit = costUnit
    }

    /// Decodes and validates catalog JSON.
    /// - Parameter source: named in error messages (a path, or "embedded default").
    /// - Throws: ``CoverageError/catalogDecoding(source:reason:)`` for malformed JSON and the
    ///   validation errors of ``init(types:costUnit:)`` (those name the type and field).
    public init(jsonData: Data, source: String = "catalog") throws {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: jsonData)
        } catch let e as CoverageError {
            throw e
        } catch let DecodingError.keyNotFound(key, ctx) {
            throw CoverageError.catalogDecoding(source: source, reason: "missing field '\(key.stringValue)' at \(Self.path(ctx))")
        } catch let DecodingError.typeMismatch(_, ctx) {
            throw CoverageError.catalogDecoding(source: source, reason: "wrong value type at \(Self.path(ctx)): \(ctx.debugDescription)")
        } catch let DecodingError.valueNotFound(_, ctx) {
            throw CoverageError.catalogDecoding(source: source, reason: "null value at \(Self.path(ctx))")
        } catch let DecodingError.dataCorrupted(ctx) {
            throw CoverageError.catalogDecoding(source: source, reason: "\(ctx.debugDescription) at \(Self.path(ctx))")
        } catch {
            throw CoverageError.catalogDecoding(source: source, reason: String(describing: error))
        }
        try self.init(types: file.types, costUnit: file.cost_unit ?? "million VND")
    }

    /// Reads a catalog file.
    /// - Throws: ``CoverageError/catalogDecoding(source:reason:)`` when the file cannot be read.
    public init(contentsOf url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw CoverageError.catalogDecoding(source: url.path, reason: "cannot read file: \(error.localizedDescription)")
        }
        try self.init(jsonData: data, source: url.path)
    }

    /// The catalog shipped with camplan (same content as `geodata/camera-catalog.json`).
    /// - Throws: only if the embedded JSON were broken; a test guards against that.
    public static func builtIn() throws -> CameraCatalog {
        try CameraCatalog(jsonData: Data(DefaultCatalogJSON.text.utf8), source: "embedded default")
    }

    /// The ids in file order.
    public var ids: [String] { types.map(\.id) }

    /// The type with `id`.
    /// - Throws: ``CoverageError/unknownCameraType(id:known:)`` listing the known ids.
    public func type(id: String) throws -> CameraType {
        guard let t = types.first(where: { $0.id == id }) else {
            throw CoverageError.unknownCameraType(id: id, known: ids)
        }
        return t
    }

    /// Resolves the types `ids` at `level` into camera specs (ranges in metres).
    /// - Throws: unknown ids and unreachable levels (see ``CameraSpec/init(type:level:)``).
    public func specs(ids: [String], level: DORILevel) throws -> [CameraSpec] {
        try ids.map { try CameraSpec(type: type(id: $0), level: level) }
    }

    private static func path(_ ctx: DecodingError.Context) -> String {
        let p = ctx.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        return p.isEmpty ? "top level" : p
    }
}
