import GeoKit
import Testing
@testable import Planner

@Suite struct InstallerListTests {
    @Test func nearestNamedStreetSkipsUnnamedRoads() {
        let roads = [
            LineString([PlanarPoint(x: 0, y: 10), PlanarPoint(x: 100, y: 10)]),     // unnamed, 10 m away
            LineString([PlanarPoint(x: 0, y: -30), PlanarPoint(x: 100, y: -30)]),   // 30 m away
            LineString([PlanarPoint(x: 0, y: 600), PlanarPoint(x: 100, y: 600)]),   // too far
        ]
        let s = NearestStreet(roads: roads, names: [nil, "Nguyễn Huệ", "Far"], cellMeters: 50, maxMeters: 500)
        let hit = s.nearest(to: PlanarPoint(x: 50, y: 0))
        #expect(hit?.name == "Nguyễn Huệ")
        #expect(abs((hit?.meters ?? 0) - 30) < 1e-9)
        #expect(s.nearest(to: PlanarPoint(x: 50, y: 2000)) == nil)
    }

    @Test func compassCodes() {
        #expect(InstallerList.compassCode(0) == "N")
        #expect(InstallerList.compassCode(44) == "NE")
        #expect(InstallerList.compassCode(200) == "S")
        #expect(InstallerList.compassCode(337.6) == "N")
    }
}
