import Coverage
import Foundation
import GeoKit

/// The installer's list (`cameras.csv`, `cameras.xlsx`): one row per camera, new cameras
/// first in the optimizer's priority order, then the installed ones; a readable site id
/// (ward code and a number within the ward), latitude/longitude, x/y in the national grid,
/// ward and district, the nearest named street, camera type, heading in degrees and as a
/// compass word, mounting height and cost.
public enum InstallerList {
    /// The grid of the x/y columns unless `--out-crs` gives a projected CRS: VN-2000 / UTM
    /// zone 48N, the national system Tiền Giang's land and police GIS units use.
    public static let defaultGridCRS = "EPSG:3405"

    /// The list as a machine table (CSV): field names stay English, compass words short.
    /// `grid` is the projected CRS of `x_m`, `y_m`; `streets` gives `street`.
    public static func table(_ o: PlacementOutcome, wards: [Ward], catalog: CameraCatalog, toLonLat: CoordinateTransform,
                             toGrid: CoordinateTransform, streets: NearestStreet?) throws -> ReportTable {
        var t = ReportTable(fields: [
            .init("order", .integer), .init("site_id", .string), .init("status", .string), .init("lat", .real), .init("lon", .real),
            .init("x_m", .real), .init("y_m", .real), .init("ward", .string), .init("ward_id", .string), .init("district", .string),
            .init("street", .string), .init("street_distance_m", .real), .init("camera_type", .string), .init("camera_name", .string),
            .init("heading_deg", .real), .init("heading", .string), .init("mount_height_m", .real), .init("cost", .real),
            .init("candidate_id", .string),
        ])
        let sorted = o.cameras.sorted { a, b in
            a.existing != b.existing ? !a.existing : (a.order, a.siteID) < (b.order, b.siteID)
        }
        var perWard: [String: Int] = [:]
        for (n, c) in sorted.enumerated() {
            let ll: LonLat = try toLonLat.transform(c.location)
            let grid: PlanarPoint = try toGrid.transform(ll)
            let wardID = c.ward.map { wards[$0].id } ?? "X"
            perWard[wardID, default: 0] += 1
            let type = try? catalog.type(id: c.typeID)
            let street = streets?.nearest(to: c.location)
            func r(_ v: Double, _ k: Double) -> FieldValue { .real((v * k).rounded() / k) }
            t.rows.append([
                .integer(Int64(n + 1)), .string(String(format: "%@-%03d", wardID, perWard[wardID] ?? 0)),
                .string(c.existing ? "installed" : "new"), r(ll.lat, 1e7), r(ll.lon, 1e7), r(grid.x, 100), r(grid.y, 100),
                c.ward.map { .string(wards[$0].name) } ?? .null, c.ward.map { .string(wards[$0].id) } ?? .null,
                c.ward.map { .string(wards[$0].group) } ?? .null,
                street.map { .string($0.name) } ?? .null, street.map { r($0.meters, 10) } ?? .null,
                .string(c.typeID), type.map { .string($0.name) } ?? .null,
                c.headingDegrees.map { r($0, 10) } ?? .null, c.headingDegrees.map { .string(compassCode($0)) } ?? .string("360"),
                type.map { r($0.mountHeightMeters, 10) } ?? .null, r(c.cost, 10), .string(c.siteID),
            ])
        }
        return t
    }

    /// The list for readers (`cameras.xlsx`, the page): headers in `lang` with units,
    /// statuses and compass words translated, numbers kept numeric.
    public static func reader(_ t: ReportTable, _ lang: ReportLanguage, grid: String) -> ReaderTable {
        var words = t
        if let h = t.fields.firstIndex(where: { $0.name == "heading" }), let d = t.fields.firstIndex(where: { $0.name == "heading_deg" }),
           let s = t.fields.firstIndex(where: { $0.name == "status" }) {
            for r in words.rows.indices {
                words.rows[r][h] = .string(words.rows[r][d].number.map { lang.compass(headingDegrees: $0) }
                                           ?? (lang == .vi ? "360° (xoay quét)" : "360° (PTZ or fisheye)"))
                let installed = words.rows[r][s] == .string("installed")
                words.rows[r][s] = .string(lang.text(installed ? .installedCamera : .newCamera))
            }
        }
        let vi = lang == .vi
        let c: [String: ReportColumn] = [
            "order": .init("Thứ tự lắp", "Order", .count),
            "site_id": .init("Mã vị trí", "Site", .text),
            "status": .init("Tình trạng", "Status", .text),
            "lat": .init("Vĩ độ (WGS 84)", "Latitude (WGS 84)", .decimal(6)),
            "lon": .init("Kinh độ (WGS 84)", "Longitude (WGS 84)", .decimal(6)),
            "x_m": .init("X (m, \(grid))", "X (m, \(grid))", .decimal(2)),
            "y_m": .init("Y (m, \(grid))", "Y (m, \(grid))", .decimal(2)),
            "ward": .init("Xã, phường", "Ward", .text),
            "ward_id": .init("Mã xã, phường", "Ward code", .text),
            "district": .init("Huyện (cũ)", "Former district", .text),
            "street": .init("Đường gần nhất", "Nearest street", .text),
            "street_distance_m": .init("Cách đường (m)", "Distance to the street (m)", .decimal(1)),
            "camera_type": .init("Mã loại camera", "Camera type", .text),
            "camera_name": .init("Loại camera", "Camera", .text),
            "heading_deg": .init("Hướng (độ, từ Bắc theo chiều kim đồng hồ)", "Heading (degrees clockwise from north)", .decimal(0)),
            "heading": .init("Hướng", "Facing", .text),
            "mount_height_m": .init("Độ cao lắp (m)", "Mounting height (m)", .decimal(1)),
            "cost": .init("Chi phí (triệu đồng)", "Cost (million VND)", .money),
            "candidate_id": .init(vi ? "Mã ứng viên gốc" : "Candidate id", "Candidate id", .text),
        ]
        return ReaderTable(words, lang, columns: c)
    }

    /// N, NE, E, SE, S, SW, W, NW.
    static func compassCode(_ degrees: Double) -> String {
        let codes = ["N", "NE", "E", "SE", "S", "SW", "W", "NW"]
        let d = (degrees.truncatingRemainder(dividingBy: 360) + 360).truncatingRemainder(dividingBy: 360)
        return codes[Int((d / 45).rounded()) % 8]
    }
}
