import Foundation
import Testing
@testable import Coverage

/// The ad hoc 1080p camera of DOMAIN.md's check values (68° HFOV).
private func hd68() throws -> CameraType {
    try CameraType(id: "hd", name: "1080p", sensorWidthPixels: 1920, horizontalFOVDegrees: 68,
                   mountHeightMeters: 1.6, costMillionVND: 1, kind: .fixed, is360: false)
}

@Test func doriSlantRangesMatchDomainCheckValues() throws {
    let cam = try hd68()
    #expect(abs(cam.slantRangeMeters(for: .detect) - 56.9) < 0.05)
    // DOMAIN.md lists 22.6 m; the formula gives 22.77 m (= Detect / 2.5), within 0.2 m.
    #expect(abs(cam.slantRangeMeters(for: .observe) - 22.6) < 0.2)
    #expect(abs(cam.slantRangeMeters(for: .recognize) - 11.4) < 0.05)
    #expect(abs(cam.slantRangeMeters(for: .identify) - 5.7) < 0.05)
    #expect(abs(cam.slantRangeMeters(for: .identify2025) - 5.7 / 2) < 0.05)
    // Mounted at eye height, ground range equals slant range.
    #expect(abs(cam.groundRangeMeters(for: .detect) - cam.slantRangeMeters(for: .detect)) < 1e-12)
}

@Test func shippedTypesMatchDomainTypicalValues() throws {
    let catalog = try CameraCatalog.builtIn()
    let b4 = try catalog.type(id: "bullet_4mp_6mm")
    #expect(abs(b4.slantRangeMeters(for: .recognize) - 20) < 0.5)
    #expect(abs(b4.slantRangeMeters(for: .observe) - 39) < 0.5)
    let b8 = try catalog.type(id: "bullet_8mp_12mm")
    #expect(abs(b8.slantRangeMeters(for: .identify) - 29) < 0.5)
    let dome = try catalog.type(id: "dome_4mp_2_8mm")
    #expect(abs(dome.slantRangeMeters(for: .observe) - 17) < 0.5)
    let b2 = try catalog.type(id: "bullet_2mp_4mm")
    #expect(abs(b2.slantRangeMeters(for: .detect) - 56.9) < 0.05)
}

@Test func groundRangeUsesMountHeight() throws {
    let catalog = try CameraCatalog.builtIn()
    let b8 = try catalog.type(id: "bullet_8mp_12mm")   // 6 m mount
    let d = b8.slantRangeMeters(for: .identify)
    #expect(abs(b8.groundRangeMeters(for: .identify) - (d * d - 4.4 * 4.4).squareRoot()) < 1e-9)
}

@Test func unreachableLevelGivesZeroRangeAndAnError() throws {
    let high = try CameraType(id: "mast", name: "mast", sensorWidthPixels: 1920, horizontalFOVDegrees: 68,
                              mountHeightMeters: 12, costMillionVND: 1, kind: .fixed, is360: false)
    #expect(high.groundRangeMeters(for: .identify) == 0)   // slant 5.7 m < 10.4 m height difference
    #expect(throws: CoverageError.levelUnreachable(typeId: "mast", level: "identify",
                                                   slantRangeMeters: high.slantRangeMeters(for: .identify),
                                                   mountHeightMeters: 12)) {
        try CameraSpec(type: high, level: .identify)
    }
    #expect(try CameraSpec(type: high, level: .detect).rangeMeters > 50)
}

@Test func ptzWithoutPresetsIsACappedObserveDisc() throws {
    let catalog = try CameraCatalog.builtIn()
    var ptz = try catalog.type(id: "ptz_4mp_25x")
    ptz.ptzPresets = nil
    #expect(ptz.kind == .ptz && ptz.is360)
    for level in DORILevel.allCases {
        let spec = try CameraSpec(type: ptz, level: level)
        #expect(spec.is360 && spec.fovDegrees == 360 && spec.presets == nil)
        #expect(spec.rangeMeters == 80)   // the tele-end Observe range (~900 m) is capped
    }
}

@Test func shippedPTZIsAFourPresetTourAtEveryLevel() throws {
    let ptz = try CameraCatalog.builtIn().type(id: "ptz_4mp_25x")
    #expect(ptz.ptzPresets == 4)
    for level in DORILevel.allCases {
        let spec = try CameraSpec(type: ptz, level: level)
        let presets = try #require(spec.presets)
        // Four equal shares, each preset the widest view that keeps Observe at the 80 m cap.
        #expect(presets.shares == [0.25, 0.25, 0.25, 0.25])
        #expect(!spec.is360 && spec.rangeMeters == 80)
        #expect(spec.fovDegrees > 20 && spec.fovDegrees < 90)
    }
}

@Test func lprRangeComesFromPlatePixels() throws {
    let catalog = try CameraCatalog.builtIn()
    let lpr = try catalog.type(id: "lpr_2mp")
    let ppm = 150 / 0.19
    let slant = 1920 / (ppm * 2 * tan(6 * Double.pi / 180))
    let expected = (slant * slant - 4.4 * 4.4).squareRoot()
    #expect(abs(lpr.groundRangeMeters(for: .detect) - expected) < 1e-9)
    #expect(lpr.groundRangeMeters(for: .identify) == lpr.groundRangeMeters(for: .detect))
    // At the range end a 190 mm plate spans 150 px (within DOMAIN's 130-170 px).
    let pxAcross = 1920 / (2 * slant * tan(6 * Double.pi / 180)) * 0.19
    #expect(pxAcross > 130 && pxAcross < 170)
}

@Test func embeddedCatalogEqualsShippedFile() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let file = try CameraCatalog(contentsOf: root.appendingPathComponent("geodata/camera-catalog.json"))
    let embedded = try CameraCatalog.builtIn()
    #expect(file == embedded)
    for id in ["bullet_4mp_6mm", "dome_4mp_2_8mm", "bullet_8mp_12mm", "bullet_2mp_4mm", "ptz_4mp_25x", "lpr_2mp"] {
        #expect(embedded.ids.contains(id))
    }
}

@Test func unknownTypeListsKnownIds() throws {
    let catalog = try CameraCatalog.builtIn()
    #expect(throws: CoverageError.unknownCameraType(id: "nope", known: catalog.ids)) {
        try catalog.type(id: "nope")
    }
    #expect(CoverageError.unknownCameraType(id: "nope", known: ["a", "b"]).description.contains("a, b"))
}

@Test func catalogValidationNamesTypeAndField() throws {
    func load(_ entry: String) throws -> CameraCatalog {
        try CameraCatalog(jsonData: Data(#"{"types": [\#(entry)]}"#.utf8))
    }
    let base = #""id": "t", "sensor_width_px": 1920, "mount_height_m": 4"#
    #expect(throws: CoverageError.negativeCost(typeId: "t", value: -1)) {
        try load("{\(base), \"hfov_deg\": 60, \"cost_million_vnd\": -1}")
    }
    #expect(throws: CoverageError.fovOutOfRange(typeId: "t", value: 0)) {
        try load("{\(base), \"hfov_deg\": 0, \"cost_million_vnd\": 1}")
    }
    #expect(throws: CoverageError.fovOutOfRange(typeId: "t", value: 361)) {
        try load("{\(base), \"hfov_deg\": 361, \"cost_million_vnd\": 1}")
    }
    #expect(throws: CoverageError.invalidField(typeId: "w", field: "sensor_width_px", value: 0, expected: "> 0 pixels")) {
        try load(#"{"id": "w", "sensor_width_px": 0, "mount_height_m": 4, "hfov_deg": 60, "cost_million_vnd": 1}"#)
    }
    #expect(throws: CoverageError.duplicateTypeId("t")) {
        try load("{\(base), \"hfov_deg\": 60, \"cost_million_vnd\": 1}, {\(base), \"hfov_deg\": 60, \"cost_million_vnd\": 1}")
    }
    #expect(throws: CoverageError.emptyCatalog) { try CameraCatalog(jsonData: Data(#"{"types": []}"#.utf8)) }
    do {
        _ = try load(#"{"id": "t", "sensor_width_px": 1920, "hfov_deg": 60, "cost_million_vnd": 1}"#)
        Issue.record("missing mount height accepted")
    } catch let CoverageError.catalogDecoding(_, reason) {
        #expect(reason.contains("mount_height_m"))
    }
}

@Test func adHocCameraValidation() throws {
    let c = try CameraSpec(radiusMeters: 40, fovDegrees: 90)
    #expect(c.typeId == "adhoc_40m_90deg" && !c.is360 && c.rangeMeters == 40)
    #expect(try CameraSpec(radiusMeters: 30, fovDegrees: 360).is360)
    #expect(throws: CoverageError.invalidRadius(0)) { try CameraSpec(radiusMeters: 0, fovDegrees: 90) }
    #expect(throws: CoverageError.invalidRadius(-5)) { try CameraSpec(radiusMeters: -5, fovDegrees: 90) }
    #expect(throws: CoverageError.fovOutOfRange(typeId: "adhoc_40m_0deg", value: 0)) {
        try CameraSpec(radiusMeters: 40, fovDegrees: 0)
    }
    #expect(throws: CoverageError.fovOutOfRange(typeId: "adhoc_40m_400deg", value: 400)) {
        try CameraSpec(radiusMeters: 40, fovDegrees: 400)
    }
    #expect(throws: CoverageError.negativeCost(typeId: "x", value: -2)) {
        try CameraSpec(radiusMeters: 40, fovDegrees: 90, costMillionVND: -2, typeId: "x")
    }
}
