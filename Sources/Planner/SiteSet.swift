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
    public static func make(_ data: StudyData, spacingMeters: Double) throws -> SiteSet {
        let wards = data.boundaries.wards
        let index = try PolygonIndex(wards.map(\.geometry))
        var sites: [CandidateSite]
        if let given = data.candidateSites {
            sites = given
        } else {
            if !data.roads.isEmpty {
                sites = try CandidateSiteGenerator.fromRoads(data.roads, spacingMeters: spacingMeters)
            } else {
                guard let box = data.studyArea.bounds else { throw CoverageError.noCandidateInsideArea }
                sites = try CandidateSiteGenerator.grid(in: box, spacingMeters: spacingMeters, inside: { _ in true })
            }
            var pts = PlanarPointSet()
            for s in sites { pts.append(s.location) }
            let inside = try PreparedArea(data.studyArea).contains(pts)
            sites = zip(sites, inside).filter(\.1).map(\.0)
            guard !sites.isEmpty else { throw CoverageError.noCandidateInsideArea }
        }
        if !data.exclusions.isEmpty {
            var all = PlanarPointSet()
            for s in sites { all.append(s.location) }
            let excluded = try PreparedArea(MultiPolygon(data.exclusions)).contains(all)
            sites = zip(sites, excluded).filter { !$0.1 }.map(\.0)
            guard !sites.isEmpty else { throw CoverageError.noCandidateInsideArea }
        }
        var pts = PlanarPointSet()
        for s in sites { pts.append(s.location) }
        let wardOf = try index.firstContaining(pts)
        // Given sites outside every ward are kept (they can still watch demand inside), but
        // a layer with none inside is a mistake (wrong file or CRS).
        if data.candidateSites != nil, data.inputs.wards != nil, !wardOf.contains(where: { $0 != nil }) {
            throw CoverageError.noCandidateInsideArea
        }
        return SiteSet(sites: sites, wardOfSite: wardOf)
    }
}
