import CPROJ
import Foundation

/// Checks that a working CRS measures the study area in true metres: every distance band,
/// cell size and camera range is applied in it. A UTM zone far from the data
/// (`EPSG:32660` for 106° E) or Web Mercator (`EPSG:3857`, 1.6% too long at 10° N)
/// silently changes cell counts, bands and hot spots.
///
/// Rules (scale = PROJ's meridional and parallel scale factors, `proj_factors`, at 9 points
/// over the study area's extent):
/// - refused when the extent lies outside the CRS's area of use (`proj_get_area_of_use`);
/// - refused when a scale factor is off by more than ``maximumScaleError`` (1%);
/// - a warning when it is off by more than ``warningScaleError`` (0.2%; a UTM zone stays
///   within 0.1% inside its own 6° band).
public enum WorkCRSCheck {
    public static let maximumScaleError = 0.01
    public static let warningScaleError = 0.002

    /// The largest |scale − 1| over the extent, and the point where it occurs.
    public struct Distortion: Sendable, Equatable {
        public var scaleError: Double
        public var at: LonLat
    }

    /// - Returns: warnings (at most one) to print and keep in `summary.json`.
    /// - Throws: ``GeoError/projection(_:)`` with the reason and a suggestion.
    public static func check(_ crs: CRS, extent: BoundingBox<LonLat>) throws(GeoError) -> [String] {
        guard !crs.isGeographic else { return [] }
        let object = try self.object(for: crs)
        let ctx = object.context
        let range = "lon \(deg(extent.minX))..\(deg(extent.maxX)), lat \(deg(extent.minY))..\(deg(extent.maxY))"
        let suggestion = (try? CRS.utm(containing: LonLat(lon: (extent.minX + extent.maxX) / 2, lat: (extent.minY + extent.maxY) / 2)))
            .map { "; use the UTM zone of the data (\($0.description)) or leave --work-crs out" } ?? ""
        var west = 0.0, south = 0.0, east = 0.0, north = 0.0
        // 1 = success; -1000 in a value = unknown; the name pointer may stay NULL.
        if proj_get_area_of_use(ctx.handle, object.pointer, &west, &south, &east, &north, nil) == 1,
           west > -1000, south > -1000, east > -1000, north > -1000 {
            // An area of use that crosses the antimeridian has west > east.
            let lonInside = west <= east
                ? extent.maxX >= west && extent.minX <= east
                : extent.maxX >= west || extent.minX <= east
            if !lonInside || extent.maxY < south || extent.minY > north {
                throw .projection("the working CRS \(crs.description) is meant for lon \(deg(west))..\(deg(east)), lat \(deg(south))..\(deg(north)); the study area lies at \(range)\(suggestion)")
            }
        }
        guard let d = try distortion(object, extent: extent) else { return [] }
        guard d.scaleError.isFinite else {
            throw .projection("the working CRS \(crs.description) cannot map the study area (fails at lon \(deg(d.at.lon)), lat \(deg(d.at.lat)))\(suggestion)")
        }
        let percent = String(format: "%.2f%%", d.scaleError * 100)
        if d.scaleError > maximumScaleError {
            throw .projection("the working CRS \(crs.description) distorts distances by up to \(percent) over the study area (at lon \(deg(d.at.lon)), lat \(deg(d.at.lat))); bands, cell sizes and camera ranges would be wrong by as much\(suggestion)")
        }
        if d.scaleError > warningScaleError {
            return ["the working CRS \(crs.description) distorts distances by up to \(percent) over the study area (at lon \(deg(d.at.lon)), lat \(deg(d.at.lat))); a UTM zone of the data stays within 0.1%"]
        }
        return []
    }

    /// The PROJ object of `crs` (wraps `proj_create`).
    static func object(for crs: CRS) throws(GeoError) -> PROJObject {
        let ctx = try PROJContext()
        // NULL = not understood (a CRS value was validated when made, so this is unexpected).
        guard let p = proj_create(ctx.handle, crs.definition) else { throw ctx.error("proj_create") }
        return PROJObject(context: ctx, owning: p)
    }

    /// The largest scale error over a 3 x 3 grid of `extent` (wraps `proj_factors`); `nil`
    /// when PROJ gives no factors for this CRS.
    static func distortion(_ crs: PROJObject, extent: BoundingBox<LonLat>) throws(GeoError) -> Distortion? {
        var worst: Distortion?
        for fx in [0.0, 0.5, 1.0] {
            for fy in [0.0, 0.5, 1.0] {
                let p = LonLat(lon: extent.minX + fx * (extent.maxX - extent.minX), lat: extent.minY + fy * (extent.maxY - extent.minY))
                // Input: geodetic lon, lat in radians. Errors leave the factors at 0 and set errno.
                let f = proj_factors(crs.pointer, proj_coord(p.lon * .pi / 180, p.lat * .pi / 180, 0, 0))
                guard proj_errno(crs.pointer) == 0, f.meridional_scale > 0, f.parallel_scale > 0,
                      f.meridional_scale.isFinite, f.parallel_scale.isFinite else {
                    // 0 = the previous errno; only clears the state.
                    _ = proj_errno_reset(crs.pointer)
                    // A point the projection cannot map is as bad as it gets.
                    return Distortion(scaleError: .infinity, at: p)
                }
                let e = max(abs(f.meridional_scale - 1), abs(f.parallel_scale - 1))
                if e > (worst?.scaleError ?? -1) { worst = Distortion(scaleError: e, at: p) }
            }
        }
        return worst
    }

    private static func deg(_ v: Double) -> String { String(format: "%.2f°", v) }
}
