import GeoKit

/// Layers made for looking at, not for analysis: the former districts dissolved from the
/// wards (outlines and labels), and the hot-spot cells cut to the wards so that no cell
/// hangs over the river or the sea. `hotspot-cells.geojson` keeps the whole analysis cells.
public enum DisplayLayers {
    /// `districts`: one polygon per value of the wards' `group` field (`group`, `wards`).
    public static func districts(from wards: OutputLayer) throws -> OutputLayer {
        var byGroup: [String: [MultiPolygon<LonLat>]] = [:]
        for f in wards.features {
            guard let g = f["group"].stringValue, let mp = multiPolygon(f.geometry) else { continue }
            byGroup[g, default: []].append(mp)
        }
        var features: [Feature<LonLat>] = []
        for (i, g) in byGroup.keys.sorted().enumerated() {
            let parts = byGroup[g] ?? []
            let merged = try GeometryOps.union(parts)
            features.append(Feature(index: i, geometry: .multiPolygon(merged),
                                    attributes: ["group": .string(g), "wards": .integer(Int64(parts.count))]))
        }
        return try OutputLayer(name: "districts", fields: [.init("group", .string), .init("wards", .integer)],
                               geometryType: .multiPolygon, features: features)
    }

    /// `cells` with each polygon cut to the union of `wards`; cells wholly outside are left out.
    public static func clippedCells(_ cells: OutputLayer, to wards: OutputLayer) throws -> OutputLayer {
        let area = try GeometryOps.union(wards.features.compactMap { multiPolygon($0.geometry) })
        let clipper = try PolygonClipper(area)
        var out = cells
        out.features = []
        for f in cells.features {
            guard let mp = multiPolygon(f.geometry), let cut = try clipper.clip(mp) else { continue }
            var g = f
            g.geometry = .multiPolygon(cut)
            out.features.append(g)
        }
        return out
    }

    static func multiPolygon(_ g: Geometry<LonLat>?) -> MultiPolygon<LonLat>? {
        switch g {
        case .polygon(let p): MultiPolygon([p])
        case .multiPolygon(let m): m
        default: nil
        }
    }
}
