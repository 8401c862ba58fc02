import Coverage
import Foundation
import GeoKit
import HotSpots
import Optimizer

/// Coverage matrices already built in a run, keyed by what they depend on (sites, camera
/// types, DORI level, headings, demand points), so scenarios that differ only in budget,
/// weights or quotas share one build.
public final class CoverageCache: @unchecked Sendable {
    /// What a coverage matrix depends on: the candidate sites, the cameras' ranges and
    /// fields of view (so the DORI level), the headings, and what decides the demand points
    /// (not their weights).
    public struct Key: Hashable, Sendable {
        public struct Camera: Hashable, Sendable {
            public var typeID: String
            public var rangeMeters: Double
            public var fovDegrees: Double
            public init(_ spec: CameraSpec) {
                typeID = spec.typeId
                rangeMeters = spec.rangeMeters
                fovDegrees = spec.fovDegrees
            }
        }

        public var siteIDs: [String]
        public var cameras: [Camera]
        public var headings: Int
        public var demand: DemandKind
        public var roadDemandSpacingMeters: Double
        /// The hot-spot settings (they decide which incidents and cells make the demand).
        public var hotSpots: HotSpotSettings?
        public var demandCount: Int
    }

    private let lock = NSLock()
    private var entries: [Key: (CoverageBuilder, CoverageBuildResult)] = [:]
    /// How many builds were reused.
    public private(set) var hits = 0

    public init() {}

    func value(_ key: Key, make: () throws -> (CoverageBuilder, CoverageBuildResult)) rethrows -> (CoverageBuilder, CoverageBuildResult) {
        lock.lock()
        if let v = entries[key] { hits += 1; lock.unlock(); return v }
        lock.unlock()
        let v = try make()
        lock.lock()
        entries[key] = v
        lock.unlock()
        return v
    }
}
