import Foundation
import GeoKit
@testable import Traffic

/// Paths of the committed fixtures (see Fixtures/README.md).
enum Fixture {
    static func path(_ name: String) -> String {
        guard let dir = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            return "Fixtures-missing/\(name)"
        }
        return dir.appendingPathComponent(name).path
    }

    static func wards() throws -> BoundarySet {
        try BoundaryLoader.load(path("wards.geojson"))
    }
}

/// An accident table built in memory: one accident per (point, year, class).
func accidents(_ items: [(PlanarPoint, Int, AccidentClass)], injuries: [Int]? = nil) throws -> AccidentTable {
    let n = items.count
    let inc = try IncidentSet(file: "memory.csv", points: PlanarPointSet(items.map(\.0)), ids: (0 ..< n).map { "a\($0)" },
                              dates: try items.map { try CalendarDate(year: $0.1, month: 6, day: 1) },
                              categories: [String](repeating: "", count: n), severities: items.map(\.2.rawValue),
                              solved: [Bool?](repeating: nil, count: n), weights: [Double](repeating: 1, count: n),
                              wardIndices: [Int](repeating: 0, count: n), rows: (0 ..< n).map { $0 + 2 })
    guard let injuries else { return try AccidentTable(incidents: inc) }
    return try AccidentTable(incidents: inc, injuryColumn: ("injuries", injuries.map { .integer(Int64($0)) }), rowIndex: { $0 - 2 })
}

func line(_ pts: [(Double, Double)]) -> LineString<PlanarPoint> {
    LineString(pts.map { PlanarPoint(x: $0.0, y: $0.1) })
}

/// The shipped Tiền Giang data folder, when the tests run from a checkout.
let shippedData: String? = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let dir = root.appendingPathComponent("geodata/tien-giang").path
    return FileManager.default.fileExists(atPath: dir + "/traffic_accidents.csv") ? dir : nil
}()
