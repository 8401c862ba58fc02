import GeoKit

/// The analysis units: lattice cells (fishnet or hexagons) over the study area, or
/// caller-supplied units such as ward polygons. Cells are whole cells (not clipped), their
/// centres are what neighbour distances are measured between.
///
/// Lattice cell ids are `r<row>c<col>` with zero-padded row and column counted from the
/// south-west corner of the study area's bounding box, so ids are stable for a given area
/// and cell size; cells are ordered by row, then column.
public struct CellGrid: Sendable, Equatable {
    /// Lattice parameters, `nil` for caller-supplied units.
    public struct Lattice: Sendable, Equatable {
        public let shape: CellShape
        public let cellSizeMeters: Double
        /// Centre of cell (row 0, column 0), metres.
        public let originX: Double
        public let originY: Double
        public let rowCount: Int
        public let columnCount: Int
    }

    public let ids: [String]
    /// Cell centres (unit centroids), metres in the working CRS.
    public let centers: PlanarPointSet
    /// Cell outlines (whole cells), metres in the working CRS.
    public let polygons: [MultiPolygon<PlanarPoint>]
    /// Area of each cell or unit, square metres.
    public let areasSquareMeters: [Double]
    public let lattice: Lattice?
    /// Lattice row and column per cell (empty for units).
    public let rows: [Int32]
    public let columns: [Int32]
    /// Lattice slot (row * columnCount + column) to cell index, -1 when the slot was dropped.
    let slotToCell: [Int32]

    public var count: Int { ids.count }

    /// Builds a lattice over `studyArea` keeping the cells that intersect it (zero-count
    /// cells are kept; cells outside are dropped).
    /// - Parameters:
    ///   - shape: square fishnet or pointy-top hexagons (see ``CellShape``).
    ///   - cellSizeMeters: square side (hexagons have the same area).
    ///   - studyArea: the wards, metres in the working CRS.
    ///   - intersects: optional exact test (e.g. a GEOS prepared-geometry `intersects`) for a
    ///     cell polygon. Without it a pure-Swift test is used: a cell is kept when a ring edge
    ///     of the area passes through it (which covers a ring vertex inside the cell and edge
    ///     crossings) or its centre is inside the area (which covers the cell inside the area).
    /// - Throws: ``HotSpotError/invalidParameter(name:value:expected:)`` for a bad size, an
    ///   empty area or a lattice above 50 million slots.
    /// - Complexity: O(slots + ring edges x cells they cross + rows x edges per row).
    public static func lattice(shape: CellShape, cellSizeMeters s: Double, studyArea: MultiPolygon<PlanarPoint>,
                               intersects: ((Polygon<PlanarPoint>) -> Bool)? = nil) throws -> CellGrid {
        guard s > 0, s.isFinite else {
            throw HotSpotError.invalidParameter(name: "cell size", value: "\(s)", expected: "a positive size in metres")
        }
        guard let box = studyArea.bounds else {
            throw HotSpotError.invalidParameter(name: "study area", value: "empty", expected: "at least one polygon")
        }
        let geo = LatticeGeometry(shape: shape, size: s, box: box)
        guard Double(geo.rows) * Double(geo.cols) <= 50_000_000 else {
            throw HotSpotError.invalidParameter(name: "cell size", value: "\(s) m", expected: "a size giving at most 50 million lattice slots over the study area")
        }
        var keep = [Bool](repeating: false, count: geo.rows * geo.cols)
        if let test = intersects {
            for r in 0..<geo.rows {
                for c in 0..<geo.cols {
                    let poly = Polygon(exterior: geo.vertices(row: r, col: c))
                    if let pb = poly.bounds, pb.intersects(box), test(poly) { keep[r * geo.cols + c] = true }
                }
            }
        } else {
            geo.markIntersecting(studyArea, into: &keep)
        }
        var ids: [String] = [], xs: [Double] = [], ys: [Double] = [], polys: [MultiPolygon<PlanarPoint>] = []
        var rowsOut: [Int32] = [], colsOut: [Int32] = []
        var slot = [Int32](repeating: -1, count: keep.count)
        let rw = max(4, String(geo.rows).count), cw = max(4, String(geo.cols).count)
        for r in 0..<geo.rows {
            for c in 0..<geo.cols where keep[r * geo.cols + c] {
                slot[r * geo.cols + c] = Int32(ids.count)
                ids.append("r" + Self.pad(r, rw) + "c" + Self.pad(c, cw))
                let ctr = geo.center(row: r, col: c)
                xs.append(ctr.x); ys.append(ctr.y)
                polys.append(MultiPolygon([Polygon(exterior: geo.vertices(row: r, col: c))]))
                rowsOut.append(Int32(r)); colsOut.append(Int32(c))
            }
        }
        let o = geo.center(row: 0, col: 0)
        return CellGrid(ids: ids, centers: PlanarPointSet(xs: xs, ys: ys), polygons: polys,
                        areasSquareMeters: Array(repeating: s * s, count: ids.count),
                        lattice: Lattice(shape: shape, cellSizeMeters: s, originX: o.x, originY: o.y, rowCount: geo.rows, columnCount: geo.cols),
                        rows: rowsOut, columns: colsOut, slotToCell: slot)
    }

    /// Caller-supplied units (e.g. ward polygons). Incidents are assigned to units by the
    /// caller (``IncidentTable/unitIndices``). Areas are computed with the shoelace formula
    /// (exterior minus holes) unless given.
    /// - Throws: ``HotSpotError/mismatchedLengths(field:expected:found:)``.
    public init(unitIDs: [String], polygons: [MultiPolygon<PlanarPoint>], centers: PlanarPointSet, areasSquareMeters: [Double]? = nil) throws {
        let n = unitIDs.count
        guard polygons.count == n else { throw HotSpotError.mismatchedLengths(field: "unit polygons", expected: n, found: polygons.count) }
        guard centers.count == n else { throw HotSpotError.mismatchedLengths(field: "unit centroids", expected: n, found: centers.count) }
        let areas = areasSquareMeters ?? polygons.map(PlanarGeometry.area)
        guard areas.count == n else { throw HotSpotError.mismatchedLengths(field: "unit areas", expected: n, found: areas.count) }
        self.init(ids: unitIDs, centers: centers, polygons: polygons, areasSquareMeters: areas, lattice: nil, rows: [], columns: [], slotToCell: [])
    }

    private init(ids: [String], centers: PlanarPointSet, polygons: [MultiPolygon<PlanarPoint>], areasSquareMeters: [Double],
                 lattice: Lattice?, rows: [Int32], columns: [Int32], slotToCell: [Int32]) {
        self.ids = ids
        self.centers = centers
        self.polygons = polygons
        self.areasSquareMeters = areasSquareMeters
        self.lattice = lattice
        self.rows = rows
        self.columns = columns
        self.slotToCell = slotToCell
    }

    private static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    /// The lattice cell containing `(x, y)`, `nil` outside the kept cells or for units. O(1).
    public func cellIndex(x: Double, y: Double) -> Int? {
        guard let l = lattice else { return nil }
        let (r, c) = LatticeGeometry.slot(shape: l.shape, size: l.cellSizeMeters, originX: l.originX, originY: l.originY, x: x, y: y)
        guard r >= 0, r < l.rowCount, c >= 0, c < l.columnCount else { return nil }
        let k = slotToCell[r * l.columnCount + c]
        return k < 0 ? nil : Int(k)
    }
}
