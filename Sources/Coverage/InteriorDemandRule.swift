/// How a demand point that lies inside a building footprint (an incident geocoded to an
/// address, say) is treated when obstacles are given.
public enum InteriorDemandRule: String, Sendable, Hashable, CaseIterable {
    /// The point's own building walls do not hide it: a camera that sees the building from
    /// the street covers the address (other buildings still occlude). The default, since
    /// incidents are usually recorded at an address.
    case seenThroughOwnWalls = "own-walls-transparent"
    /// Every wall hides: a point inside a building is covered only by a camera mounted on
    /// that building (see the façade rule of ``Footprint``).
    case hidden
}
