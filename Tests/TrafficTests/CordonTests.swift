import Coverage
import GeoKit
import Testing
@testable import Traffic

/// A 2 km square town centred on the origin; four trunk/primary roads leave it (N, E, S, W,
/// the east one bending), a secondary road stays inside, a residential road crosses the
/// boundary but is not of a gateway class.
private func town() -> (area: MultiPolygon<PlanarPoint>, roads: [RoadLine]) {
    let sq = Polygon(exterior: [PlanarPoint(x: -1000, y: -1000), PlanarPoint(x: 1000, y: -1000),
                                PlanarPoint(x: 1000, y: 1000), PlanarPoint(x: -1000, y: 1000)])
    let roads = [
        RoadLine(featureIndex: 0, name: "QL 50 bắc", roadClass: "trunk", line: line([(0, 0), (0, 3000)])),
        RoadLine(featureIndex: 1, name: "ĐT 864", roadClass: "primary", line: line([(0, 0), (800, 300), (2500, 900)])),
        RoadLine(featureIndex: 2, name: "QL 50 nam", roadClass: "trunk", line: line([(0, -3000), (0, 0)])),
        RoadLine(featureIndex: 3, name: "QL 60", roadClass: "primary", line: line([(-2500, -200), (0, 0)])),
        RoadLine(featureIndex: 4, name: "Nội ô", roadClass: "secondary", line: line([(-500, 500), (500, 500)])),
        RoadLine(featureIndex: 5, name: "Hẻm", roadClass: "residential", line: line([(300, -300), (300, -2000)])),
    ]
    return (MultiPolygon([sq]), roads)
}

@Test func cordonOfFourGatewaysPlacesFourPlateCameras() throws {
    let (area, roads) = town()
    let gateways = try GatewayDetector.gateways(group: "Thị trấn Thử", groupIndex: 0, area: [area], roads: roads)
    #expect(gateways.count == 4)
    #expect(Set(gateways.map(\.roadName)) == ["QL 50 bắc", "ĐT 864", "QL 50 nam", "QL 60"])
    for g in gateways {   // every crossing lies on the boundary
        #expect(abs(max(abs(g.location.x), abs(g.location.y)) - 1000) < 1e-6)
    }
    let lpr = try CameraSpec(type: CameraCatalog.builtIn().type(id: "lpr_2mp"), level: .observe)
    let result = try Cordon().plan(gateways: gateways, camera: lpr, roads: roads)
    #expect(result.selected.count == 4)
    #expect(result.watchedCount == 4)
    #expect(result.lowerBoundCameras == 4)
    #expect(Set(result.selected.map { result.facilities.siteIndex[$0] }).count == 4)
    // Every plate camera looks along the road it watches.
    for (g, w) in zip(gateways, result.watcher) {
        let j = try #require(w)
        #expect(Footprint.lineAngleDegrees(result.facilities.headingDegrees[j], g.roadBearingDegrees) < 10)
    }
}

@Test func cordonWithinABudgetWatchesAsManyAsItCan() throws {
    let (area, roads) = town()
    let gateways = try GatewayDetector.gateways(group: "T", groupIndex: 0, area: [area], roads: roads)
    let lpr = try CameraSpec(type: CameraCatalog.builtIn().type(id: "lpr_2mp"), level: .observe)
    var cordon = Cordon()
    cordon.budget = .count(3)
    let result = try cordon.plan(gateways: gateways, camera: lpr, roads: roads)
    #expect(result.selected.count == 3)
    #expect(result.watchedCount == 3)
    #expect(result.gap < 1e-9)
}

@Test func residentialClassesCanBeGatewaysWhenAskedFor() throws {
    let (area, roads) = town()
    let gateways = try GatewayDetector.gateways(group: "T", groupIndex: 0, area: [area], roads: roads,
                                                classes: ["trunk", "primary", "residential"])
    #expect(gateways.count == 5)
}
