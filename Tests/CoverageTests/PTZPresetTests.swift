import Foundation
import GeoKit
import Optimizer
import Testing
@testable import Coverage

/// A PTZ on a 4-preset guard tour watched 40/30/20/10% of the time, at the origin, tour
/// starting north: presets look north, east, south and west.
private func tourPTZ(dwell: [Double]? = [0.4, 0.3, 0.2, 0.1], presets: Int? = 4) throws -> CameraType {
    try CameraType(id: "ptz", name: "PTZ", sensorWidthPixels: 2560, horizontalFOVDegrees: 2.6, mountHeightMeters: 8,
                   costMillionVND: 32, kind: .ptz, is360: true, maxRangeMeters: 80, ptzPresets: presets, ptzDwellShares: dwell)
}

@Suite("PTZ presets")
struct PTZPresetTests {
    @Test func presetViewIsTheWidestThatStillObservesAtTheRangeCap() throws {
        let spec = try CameraSpec(type: try tourPTZ(), level: .observe)
        let p = try #require(spec.presets)
        // 2·atan(2560 / (2 · 62.5 · √(80² + 6.4²))) = 28.6°, and that view reaches exactly 80 m.
        let slant = (80.0 * 80 + 6.4 * 6.4).squareRoot()
        #expect(abs(p.fovDegrees - 2 * atan(2560 / (125 * slant)) * 180 / .pi) < 1e-9)
        #expect(abs(p.fovDegrees - 28.6) < 0.05)
        #expect(abs(p.rangeMeters - 80) < 1e-6)
        #expect(!spec.is360 && spec.fovDegrees == p.fovDegrees)
        // A fisheye stays a full 360° disc.
        let fisheye = try CameraType(id: "fish", name: "fisheye", sensorWidthPixels: 4000, horizontalFOVDegrees: 360,
                                     mountHeightMeters: 4, costMillionVND: 9, kind: .fixed, is360: true)
        let f = try CameraSpec(type: fisheye, level: .observe)
        #expect(f.is360 && f.presets == nil && f.fovDegrees == 360)
        // Without ptz_presets a PTZ keeps the disc model.
        #expect(try CameraSpec(type: try tourPTZ(dwell: nil, presets: nil), level: .observe).is360)
    }

    @Test func catalogRejectsBadPresetFields() throws {
        #expect(throws: CoverageError.self) { try tourPTZ(dwell: [0.5, 0.5, 0.5, 0.5]) }   // sums to 2
        #expect(throws: CoverageError.self) { try tourPTZ(dwell: [0.5, 0.5]) }              // 2 shares, 4 presets
        #expect(throws: CoverageError.self) { try tourPTZ(dwell: nil, presets: 0) }
        #expect(throws: CoverageError.self) {
            try CameraType(id: "b", name: "b", sensorWidthPixels: 2560, horizontalFOVDegrees: 55, mountHeightMeters: 4,
                           costMillionVND: 3, kind: .fixed, is360: false, ptzPresets: 4)
        }
        let json = #"{"types":[{"id":"p","sensor_width_px":2560,"hfov_deg":2.6,"mount_height_m":8,"cost_million_vnd":32,"kind":"ptz","is360":true,"max_range_m":80,"ptz_presets":4,"ptz_dwell":[0.25,0.25,0.25,0.25]}]}"#
        let cat = try CameraCatalog(jsonData: Data(json.utf8))
        #expect(cat.types[0].ptzPresets == 4 && cat.types[0].ptzDwellShares == [0.25, 0.25, 0.25, 0.25])
    }

    /// A bad preset field names the type and the field actually written.
    @Test(arguments: [
        (#""ptz_presets":2.5"#, "camera type 'p': field 'ptz_presets' is 2.5, expected a whole number"),
        (#""sensor_width_px":2560.5"#, "camera type 'p': field 'sensor_width_px' is 2560.5, expected a whole number"),
        (#""ptz_dwell":[0.5,0.5]"#, "camera type 'p': field 'ptz_dwell' is 2.0, expected ptz_presets (the number of preset views) beside it"),
        (#""ptz_preset_fov_deg":20"#, "camera type 'p': field 'ptz_preset_fov_deg' is 20.0, expected ptz_presets (the number of preset views) beside it"),
        (#""kind":"fixed","ptz_dwell":[1]"#, "camera type 'p': field 'ptz_dwell' is 1.0, expected no preset fields on a camera whose kind is fixed, not ptz"),
    ])
    func badPresetFieldsAreNamed(field: String, message: String) throws {
        var fields = [#""id":"p""#, #""sensor_width_px":2560"#, #""hfov_deg":2.6"#, #""mount_height_m":8"#, #""cost_million_vnd":32"#,
                      #""kind":"ptz""#, #""is360":true"#, #""max_range_m":80"#]
        let replaced = field.split(separator: ",").map { String($0.split(separator: ":")[0]) }
        fields.removeAll { f in replaced.contains { f.hasPrefix($0 + ":") } }
        let json = #"{"types":[{"# + (fields + [field]).joined(separator: ",") + "}]}"
        let error = #expect(throws: CoverageError.self) { try CameraCatalog(jsonData: Data(json.utf8)) }
        #expect(error?.description == message)
    }

    /// Each covered point is credited with its weight times the dwell share of the preset
    /// that sees it; the solver's objective is that sum.
    @Test func fourPresetPTZIsCreditedWithWeightTimesDwellShare() throws {
        let spec = try CameraSpec(type: try tourPTZ(), level: .observe)
        // One point in the middle of each preset (N, E, S, W at 50 m), one between presets
        // (NE, outside every 28.6° view), one beyond the 80 m range (north, 90 m).
        let pts: [PlanarPoint] = [.init(x: 0, y: 50), .init(x: 50, y: 0), .init(x: 0, y: -50), .init(x: -50, y: 0),
                                  .init(x: 35, y: 35), .init(x: 0, y: 90)]
        let weights = [10.0, 20, 30, 40, 45, 60]
        var set = PlanarPointSet()
        for p in pts { set.append(p) }
        let demand = try DemandSet(points: set, weights: weights)
        let site = CandidateSite(id: "s", location: PlanarPoint(x: 0, y: 0), source: .given)
        let builder = try CoverageBuilder(sites: [site], cameras: [spec], headingCount: 8)
        let built = try builder.build(demand: demand)
        // 8 headings modulo the 90° preset spacing: tours starting at 0° and 45°.
        #expect(built.facilities.headingDegrees == [0, 45])
        let credits = try #require(built.credits)
        #expect(Array(built.matrix.covered(by: 0)) == [0, 1, 2, 3])
        #expect(Array(credits[0 ..< 4]) == [0.4, 0.3, 0.2, 0.1].map(Float.init))
        // The tour starting at 45° sees only the NE point, through its first preset (0.4).
        #expect(Array(built.matrix.covered(by: 1)) == [4])
        #expect(credits[4] == Float(0.4))
        let expected = 10 * 0.4 + 20 * 0.3 + 30 * 0.2 + 40 * 0.1
        let graded = try GradedCoverage(matrix: built.matrix, credits: credits, weights: weights)
        #expect(abs(graded.weights.reduce(0, +) - weights.reduce(0, +)) < 1e-9)   // total unchanged
        let problem = try PlacementProblem(matrix: graded.matrix, demandWeights: graded.weights, budget: .count(1))
        let r = try MCLPSolver().solve(problem)
        #expect(r.selected.map(\.facility) == [0])   // 20 against 45 · 0.4 = 18
        #expect(abs(r.coveredWeight - expected) < 1e-6)
        // The same credit from the plan's views, as held-out scoring computes it.
        let union = builder.union(of: [0], in: built)
        let c = union.credits(of: set)
        #expect(zip(c, [0.4, 0.3, 0.2, 0.1, 0, 0]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(abs(union.coveredWeight(of: set, weights: weights) - expected) < 1e-9)
    }

    @Test func gradedSplitKeepsTheBestCreditNotTheSum() throws {
        // Point 0 seen by facility 0 at 0.25 and facility 1 at 1; point 1 by facility 0 at 0.5.
        let m = try CoverageMatrix(demandCount: 2, offsets: [0, 2, 3], indices: [0, 1, 0])
        let g = try GradedCoverage(matrix: m, credits: [0.25, 0.5, 1], weights: [8, 4])
        #expect(g.weights == [2, 6, 2, 2])
        #expect(g.origin == [0, 0, 1, 1])
        #expect(Array(g.matrix.covered(by: 0)) == [0, 2])
        #expect(Array(g.matrix.covered(by: 1)) == [0, 1])
    }
}
