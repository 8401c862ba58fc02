import Coverage
import Foundation
import GeoKit
import Testing
@testable import Traffic

/// The traffic plan on the shipped (synthetic) accidents and OSM roads: the file loads with
/// its minor/serious/fatal classes, the three towns have gateways, and a cordon plus traffic
/// cameras come out aligned with the roads.
@Suite("Shipped traffic data", .enabled(if: shippedData != nil))
struct ShippedTrafficTests {
    @Test func townsCordonAndBlackSpots() throws {
        let dir = try #require(shippedData)
        let wards = try BoundaryLoader.load(dir + "/wards.geojson")
        let accidents = try AccidentTable.load(dir + "/traffic_accidents.csv", boundaries: wards)
        #expect(accidents.count == 975)
        // geodata/README.md: 548 minor, 294 serious, 133 fatal.
        #expect(accidents.classes.filter { $0 == .collision }.count == 548)
        #expect(accidents.classes.filter { $0 == .lessSerious }.count == 294)
        #expect(accidents.classes.filter { $0 == .serious }.count == 133)
        let roads = try RoadNetwork.load(dir + "/roads.gpkg", to: wards.workCRS)
        let groups = Dictionary(grouping: wards.wards, by: \.group).map { (name: $0.key, area: $0.value.map(\.geometry)) }
            .sorted { $0.name < $1.name }
        var s = TrafficPlanSettings()
        s.gatewayGroups = ["Thành phố Mỹ Tho", "Thành phố Gò Công", "Thị xã Cai Lậy"]
        s.gatewayClasses = ["trunk", "primary", "secondary"]
        s.budget = .cost(3000)
        s.timeLimitSeconds = 5   // a debug build; the assertions hold for any feasible plan
        let catalog = try CameraCatalog.builtIn()
        let sites = try CandidateSiteGenerator.fromRoads(roads.filtered(classes: s.blackSpotRule.roadClasses).map(\.line),
                                                         spacingMeters: 150)
        let plan = try TrafficPlan(roads: roads, accidents: accidents, groups: groups, sites: sites,
                                   trafficCameras: [CameraSpec(type: catalog.type(id: "traffic_4mp_8mm"), level: .observe)],
                                   plateCamera: CameraSpec(type: catalog.type(id: "lpr_2mp"), level: .observe), settings: s)
        for town in s.gatewayGroups { #expect(plan.gateways.contains { $0.group == town }) }
        #expect(plan.gatewaysWatched == plan.gateways.count)
        #expect(plan.blackSpots.blackSpots.count > 0)
        #expect(plan.newCost <= 3000 + 1e-9)
        #expect(plan.cameras.contains { !$0.cordon })
        print("traffic plan: \(plan.gateways.count) gateways, \(plan.blackSpots.blackSpots.count) black spots "
              + "(\(plan.blackSpotsWatched) watched), \(plan.cameras.count) cameras, cost \(plan.newCost), "
              + "covered \(plan.coveredWeight) of \(plan.totalWeight), gap \(plan.gap), warnings \(plan.warnings)")
    }
}
