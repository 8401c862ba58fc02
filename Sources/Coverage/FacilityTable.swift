/// Metadata of the facilities (one camera type at one site with one heading), struct-of-arrays,
/// aligned with the rows of the ``CoverageBuildResult/matrix``: facility `j` is
/// `siteIndex[j]`, `cameraTypeId[j]`, … .
public struct FacilityTable: Sendable, Equatable {
    /// Index into ``CoverageBuildResult/sites``.
    public var siteIndex: [Int32] = []
    /// The site's id (as given, or generated).
    public var siteId: [String] = []
    /// Camera type id (catalog id or ad hoc id).
    public var cameraTypeId: [String] = []
    /// Heading, degrees clockwise from north (0 for 360° cameras).
    public var headingDegrees: [Double] = []
    /// Ground range, metres.
    public var rangeMeters: [Double] = []
    /// Footprint opening, degrees (360 for discs).
    public var fovDegrees: [Double] = []
    /// Unit cost, millions of VND.
    public var costMillionVND: [Double] = []
    /// An installed camera: the optimizer must keep it (y_j = 1).
    public var isFixed: [Bool] = []

    public init() {}

    public var count: Int { siteIndex.count }

    /// Indices of the fixed (existing) facilities.
    public var fixedIndices: [Int] { isFixed.indices.filter { isFixed[$0] } }

    mutating func append(site: Int, siteId: String, camera: CameraSpec, heading: Double, fixed: Bool) {
        siteIndex.append(Int32(site))
        self.siteId.append(siteId)
        cameraTypeId.append(camera.typeId)
        headingDegrees.append(camera.is360 ? 0 : heading)
        rangeMeters.append(camera.rangeMeters)
        fovDegrees.append(camera.is360 ? 360 : camera.fovDegrees)
        costMillionVND.append(camera.costMillionVND)
        isFixed.append(fixed)
    }
}
