import Foundation
@testable import GeoKit

/// Paths of the committed fixtures (see Fixtures/make_fixtures.sh).
enum Fixture {
    static func path(_ name: String) -> String {
        guard let dir = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            return "Fixtures-missing/\(name)"
        }
        return dir.appendingPathComponent(name).path
    }
}

/// A fresh empty directory under the system temporary directory.
func makeTemporaryDirectory() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("geokit-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}

/// The files in `dir`, hidden ones included, sorted.
func filesIn(_ dir: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
}

/// A square ring of side `size` with its lower-left corner at (x, y).
func square<C: Coordinate>(_ x: Double, _ y: Double, _ size: Double) -> Polygon<C> {
    Polygon(exterior: [C(x: x, y: y), C(x: x + size, y: y), C(x: x + size, y: y + size), C(x: x, y: y + size)])
}

/// The shipped ward boundaries: geodata/tien-giang/wards.geojson in the package, else the
/// shared source copy; `nil` when neither exists.
let shippedWards: String? = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    for p in [root.appendingPathComponent("geodata/tien-giang/wards.geojson").path, "/work/shared/data/tien-giang/wards.geojson"]
    where FileManager.default.fileExists(atPath: p) {
        return p
    }
    return nil
}()

/// Runs `ogr2ogr` with `arguments`; returns its exit status.
func ogr2ogr(_ arguments: [String]) throws -> Int32 {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["ogr2ogr"] + arguments
    p.standardError = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    return p.terminationStatus
}
