import Foundation
import GeoKit
@testable import HotSpots

/// The golden values written by scripts/reference/esda_gistar.py (esda, libpysal, scipy,
/// pymannkendall).
enum Reference {
    static var json: [String: Any] {
        guard let url = Bundle.module.url(forResource: "esda_reference", withExtension: "json", subdirectory: "Fixtures"),
              let data = try? Data(contentsOf: url),
              let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        return obj
    }

    static func section(_ name: String) -> [String: Any] { json[name] as? [String: Any] ?? [:] }
    static func doubles(_ s: [String: Any], _ key: String) -> [Double] { (s[key] as? [NSNumber])?.map(\.doubleValue) ?? [] }
    static func double(_ s: [String: Any], _ key: String) -> Double { (s[key] as? NSNumber)?.doubleValue ?? .nan }

    static func points(_ s: [String: Any]) -> PlanarPointSet { PlanarPointSet(xs: doubles(s, "xs"), ys: doubles(s, "ys")) }

    static func maxAbsDiff(_ a: [Double], _ b: [Double]) -> Double {
        guard a.count == b.count, !a.isEmpty else { return .infinity }
        return zip(a, b).map { abs($0 - $1) }.max() ?? .infinity
    }
}

/// A square study area `[0, side]^2`, metres.
func squareArea(_ side: Double, origin: Double = 0) -> MultiPolygon<PlanarPoint> {
    MultiPolygon([Polygon(exterior: [PlanarPoint(x: origin, y: origin), PlanarPoint(x: origin + side, y: origin),
                                     PlanarPoint(x: origin + side, y: origin + side), PlanarPoint(x: origin, y: origin + side)])])
}
