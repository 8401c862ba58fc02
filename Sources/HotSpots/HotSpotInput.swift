/// What a hot-spot run analyses: incidents and the analysis units.
public struct HotSpotInput: Sendable, Equatable {
    public let incidents: IncidentTable
    public let cells: CellGrid

    /// - Throws: ``HotSpotError/indexOutOfRange(field:index:count:)`` when units are
    ///   caller-supplied and an incident's unit index is outside the units; and
    ///   ``HotSpotError/invalidParameter(name:value:expected:)`` when units need unit indices
    ///   the incidents do not carry.
    public init(incidents: IncidentTable, cells: CellGrid) throws {
        if cells.lattice == nil {
            guard !incidents.unitIndices.isEmpty || incidents.count == 0 else {
                throw HotSpotError.invalidParameter(name: "unit indices", value: "none", expected: "a unit (ward) index per incident when the units are wards")
            }
            for u in incidents.unitIndices {
                if let u, u < 0 || u >= cells.count { throw HotSpotError.indexOutOfRange(field: "incident unit", index: u, count: cells.count) }
            }
        }
        self.incidents = incidents
        self.cells = cells
    }
}
