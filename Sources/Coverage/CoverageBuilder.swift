import Dispatch
import Foundation
import GeoKit
import Optimizer

/// Turns candidate sites, camera types, headings, installed cameras and obstacles into the
/// sparse coverage matrix the optimizer consumes (the geometry adapter of the spopt
/// numeric-core split: the optimizer never sees a polygon).
///
/// Facilities, in this order: for each candidate site (input order), for each camera
/// (input order), for each heading (`0, 360/k, 2·360/k, …` plus the offset) — a 360° camera
/// takes one facility with heading 0; then one facility per installed camera, flagged fixed.
///
/// Building: the demand points go into a uniform grid; for each site the points within the
/// largest range are gathered once (distance, bearing, and one sight-line test against the
/// obstacle edges near the site), sorted by demand index, then filtered per camera and
/// heading by range and sector. O(S·(c + q·E_s + F·q)) for S sites, q points near a site,
/// E_s edges near it and F facilities per site; never a dense distance matrix. Sites are
/// split into chunks run with `DispatchQueue.concurrentPerform`; the result does not depend
/// on the number of threads.
public struct CoverageBuilder: Sendable {
    public let sites: [CandidateSite]
    public let cameras: [CameraSpec]
    /// Headings tried for fixed cameras, degrees clockwise from north.
    public let headingsDegrees: [Double]
    public let existing: [ExistingCamera]
    public let obstacles: ObstacleIndex?
    /// Whether a demand point's own building hides it (only with obstacles).
    public let interiorDemand: InteriorDemandRule

    /// - Parameters:
    ///   - headingCount: k headings `360/k` apart for every fixed (non-360°) camera.
    ///   - headingOffsetDegrees: the first heading (0 = north).
    ///   - interiorDemand: how demand inside a building footprint is treated.
    /// - Throws: ``CoverageError/noCameraTypes``, ``CoverageError/invalidHeadingCount(_:)``,
    ///   ``CoverageError/noCandidateInsideArea`` when `sites` is empty.
    public init(sites: [CandidateSite], cameras: [CameraSpec], headingCount: Int = 8,
                headingOffsetDegrees: Double = 0, existing: [ExistingCamera] = [],
                obstacles: ObstacleIndex? = nil, interiorDemand: InteriorDemandRule = .seenThroughOwnWalls) throws {
        guard !cameras.isEmpty else { throw CoverageError.noCameraTypes }
        guard headingCount >= 1 else { throw CoverageError.invalidHeadingCount(headingCount) }
        guard !sites.isEmpty else { throw CoverageError.noCandidateInsideArea }
        for c in cameras + existing.map(\.camera) {
            guard c.rangeMeters.isFinite, c.rangeMeters > 0 else { throw CoverageError.invalidRadius(c.rangeMeters) }
            guard c.fovDegrees > 0, c.fovDegrees <= 360 else { throw CoverageError.fovOutOfRange(typeId: c.typeId, value: c.fovDegrees) }
            guard c.costMillionVND.isFinite, c.costMillionVND >= 0 else {
                throw CoverageError.negativeCost(typeId: c.typeId, value: c.costMillionVND)
            }
        }
        self.sites = sites
        self.cameras = cameras
        self.headingsDegrees = (0 ..< headingCount).map {
            Footprint.normalizedDegrees(headingOffsetDegrees + Double($0) * 360 / Double(headingCount))
        }
        self.existing = existing
        self.obstacles = obstacles
        self.interiorDemand = interiorDemand
    }

    /// (camera index, heading) of each facility at one candidate site, in facility order. A
    /// PTZ with presets takes one facility per distinct tour start (the headings modulo the
    /// preset spacing).
    var template: [(camera: Int, heading: Double)] {
        var t: [(camera: Int, heading: Double)] = []
        for (c, cam) in cameras.enumerated() {
            if let p = cam.presets {
                for h in p.startHeadings(among: headingsDegrees) { t.append((c, h)) }
            } else if cam.is360 {
                t.append((c, 0))
            } else {
                for h in headingsDegrees { t.append((c, h)) }
            }
        }
        return t
    }

    /// Whether some camera (new or installed) is a PTZ with presets, so that coverage is
    /// graded (``CoverageBuildResult/credits``).
    public var isGraded: Bool { (cameras + existing.map(\.camera)).contains { $0.presets != nil } }

    /// Number of facilities: candidate sites × facilities per site + installed cameras.
    public var facilityCount: Int { sites.count * template.count + existing.count }

    /// All sites of the result: the candidates, then the sites of the installed cameras.
    public var allSites: [CandidateSite] { sites + existing.map(\.site) }

    /// The facility metadata, without coverage (cheap).
    public func facilityTable() -> FacilityTable {
        var table = FacilityTable()
        let t = template
        for (s, site) in sites.enumerated() {
            for f in t { table.append(site: s, siteId: site.id, camera: cameras[f.camera], heading: f.heading, fixed: false) }
        }
        for (e, cam) in existing.enumerated() {
            table.append(site: sites.count + e, siteId: cam.site.id, camera: cam.camera,
                         heading: Footprint.normalizedDegrees(cam.headingDegrees), fixed: true)
        }
        return table
    }

    /// Builds the coverage matrix for `demand`. Points with identical coverage sets are not
    /// merged here: the solver does that once (``MergedDemand``).
    /// - Parameters:
    ///   - chunkSize: sites per parallel work item.
    ///   - memoryBudget: facilities and coverage non-zeros are estimated first and the build
    ///     is refused when they would need more than this.
    /// - Throws: ``GeoError/overMemoryBudget(what:count:estimatedBytes:budgetBytes:change:)``;
    ///   ``OptimizerError`` only if the CSR arrays were malformed (an internal bug).
    public func build(demand: DemandSet, chunkSize: Int = 256,
                      memoryBudget: MemoryBudget = .machineDefault) throws -> CoverageBuildResult {
        let t = template
        let change = "use fewer --headings or camera types, a larger --site-spacing or fewer candidate sites (or raise --max-memory)"
        try memoryBudget.require("facilities (\(sites.count) sites × \(t.count) camera type-heading pairs)",
                                 count: Double(facilityCount), bytesEach: Self.peakBytesPerFacility, change: change)
        let specRanges = cameras.map(\.rangeMeters)
        let maxRange = (specRanges + existing.map(\.camera.rangeMeters)).max() ?? 0
        let grid = PointGrid(points: demand.points, cellSizeMeters: max(1, maxRange / 2))
        let hostBySlot = transparentBuildings(grid: grid)
        let siteRange = specRanges.max() ?? 0
        let graded = isGraded
        let context = SiteContext(grid: grid, hostBySlot: hostBySlot, obstacles: obstacles, cameras: cameras, graded: graded)
        let sites = self.sites
        try memoryBudget.require("coverage non-zeros (demand points seen by \(facilityCount) facilities)",
                                 count: Self.estimatedNonZeros(sites: sites, template: t, context: context, radius: siteRange),
                                 bytesEach: Self.peakBytesPerNonZero, change: change)
        let chunk = max(1, chunkSize)
        let chunkCount = (sites.count + chunk - 1) / chunk
        let store = ChunkStore(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { c in
            var out = ChunkResult()
            var scratch = Scratch()
            for s in c * chunk ..< min(sites.count, (c + 1) * chunk) {
                context.cover(site: sites[s].location, radius: siteRange, facilities: t, into: &out, scratch: &scratch)
            }
            store.set(c, out)
        }
        var offsets = [0]
        offsets.reserveCapacity(facilityCount + 1)
        var indices: [Int32] = []
        var credits: [Float] = []
        indices.reserveCapacity(store.results.reduce(0) { $0 + ($1?.indices.count ?? 0) })
        for r in store.results {
            guard let r else { continue }
            let base = indices.count
            indices.append(contentsOf: r.indices)
            credits.append(contentsOf: r.credits)
            for o in r.ends { offsets.append(base + o) }
        }
        var tail = ChunkResult()
        var scratch = Scratch()
        let existingContext = SiteContext(grid: grid, hostBySlot: hostBySlot, obstacles: obstacles,
                                          cameras: existing.map(\.camera), graded: graded)
        for (e, cam) in existing.enumerated() {
            existingContext.cover(site: cam.site.location, radius: cam.camera.rangeMeters,
                                  facilities: [(e, Footprint.normalizedDegrees(cam.headingDegrees))],
                                  into: &tail, scratch: &scratch)
        }
        let base = indices.count
        indices.append(contentsOf: tail.indices)
        credits.append(contentsOf: tail.credits)
        for o in tail.ends { offsets.append(base + o) }

        let matrix = try CoverageMatrix(demandCount: demand.count, offsets: offsets, indices: indices)
        return CoverageBuildResult(sites: allSites, facilities: facilityTable(), matrix: matrix, demand: demand,
                                   credits: graded ? credits : nil)
    }

    /// Peak bytes per facility: its ``FacilityTable`` row (two strings, five numbers, about
    /// 70 bytes), a CSR offset, and the optimizer's per-facility scores and bounds.
    public static let peakBytesPerFacility = 160.0
    /// Peak bytes per coverage non-zero: the `Int32` index in the chunk results and again in
    /// the assembled matrix, plus the optimizer's per-non-zero state.
    public static let peakBytesPerNonZero = 16.0

    /// Coverage non-zeros estimated from an exact count at up to 64 evenly spread sites,
    /// scaled to all sites.
    static func estimatedNonZeros(sites: [CandidateSite], template: [(camera: Int, heading: Double)], context: SiteContext,
                                  radius: Double) -> Double {
        guard !sites.isEmpty else { return 0 }
        let samples = min(sites.count, 64)
        var out = ChunkResult()
        var scratch = Scratch()
        for k in 0 ..< samples {
            context.cover(site: sites[k * sites.count / samples].location, radius: radius, facilities: template, into: &out, scratch: &scratch)
        }
        return Double(out.indices.count) / Double(samples) * Double(sites.count)
    }

    /// For each grid slot, the building whose walls do not hide that demand point (-1: none).
    /// Empty without obstacles or under ``InteriorDemandRule/hidden``. Runs in parallel.
    func transparentBuildings(grid: PointGrid) -> [Int32] {
        guard let obstacles, interiorDemand == .seenThroughOwnWalls, obstacles.edgeCount > 0 else { return [] }
        let n = grid.ids.count
        let chunk = 4096
        let chunkCount = (n + chunk - 1) / chunk
        let store = SlotStore(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { c in
            var part: [Int32] = []
            for s in c * chunk ..< min(n, (c + 1) * chunk) {
                part.append(Int32(obstacles.hostBuilding(ofDemand: PlanarPoint(x: grid.xs[s], y: grid.ys[s]))))
            }
            store.set(c, part)
        }
        return store.results.flatMap { $0 }
    }

    /// The building whose walls do not hide demand point `p` under this builder's rule (-1: none).
    public func transparentBuilding(forDemand p: PlanarPoint) -> Int {
        guard let obstacles, interiorDemand == .seenThroughOwnWalls else { return -1 }
        return obstacles.hostBuilding(ofDemand: p)
    }

    /// The camera spec of facility `j`.
    func camera(ofFacility j: Int) -> CameraSpec {
        let perSite = template.count
        if j >= sites.count * perSite { return existing[j - sites.count * perSite].camera }
        return cameras[template[j % perSite].camera]
    }

    /// The footprint of facility `j` of a result built by this builder (for a PTZ with
    /// presets, its first preset; ``views(of:in:)`` gives them all).
    public func footprint(of j: Int, in result: CoverageBuildResult) -> Footprint {
        views(of: j, in: result).footprints[0]
    }

    /// What facility `j` watches: its footprint, or a PTZ's preset footprints and shares.
    public func views(of j: Int, in result: CoverageBuildResult) -> CameraViews {
        CameraViews(site: result.sites[Int(result.facilities.siteIndex[j])].location,
                    headingDegrees: result.facilities.headingDegrees[j], camera: camera(ofFacility: j), obstacles: obstacles)
    }

    /// The plan `facilities` as one watched area, judged with this builder's obstacles and
    /// interior-demand rule.
    public func union(of facilities: [Int], in result: CoverageBuildResult) -> FootprintUnion {
        FootprintUnion(cameras: facilities.map { views(of: $0, in: result) }, obstacles: obstacles, interiorDemand: interiorDemand)
    }

    /// Footprint polygons (metres, working CRS) of the facilities `selected`, for
    /// `coverage.geojson`; arcs as chords at most `maxArcStepDegrees` apart.
    public func footprintPolygons(for selected: [Int], in result: CoverageBuildResult,
                                  maxArcStepDegrees: Double = 2) -> [Polygon<PlanarPoint>] {
        selected.map { footprint(of: $0, in: result).polygon(maxArcStepDegrees: maxArcStepDegrees) }
    }
}

/// What one build produced.
public struct CoverageBuildResult: Sendable {
    /// Candidate sites, then the sites of installed cameras; ``FacilityTable/siteIndex`` points here.
    public let sites: [CandidateSite]
    /// Facility metadata aligned with the matrix rows.
    public let facilities: FacilityTable
    /// Coverage over the original demand points (CSR by facility, sorted, no repeats).
    public let matrix: CoverageMatrix
    /// The demand the matrix indexes.
    public let demand: DemandSet
    /// Graded coverage (a PTZ with presets among the cameras): the credit in (0, 1] of each
    /// entry of `matrix.indices`, the share of time the facility watches that point; `nil`
    /// when every entry is a full 1. ``GradedCoverage`` turns it into a 0/1 problem.
    public let credits: [Float]?
}

/// Per-chunk output: facility lists concatenated, `ends[f]` = end of facility f in `indices`.
struct ChunkResult: Sendable {
    var indices: [Int32] = []
    /// Credit of each entry of `indices` (graded coverage only).
    var credits: [Float] = []
    var ends: [Int] = []
}

/// Results of the parallel chunks. Each slot is written once, under the lock, by the
/// work item that owns it, and read after `concurrentPerform` returns; the lock makes every
/// access exclusive, so the class is safe to share although the compiler cannot prove it.
final class ChunkStore: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [ChunkResult?]

    init(count: Int) { storage = [ChunkResult?](repeating: nil, count: count) }

    func set(_ i: Int, _ r: ChunkResult) {
        lock.lock(); defer { lock.unlock() }
        storage[i] = r
    }

    var results: [ChunkResult?] {
        lock.lock(); defer { lock.unlock() }
        return storage
    }
}

/// Per-chunk host buildings of demand slots; same discipline as ``ChunkStore``.
final class SlotStore: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [[Int32]]

    init(count: Int) { storage = [[Int32]](repeating: [], count: count) }

    func set(_ i: Int, _ r: [Int32]) {
        lock.lock(); defer { lock.unlock() }
        storage[i] = r
    }

    var results: [[Int32]] {
        lock.lock(); defer { lock.unlock() }
        return storage
    }
}

/// Reusable per-thread buffers for the points near one site.
struct Scratch {
    var id: [Int32] = []
    var d2: [Double] = []
    var bearing: [Double] = []
    var order: [Int] = []
}

/// The read-only data a worker needs to cover one site.
struct SiteContext: Sendable {
    let grid: PointGrid
    /// Per grid slot, the building transparent to that point (-1), or empty.
    let hostBySlot: [Int32]
    let obstacles: ObstacleIndex?
    let cameras: [CameraSpec]
    /// Write a credit per entry (some camera has PTZ presets).
    let graded: Bool

    /// Appends, for each facility (camera, heading) at `site`, the sorted demand ids it covers.
    func cover(site: PlanarPoint, radius: Double, facilities: [(camera: Int, heading: Double)],
               into out: inout ChunkResult, scratch: inout Scratch) {
        let sx = site.x, sy = site.y
        let r2 = radius * radius
        let edges = obstacles?.edges(visibleFrom: site, rangeMeters: radius) ?? ObstacleEdges()
        let occluded = edges.count > 0
        scratch.id.removeAll(keepingCapacity: true)
        scratch.d2.removeAll(keepingCapacity: true)
        scratch.bearing.removeAll(keepingCapacity: true)
        grid.forEachSlot(near: sx, sy, radius: radius) { s in
            let dx = grid.xs[s] - sx, dy = grid.ys[s] - sy
            let d2 = dx * dx + dy * dy
            guard d2 <= r2 else { return }
            if occluded && d2 > 0
                && edges.blocks(sx, sy, grid.xs[s], grid.ys[s], transparent: hostBySlot.isEmpty ? -1 : hostBySlot[s]) {
                return
            }
            scratch.id.append(grid.ids[s])
            scratch.d2.append(d2)
            scratch.bearing.append(d2 > 0 ? Footprint.bearingDegrees(dx, dy) : 0)
        }
        let n = scratch.id.count
        scratch.order.removeAll(keepingCapacity: true)
        scratch.order.append(contentsOf: 0 ..< n)
        let ids = scratch.id
        scratch.order.sort { ids[$0] < ids[$1] }
        for f in facilities {
            let cam = cameras[f.camera]
            let rr = cam.rangeMeters * cam.rangeMeters
            if let p = cam.presets {
                for k in scratch.order where scratch.d2[k] <= rr {
                    let c = p.credit(bearingDegrees: scratch.bearing[k], distanceSquared: scratch.d2[k], headingDegrees: f.heading)
                    if c > 0 {
                        out.indices.append(ids[k])
                        out.credits.append(Float(c))
                    }
                }
                out.ends.append(out.indices.count)
                continue
            }
            let half = cam.fovDegrees / 2
            let disc = cam.is360 || cam.fovDegrees >= 360
            for k in scratch.order where scratch.d2[k] <= rr {
                if disc || scratch.d2[k] == 0
                    || Footprint.withinSector(bearing: scratch.bearing[k], heading: f.heading, halfFovDegrees: half) {
                    out.indices.append(ids[k])
                    if graded { out.credits.append(1) }
                }
            }
            out.ends.append(out.indices.count)
        }
    }
}
