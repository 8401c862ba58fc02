import Foundation
import GeoKit

/// The shared pieces of the outputs for readers (issue 11): display layers, the output CRS
/// and language of a scenario, hot-spot layers written once per run, Shapefiles.
extension ArtifactContext {
    /// This scenario's output settings (language, output CRS).
    public var outputs: OutputSettings { products.settings.outputs }

    /// The CRS of the GeoPackage and Shapefiles: `out_crs`, else WGS 84.
    public func outputCRS() throws -> CRS { try outputs.outCRS.map { try CRS($0) } ?? .wgs84 }

    /// Hot-spot cells cut to the wards, for maps (``DisplayLayers/clippedCells(_:to:)``).
    public func displayCellLayer() throws -> OutputLayer? {
        try layer("display-cells") {
            guard let cells = try cellLayer() else { return nil }
            guard let wards = try wardLayer() else { return cells }
            return try DisplayLayers.clippedCells(cells, to: wards)
        }
    }

    /// The former districts dissolved from the wards.
    public func districtLayer() throws -> OutputLayer? {
        try layer("districts") { try wardLayer().map { try DisplayLayers.districts(from: $0) } }
    }
}

extension RunArtifactContext {
    /// Language of the run's pages and spreadsheets: the first scenario's.
    public var lang: ReportLanguage { scenarios.first?.settings.outputs.lang ?? .vi }

    public func toLonLat() throws -> CoordinateTransform { try CoordinateTransform(from: data.boundaries.workCRS, to: .wgs84) }
}

extension StudyData {
    /// The nearest named road of a point, for the installer's list; `nil` without roads.
    public var streets: NearestStreet? { roads.isEmpty ? nil : NearestStreet(roads: roads, names: roadNames) }
}

/// Hot-spot layers in a run: written once at the run's root from the first scenario with
/// hot spots; a scenario whose hot-spot settings differ gets its own copy in its folder.
enum SharedHotSpotOutputs {
    static func write(_ r: RunArtifactContext, file: String, _ write: (PlanProducts, HotSpotOutcome, String) throws -> Void) throws -> [String] {
        guard let first = r.scenarios.first(where: { $0.hot != nil }), let firstHot = first.hot else { return [] }
        try write(first, firstHot, "")
        var files = [file]
        for p in r.scenarios where p.name != first.name {
            guard let hot = p.hot, p.settings.hotSpots != first.settings.hotSpots else { continue }
            try write(p, hot, p.name + "/")
            files.append(p.name + "/" + file)
        }
        return files
    }
}

/// `NAME/shp/`: each layer as a Shapefile with a `.cpg`, and `fields.csv` mapping every
/// field to its 10-character Shapefile name.
enum ShapefileOutputs {
    static func write(_ layers: [OutputLayer], crs: CRS, staging: OutputStaging, folder: String) throws -> [String] {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("camplan-shp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let source = tmp.appendingPathComponent("layers.gpkg").path
        try VectorWriter.writeGeoPackage(layers, to: source, crs: crs)
        let dir = (try staging.path(folder + "fields.csv") as NSString).deletingLastPathComponent
        var map = ReportTable(fields: [.init("layer", .string), .init("field", .string), .init("shapefile_field", .string)])
        var files: [String] = []
        for l in layers {
            let names = ShapefileExport.shortNames(l.fields.map(\.name))
            try ShapefileExport.write(layer: l.name, fields: l.fields.map(\.name), names: names, from: source, to: dir)
            for f in l.fields { map.rows.append([.string(l.name), .string(f.name), .string(names[f.name] ?? f.name)]) }
            files += ["shp", "shx", "dbf", "prj", "cpg"].map { folder + l.name + "." + $0 }
        }
        try staging.writeCSV(map, to: folder + "fields.csv")
        return files + [folder + "fields.csv"]
    }
}
