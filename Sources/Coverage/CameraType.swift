import Foundation

/// How a camera type is credited with coverage.
public enum CameraKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A fixed camera: a sector of its horizontal FOV around one of k headings.
    case fixed
    /// A pan-tilt-zoom camera: one view at a time, credited as a disc at the Observe level
    /// whose radius is capped by `maxRangeMeters` (DOMAIN.md, "PTZ covers one view at a time").
    case ptz
    /// A licence-plate-recognition camera: a narrow sector whose range is where a 190 mm
    /// plate still spans ``CameraType/lprPlatePixels`` (150) pixels, i.e. 789 px/m, whatever
    /// DORI level is asked for; ground range uses the plate height (0.6 m). The ≤ 30°
    /// off-axis limit is not modelled geometrically: it is met by choosing headings along the
    /// road (the narrow lens keeps the horizontal skew small), and its vertical part means the
    /// first ~6 m below a 5 m mount are not readable, which the sector (a little generously)
    /// still credits.
    case lpr
    /// A traffic (violation-detection) camera: a sector at the DORI level asked for, like a
    /// fixed camera, but aimed along the road at its site (``RoadAlignedCoverage``).
    case traffic

    /// Whether the headings of this kind follow the roads at the site instead of compass steps.
    public var isRoadAligned: Bool { self == .lpr || self == .traffic }
}

/// One camera model of the catalog.
///
/// Ranges follow EN 62676-4: the slant distance at which the sensor's horizontal pixels
/// spread over the field of view still give the DORI pixel density,
/// `d = sensorWidthPixels / (ppm · 2 · tan(HFOV / 2))`, then the ground range
/// `sqrt(d² − (h − t)²)` for mount height `h` and target height `t` (1.6 m for a person,
/// 0.6 m for a motorbike plate).
///
/// Costs are in millions of Vietnamese đồng (installed unit price, indicative).
public struct CameraType: Sendable, Hashable, Codable {
    /// Unique id used on the command line and in outputs (`bullet_4mp_6mm`).
    public var id: String
    /// Human-readable name.
    public var name: String
    /// Horizontal sensor resolution, pixels.
    public var sensorWidthPixels: Int
    /// Horizontal field of view, degrees, in (0, 360]. For a PTZ, the tele-end FOV at full zoom.
    public var horizontalFOVDegrees: Double
    /// Mount height above ground, metres.
    public var mountHeightMeters: Double
    /// Installed unit cost, millions of VND.
    public var costMillionVND: Double
    /// Fixed, PTZ, LPR or traffic.
    public var kind: CameraKind
    /// A 360° camera (fisheye or PTZ): its footprint is a disc and it takes no heading.
    public var is360: Bool
    /// Cap on the ground range, metres (required for PTZ, optional otherwise).
    public var maxRangeMeters: Double?
    /// PTZ only: the number of preset views the camera is toured through (guard tour), spread
    /// evenly around the mount (`360/n` apart). `nil`: the PTZ is credited as a full disc
    /// (the optimistic model of earlier versions). See ``PTZPresets``.
    public var ptzPresets: Int?
    /// PTZ only: the share of time each preset is watched, in preset order; sums to 1.
    /// `nil`: equal shares `1/n`.
    public var ptzDwellShares: [Double]?
    /// PTZ only: the horizontal FOV of one preset view, degrees. `nil`: the widest view that
    /// still gives the Observe density at `max_range_m` (28.6° for the shipped 4 MP PTZ).
    public var ptzPresetFOVDegrees: Double?

    /// Height of a person's face above ground used for DORI ground ranges, metres.
    public static let personTargetHeightMeters = 1.6
    /// Height of a motorbike's rear plate above ground used for LPR ranges, metres.
    public static let plateTargetHeightMeters = 0.6
    /// Pixels an LPR engine needs across a plate (DOMAIN.md: about 130–170; we take 150).
    public static let lprPlatePixels = 150.0
    /// Width of a Vietnamese motorbike plate, metres (190 × 140 mm).
    public static let plateWidthMeters = 0.19

    enum CodingKeys: String, CodingKey {
        case id, name, kind, is360
        case sensorWidthPixels = "sensor_width_px"
        case horizontalFOVDegrees = "hfov_deg"
        case mountHeightMeters = "mount_height_m"
        case costMillionVND = "cost_million_vnd"
        case maxRangeMeters = "max_range_m"
        case ptzPresets = "ptz_presets"
        case ptzDwellShares = "ptz_dwell"
        case ptzPresetFOVDegrees = "ptz_preset_fov_deg"
    }

    /// Creates and validates a camera type.
    /// - Throws: ``CoverageError/fovOutOfRange(typeId:value:)``,
    ///   ``CoverageError/negativeCost(typeId:value:)`` or
    ///   ``CoverageError/invalidField(typeId:field:value:expected:)`` naming the field.
    public init(id: String, name: String, sensorWidthPixels: Int, horizontalFOVDegrees: Double,
                mountHeightMeters: Double, costMillionVND: Double, kind: CameraKind,
                is360: Bool, maxRangeMeters: Double? = nil, ptzPresets: Int? = nil,
                ptzDwellShares: [Double]? = nil, ptzPresetFOVDegrees: Double? = nil) throws {
        self.id = id
        self.name = name
        self.sensorWidthPixels = sensorWidthPixels
        self.horizontalFOVDegrees = horizontalFOVDegrees
        self.mountHeightMeters = mountHeightMeters
        self.costMillionVND = costMillionVND
        self.kind = kind
        self.is360 = is360
        self.maxRangeMeters = maxRangeMeters
        self.ptzPresets = ptzPresets
        self.ptzDwellShares = ptzDwellShares
        self.ptzPresetFOVDegrees = ptzPresetFOVDegrees
        try validate()
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let id = try c.decode(String.self, forKey: .id)
        // Whole numbers are read as numbers first: a JSON decoder reports 2.5 for an Int as
        // invalid JSON "at top level", naming neither the type nor the field.
        func whole(_ key: CodingKeys) throws -> Int? {
            guard let v = try c.decodeIfPresent(Double.self, forKey: key) else { return nil }
            guard v.isFinite, v == v.rounded(), abs(v) <= Double(Int32.max) else {
                throw CoverageError.invalidField(typeId: id, field: key.rawValue, value: v, expected: "a whole number")
            }
            return Int(v)
        }
        guard let sensor = try whole(.sensorWidthPixels) else {
            throw DecodingError.keyNotFound(CodingKeys.sensorWidthPixels, .init(codingPath: c.codingPath, debugDescription: "missing"))
        }
        try self.init(
            id: id,
            name: c.decodeIfPresent(String.self, forKey: .name) ?? id,
            sensorWidthPixels: sensor,
            horizontalFOVDegrees: c.decode(Double.self, forKey: .horizontalFOVDegrees),
            mountHeightMeters: c.decode(Double.self, forKey: .mountHeightMeters),
            costMillionVND: c.decode(Double.self, forKey: .costMillionVND),
            kind: c.decodeIfPresent(CameraKind.self, forKey: .kind) ?? .fixed,
            is360: c.decodeIfPresent(Bool.self, forKey: .is360) ?? false,
            maxRangeMeters: c.decodeIfPresent(Double.self, forKey: .maxRangeMeters),
            ptzPresets: whole(.ptzPresets),
            ptzDwellShares: c.decodeIfPresent([Double].self, forKey: .ptzDwellShares),
            ptzPresetFOVDegrees: c.decodeIfPresent(Double.self, forKey: .ptzPresetFOVDegrees))
    }

    /// Checks every field; errors name this type and the field.
    public func validate() throws {
        if id.isEmpty {
            throw CoverageError.invalidField(typeId: name, field: "id", value: 0, expected: "a non-empty id")
        }
        guard horizontalFOVDegrees.isFinite, horizontalFOVDegrees > 0, horizontalFOVDegrees <= 360 else {
            throw CoverageError.fovOutOfRange(typeId: id, value: horizontalFOVDegrees)
        }
        guard costMillionVND.isFinite, costMillionVND >= 0 else {
            throw CoverageError.negativeCost(typeId: id, value: costMillionVND)
        }
        guard sensorWidthPixels > 0 else {
            throw CoverageError.invalidField(typeId: id, field: "sensor_width_px",
                                             value: Double(sensorWidthPixels), expected: "> 0 pixels")
        }
        guard mountHeightMeters.isFinite, mountHeightMeters >= 0 else {
            throw CoverageError.invalidField(typeId: id, field: "mount_height_m",
                                             value: mountHeightMeters, expected: ">= 0 metres")
        }
        if let cap = maxRangeMeters, !(cap.isFinite && cap > 0) {
            throw CoverageError.invalidField(typeId: id, field: "max_range_m", value: cap, expected: "> 0 metres")
        }
        if kind == .ptz && maxRangeMeters == nil {
            throw CoverageError.invalidField(typeId: id, field: "max_range_m", value: .nan,
                                             expected: "a range cap in metres for a PTZ camera")
        }
        try validatePresets()
    }

    /// Checks `ptz_presets`, `ptz_dwell` and `ptz_preset_fov_deg`.
    func validatePresets() throws {
        // The first preset field given, named in the messages.
        let given: (field: String, value: Double)? = ptzPresets.map { ("ptz_presets", Double($0)) }
            ?? ptzDwellShares.map { ("ptz_dwell", Double($0.count)) } ?? ptzPresetFOVDegrees.map { ("ptz_preset_fov_deg", $0) }
        guard let given else { return }
        guard kind == .ptz else {
            throw CoverageError.invalidField(typeId: id, field: given.field, value: given.value,
                                             expected: "no preset fields on a camera whose kind is \(kind.rawValue), not ptz")
        }
        guard ptzPresets != nil else {
            throw CoverageError.invalidField(typeId: id, field: given.field, value: given.value,
                                             expected: "ptz_presets (the number of preset views) beside it")
        }
        guard let n = ptzPresets, n >= 1, n <= 36 else {
            throw CoverageError.invalidField(typeId: id, field: "ptz_presets", value: Double(ptzPresets ?? 0),
                                             expected: "a whole number of presets in 1...36")
        }
        if let d = ptzDwellShares {
            guard d.count == n else {
                throw CoverageError.invalidField(typeId: id, field: "ptz_dwell", value: Double(d.count),
                                                 expected: "one share per preset (\(n))")
            }
            for v in d where !(v.isFinite && v >= 0) {
                throw CoverageError.invalidField(typeId: id, field: "ptz_dwell", value: v, expected: "shares >= 0")
            }
            let sum = d.reduce(0, +)
            guard abs(sum - 1) <= 1e-6 else {
                throw CoverageError.invalidField(typeId: id, field: "ptz_dwell", value: sum, expected: "shares that sum to 1")
            }
        }
        if let f = ptzPresetFOVDegrees, !(f.isFinite && f > 0 && f <= 360 / Double(n)) {
            throw CoverageError.invalidField(typeId: id, field: "ptz_preset_fov_deg", value: f,
                                             expected: "a view in (0, \(360 / Double(n))] degrees (presets do not overlap)")
        }
    }

    /// The pixel density this type must deliver for `level`: the DORI threshold for fixed
    /// cameras, Observe for a PTZ whatever is asked, the plate density for LPR.
    public func requiredPixelsPerMeter(for level: DORILevel) -> Double {
        switch kind {
        case .fixed, .traffic: level.pixelsPerMeter
        case .ptz: DORILevel.observe.pixelsPerMeter
        case .lpr: Self.lprPlatePixels / Self.plateWidthMeters
        }
    }

    /// Slant range in metres at which the pixel density drops to `pixelsPerMeter`:
    /// `sensorWidthPixels / (pixelsPerMeter · 2 · tan(HFOV / 2))`. A 360° lens spreads its
    /// pixels around the full circle: `sensorWidthPixels / (pixelsPerMeter · 2π)`.
    public func slantRangeMeters(pixelsPerMeter: Double) -> Double {
        let w = Double(sensorWidthPixels)
        if horizontalFOVDegrees >= 180 {
            // tan diverges at 180°; a panoramic lens maps pixels along the arc of its FOV.
            return w / (pixelsPerMeter * horizontalFOVDegrees * .pi / 180)
        }
        return w / (pixelsPerMeter * 2 * tan(horizontalFOVDegrees * .pi / 360))
    }

    /// Slant range in metres for `level` (see ``requiredPixelsPerMeter(for:)``).
    public func slantRangeMeters(for level: DORILevel) -> Double {
        slantRangeMeters(pixelsPerMeter: requiredPixelsPerMeter(for: level))
    }

    /// Height of the target this type looks at, metres (plate for LPR, face otherwise).
    public var targetHeightMeters: Double {
        kind == .lpr ? Self.plateTargetHeightMeters : Self.personTargetHeightMeters
    }

    /// Ground range in metres for `level`: `sqrt(d² − (h − t)²)`, capped by `maxRangeMeters`.
    /// Returns 0 when the camera cannot reach the level at ground (d ≤ |h − t|);
    /// ``CameraSpec/init(type:level:)`` turns that into an error.
    public func groundRangeMeters(for level: DORILevel) -> Double {
        let d = slantRangeMeters(for: level)
        let dh = mountHeightMeters - targetHeightMeters
        let g = d > abs(dh) ? (d * d - dh * dh).squareRoot() : 0
        if let cap = maxRangeMeters { return min(g, cap) }
        return g
    }
}
