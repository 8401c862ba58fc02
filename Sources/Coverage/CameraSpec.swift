/// A camera resolved for one run: the type id, its ground range for the DORI level asked
/// for, its field of view and cost. This is what footprints and the coverage builder use.
public struct CameraSpec: Sendable, Hashable {
    /// Catalog id, or `adhoc_<radius>m_<fov>deg` for an ad hoc camera.
    public var typeId: String
    /// Ground range, metres (> 0).
    public var rangeMeters: Double
    /// Horizontal field of view of the footprint sector, degrees in (0, 360].
    public var fovDegrees: Double
    /// Unit cost, millions of VND.
    public var costMillionVND: Double
    /// The footprint is a full disc and the camera takes no heading.
    public var is360: Bool
    /// A PTZ on a guard tour: its preset views and dwell shares (then `fovDegrees` and
    /// `rangeMeters` are those of one preset, and `is360` is false). `nil` otherwise.
    public var presets: PTZPresets?

    /// Resolves a catalog type at a DORI level.
    /// - Throws: ``CoverageError/levelUnreachable(typeId:level:slantRangeMeters:mountHeightMeters:)``
    ///   when the ground range is 0 (the camera sits too high for that level).
    public init(type: CameraType, level: DORILevel) throws {
        let r = type.groundRangeMeters(for: level)
        guard r > 0 else {
            throw CoverageError.levelUnreachable(typeId: type.id, level: level.rawValue,
                                                 slantRangeMeters: type.slantRangeMeters(for: level),
                                                 mountHeightMeters: type.mountHeightMeters)
        }
        self.typeId = type.id
        self.costMillionVND = type.costMillionVND
        if let presets = PTZPresets(type: type) {
            guard presets.rangeMeters > 0 else {
                throw CoverageError.invalidField(typeId: type.id, field: "ptz_preset_fov_deg", value: presets.fovDegrees,
                                                 expected: "a preset view narrow enough to reach Observe at ground level")
            }
            self.presets = presets
            self.rangeMeters = presets.rangeMeters
            self.fovDegrees = presets.fovDegrees
            self.is360 = false
        } else {
            self.rangeMeters = r
            self.fovDegrees = type.is360 ? 360 : type.horizontalFOVDegrees
            self.is360 = type.is360 || type.horizontalFOVDegrees >= 360
        }
    }

    /// An ad hoc camera (`--radius M --fov DEG`): a sector of radius `radiusMeters` (ground
    /// range) and opening `fovDegrees`; 360 gives a disc.
    /// - Throws: ``CoverageError/invalidRadius(_:)`` for radius ≤ 0 or not finite,
    ///   ``CoverageError/fovOutOfRange(typeId:value:)`` outside (0, 360],
    ///   ``CoverageError/negativeCost(typeId:value:)``.
    public init(radiusMeters: Double, fovDegrees: Double, costMillionVND: Double = 1, typeId: String? = nil) throws {
        let id = typeId ?? "adhoc_\(Self.compact(radiusMeters))m_\(Self.compact(fovDegrees))deg"
        guard radiusMeters.isFinite, radiusMeters > 0 else { throw CoverageError.invalidRadius(radiusMeters) }
        guard fovDegrees.isFinite, fovDegrees > 0, fovDegrees <= 360 else {
            throw CoverageError.fovOutOfRange(typeId: id, value: fovDegrees)
        }
        guard costMillionVND.isFinite, costMillionVND >= 0 else {
            throw CoverageError.negativeCost(typeId: id, value: costMillionVND)
        }
        self.typeId = id
        self.rangeMeters = radiusMeters
        self.fovDegrees = fovDegrees
        self.costMillionVND = costMillionVND
        self.is360 = fovDegrees >= 360
    }

    private static func compact(_ v: Double) -> String {
        v.isFinite && v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
}
