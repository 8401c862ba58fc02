import Foundation
import GeoKit

/// Geometry of a square or pointy-top hexagonal lattice (see ``CellShape``), and the
/// pure-Swift study-area intersection test.
struct LatticeGeometry {
    let shape: CellShape
    let size: Double
    let originX: Double
    let originY: Double
    let rows: Int
    let cols: Int
    /// Hexagon circumradius (0 for squares).
    let radius: Double

    static func hexRadius(_ s: Double) -> Double { s * (2.0 / (3.0 * 3.0.squareRoot())).squareRoot() }

    init(shape: CellShape, size s: Double, box: BoundingBox<PlanarPoint>) {
        self.shape = shape
        self.size = s
        switch shape {
        case .square:
            radius = 0
            originX = box.minX + s / 2
            originY = box.minY + s / 2
            cols = max(1, Int((box.width / s).rounded(.up)))
            rows = max(1, Int((box.height / s).rounded(.up)))
        case .hexagon:
            let r = Self.hexRadius(s)
            radius = r
            let w = 3.0.squareRoot() * r
            // Row 0 centred on the box's south edge and column 0 half a cell west of it, with
            // one extra row and column, so every point of the box lies in a lattice slot.
            originX = box.minX - w / 2
            originY = box.minY
            cols = Int((box.width / w).rounded(.up)) + 2
            rows = Int((box.height / (1.5 * r)).rounded(.up)) + 2
        }
    }

    func center(row r: Int, col c: Int) -> PlanarPoint {
        switch shape {
        case .square:
            return PlanarPoint(x: originX + Double(c) * size, y: originY + Double(r) * size)
        case .hexagon:
            let w = 3.0.squareRoot() * radius
            return PlanarPoint(x: originX + w * (Double(c) + 0.5 * Double(r & 1)), y: originY + 1.5 * radius * Double(r))
        }
    }

    /// Closed counter-clockwise ring of a cell.
    func vertices(row r: Int, col c: Int) -> [PlanarPoint] {
        let ctr = center(row: r, col: c)
        switch shape {
        case .square:
            let h = size / 2
            return [PlanarPoint(x: ctr.x - h, y: ctr.y - h), PlanarPoint(x: ctr.x + h, y: ctr.y - h),
                    PlanarPoint(x: ctr.x + h, y: ctr.y + h), PlanarPoint(x: ctr.x - h, y: ctr.y + h),
                    PlanarPoint(x: ctr.x - h, y: ctr.y - h)]
        case .hexagon:
            var ring: [PlanarPoint] = []
            for k in 0..<6 {
                let a = (30.0 + 60.0 * Double(k)) * Double.pi / 180
                ring.append(PlanarPoint(x: ctr.x + radius * cos(a), y: ctr.y + radius * sin(a)))
            }
            ring.append(ring[0])
            return ring
        }
    }

    /// Lattice (row, column) of the slot containing `(x, y)`; may be out of range.
    static func slot(shape: CellShape, size s: Double, originX: Double, originY: Double, x: Double, y: Double) -> (Int, Int) {
        switch shape {
        case .square:
            return (Int(((y - originY) / s + 0.5).rounded(.down)), Int(((x - originX) / s + 0.5).rounded(.down)))
        case .hexagon:
            // Axial coordinates of a pointy-top layout, cube rounding, then odd-r offset.
            let r = hexRadius(s)
            let px = x - originX, py = y - originY
            let q = (3.0.squareRoot() / 3 * px - py / 3) / r
            let rr = (2.0 / 3 * py) / r
            let cx = q, cz = rr, cy = -q - rr
            var rx = cx.rounded(), ry = cy.rounded(), rz = cz.rounded()
            let dx = abs(rx - cx), dy = abs(ry - cy), dz = abs(rz - cz)
            if dx > dy && dx > dz { rx = -ry - rz } else if dy > dz { ry = -rx - rz } else { rz = -rx - ry }
            let row = Int(rz), qa = Int(rx)
            return (row, qa + (row - (row & 1)) / 2)
        }
    }

    /// Marks slots whose cell meets a ring edge of `area` or whose centre is inside `area`.
    func markIntersecting(_ area: MultiPolygon<PlanarPoint>, into keep: inout [Bool]) {
        let halfW = shape == .square ? size / 2 : 3.0.squareRoot() * radius / 2
        let halfH = shape == .square ? size / 2 : radius
        let rowStep = shape == .square ? size : 1.5 * radius
        let colStep = shape == .square ? size : 3.0.squareRoot() * radius
        func rowRange(_ lo: Double, _ hi: Double) -> ClosedRange<Int>? {
            let r0 = max(0, Int(((lo - originY) / rowStep).rounded(.down))), r1 = min(rows - 1, Int(((hi - originY) / rowStep).rounded(.up)))
            return r0 <= r1 ? r0...r1 : nil
        }
        // 1. Cells crossed by a ring edge.
        for poly in area.polygons {
            for ring in [poly.exterior] + poly.holes where ring.count >= 2 {
                for k in 0..<(ring.count - 1) {
                    let a = ring[k], b = ring[k + 1]
                    guard let rr = rowRange(min(a.y, b.y) - halfH, max(a.y, b.y) + halfH) else { continue }
                    for r in rr {
                        let shift = shape == .hexagon ? 0.5 * Double(r & 1) * colStep : 0
                        let c0 = max(0, Int(((min(a.x, b.x) - halfW - originX - shift) / colStep).rounded(.down)))
                        let c1 = min(cols - 1, Int(((max(a.x, b.x) + halfW - originX - shift) / colStep).rounded(.up)))
                        guard c0 <= c1 else { continue }
                        for c in c0...c1 where !keep[r * cols + c] {
                            if PlanarGeometry.segmentMeetsConvex(a, b, cell: vertices(row: r, col: c)) { keep[r * cols + c] = true }
                        }
                    }
                }
            }
        }
        // 2. Cells whose centre is inside: even-odd scanline along each row's centre line.
        for poly in area.polygons {
            var crossings = [[Double]](repeating: [], count: rows)
            for ring in [poly.exterior] + poly.holes where ring.count >= 2 {
                for k in 0..<(ring.count - 1) {
                    let a = ring[k], b = ring[k + 1]
                    guard a.y != b.y, let rr = rowRange(min(a.y, b.y), max(a.y, b.y)) else { continue }
                    for r in rr {
                        let y = originY + Double(r) * rowStep
                        if (a.y > y) != (b.y > y) { crossings[r].append(a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y)) }
                    }
                }
            }
            for r in 0..<rows where crossings[r].count >= 2 {
                let xs = crossings[r].sorted()
                let shift = shape == .hexagon ? 0.5 * Double(r & 1) * colStep : 0
                var k = 0
                while k + 1 < xs.count {
                    let c0 = max(0, Int(((xs[k] - originX - shift) / colStep).rounded(.up)))
                    let c1 = min(cols - 1, Int(((xs[k + 1] - originX - shift) / colStep).rounded(.down)))
                    if c0 <= c1 { for c in c0...c1 { keep[r * cols + c] = true } }
                    k += 2
                }
            }
        }
    }
}
