import Coverage
import Foundation
import GeoKit
import HotSpots
import Optimizer

/// What a placement produced: the solver's result mapped back to cameras, footprints and
/// per-group and per-ward figures.
public struct PlacementOutcome: Sendable {
    public struct Camera: Sendable, Equatable {
        public var siteID: String
        public var location: PlanarPoint
        public var typeID: String
        public var headingDegrees: Double?
        public var fovDegrees: Double
        public var rangeMeters: Double
        public var cost: Double
        /// 1-based selection order (existing cameras first, in input order).
        public var order: Int
        public var marginalWeight: Double
        public var existing: Bool
        public var ward: Int?
        public var footprint: Polygon<PlanarPoint>
    }

    public var cameras: [Camera]
    public var coveredWeight: Double
    public var totalWeight: Double
    public var upperBound: Double
    public var gap: Double
    public var stopReason: String
    public var boundSource: String
    public var curve: [(cameras: Int, share: Double)]
    public var newCost: Double
    public var runtimeSeconds: Double
    public var demandCount: Int
    public var facilityCount: Int
    public var siteCount: Int
    /// LSCP only: the lower bound on the number of cameras.
    public var lowerBoundCameras: Int?
    /// Share of each ward's weighted incidents inside a planned footprint.
    public var wardCoveredShare: [Double?]
    public var groups: [GroupOutcome]
    /// Figures that may be off, for the console and summary.json `warnings` (e.g. the solver's
    /// time limit cut the search).
    public var warnings: [String] = []
}
