import Coverage
import Foundation
import GeoKit
import HotSpots
import Optimizer

/// Candidate sites and their wards, computed once per spacing and shared by scenarios.
public struct SiteSet: Sendable {
    public var sites: [CandidateSite]
    /// Ward index per site (`nil` outside every ward).
    public var wardOfSite: [Int?]

    public init(sites: [CandidateSite], wardOfSite: [Int?]) {
        self.sites = sites
        self.wardOfSite = wardOfSite
    }

    /// Sites from the candidate layer, else from roads (junctions and every `spacing` m),
    /// else a grid inside the wards; only sites inside a ward are kept.
    /// - Throws: ``GeoError/overMemoryBudget(what:count:estimatedBytes:budgetBytes:change:)``
    ///   when the generated sites would need more than `memoryBudget`.
    public static func make(_ data: StudyData, spacingMeters: Double, memoryBudget: MemoryBudget = .machineDefault) throws -> SiteSet {
        let generated = data.candidateSites == nil
        var sites: [CandidateSite]
        if let given = data.candidateSites {
            sites = given
        } else if !data.roads.isEmpty {
            sites = try CandidateSiteGenerator.fromRoads(data.roads, spacingMeters: spacingMeters, memoryBudget: memoryBudget)
        } else {
            guard let box = data.studyArea.bounds else { throw CoverageError.noCandidateInsideArea }
            sites = try CandidateSiteGenerator.grid(in: box, spacingMeters: spacingMeters, memoryBudget: memoryBudget, inside: { _ in true })
        }
        var pts = PlanarPointSet()
        for s in sites { pts.append(s.location) }
        // One point-in-ward pass: a generated site is in the study area exactly when it lies
        // in a ward (the study area is the wards' union).
        var wardOf = try PolygonIndex(data.boundaries.wards.map(\.geometry)).firstContaining(pts)
        let excluded = data.exclusions.isEmpty ? nil : try PreparedArea(MultiPolygon(data.exclusions)).contains(pts)
        var keep = [Bool](repeating: true, count: sites.count)
        for i in sites.indices {
            if generated, wardOf[i] == nil { keep[i] = false }
            if let excluded, excluded[i] { keep[i] = false }
        }
        if keep.contains(false) {
            sites = sites.indices.filter { keep[$0] }.map { sites[$0] }
            wardOf = wardOf.indices.filter { keep[$0] }.map { wardOf[$0] }
        }
        // Given sites outside every ward are kept (they can still watch demand inside), but
        // a layer with none inside (or everything excluded) is a mistake (wrong file or CRS).
        guard !sites.isEmpty else { throw CoverageError.noCandidateInsideArea }
        if !generated, data.inputs.wards != nil, !wardOf.contains(where: { $0 != nil }) {
            throw CoverageError.noCandidateInsideArea
        }
        return SiteSet(sites: sites, wardOfSite: wardOf)
    }
}
