import GeoKit

/// Where a candidate site came from.
public enum SiteSource: String, Sendable, Hashable, CaseIterable {
    /// A point of a candidate layer (`--candidates`).
    case given
    /// A road junction (≥ 3 segment ends meet).
    case roadIntersection = "road_intersection"
    /// A point sampled every N metres along a road.
    case roadSample = "road_sample"
    /// A node of a regular grid inside the study area.
    case grid
    /// The site of an installed camera (`--existing`).
    case existing
}

/// A place where a camera may be mounted: an id (as given, or generated), a location in
/// metres in the working CRS, and where it came from.
public struct CandidateSite: Sendable, Hashable {
    /// The id written to `cameras.geojson` as `site_id` (as given in the layer, or generated).
    public var id: String
    /// Position, metres in the working CRS.
    public var location: PlanarPoint
    /// How the site was produced.
    public var source: SiteSource

    public init(id: String, location: PlanarPoint, source: SiteSource) {
        self.id = id
        self.location = location
        self.source = source
    }
}

/// A camera already installed: fixed at its site, with its type and heading, counted in the
/// coverage and never moved. The builder emits one facility for it, flagged fixed.
public struct ExistingCamera: Sendable, Hashable {
    /// The camera's site (its source is set to ``SiteSource/existing``).
    public var site: CandidateSite
    /// The camera's type resolved at the run's DORI level (or an ad hoc spec).
    public var camera: CameraSpec
    /// Heading, degrees clockwise from north (ignored for 360° cameras).
    public var headingDegrees: Double

    public init(site: CandidateSite, camera: CameraSpec, headingDegrees: Double) {
        self.site = CandidateSite(id: site.id, location: site.location, source: .existing)
        self.camera = camera
        self.headingDegrees = headingDegrees
    }
}
