import Foundation
import GeoKit
import Testing
@testable import HotSpots

/// Issue 12 row 6: options that need more memory than the machine has are refused before
/// the allocation, with the estimate and what to change.
@Suite("Memory guard of the neighbour graph")
struct MemoryGuardTests {
    /// Centres of a square lattice, `side` × `side` cells of `cell` metres.
    func lattice(side: Int, cell: Double) -> PlanarPointSet {
        var xs: [Double] = [], ys: [Double] = []
        xs.reserveCapacity(side * side); ys.reserveCapacity(side * side)
        for r in 0 ..< side { for c in 0 ..< side { xs.append((Double(c) + 0.5) * cell); ys.append((Double(r) + 0.5) * cell) } }
        return PlanarPointSet(xs: xs, ys: ys)
    }

    @Test func theEstimateIsCloseToTheExactPairCount() throws {
        for (side, band) in [(120, 400.0), (80, 1500.0), (60, 90.0)] {
            let centers = lattice(side: side, cell: 100)
            let exact = Double(try NeighborGraph(centers: centers, bandMeters: band, memoryBudget: .unlimited).indices.count)
            let grid = PointGrid(xs: centers.xs, ys: centers.ys, cellSizeMeters: band)
            let estimate = NeighborGraph.estimatedPairs(grid: grid, xs: centers.xs, ys: centers.ys, bandMeters: band)
            #expect(abs(estimate - exact) <= 0.15 * exact, "side \(side), band \(band): estimate \(estimate), exact \(exact)")
        }
    }

    /// The row-6 cases on a lattice the size of Tiền Giang's study area (about 2,400 km²,
    /// 242,405 cells of 100 m): `--cell 100 --band 4000` and `--cell 50 --band 1000` need
    /// over a billion pairs; with an 8 GB budget both are refused before any pair is stored.
    @Test func row6CasesAreRefusedWithTheEstimateAndWhatToChange() throws {
        let budget = try MemoryBudget(parsing: "8GB")
        for (cell, band, side) in [(100.0, 4000.0, 492), (50.0, 1000.0, 984)] {
            let centers = lattice(side: side, cell: cell)
            do {
                _ = try NeighborGraph(centers: centers, bandMeters: band, memoryBudget: budget)
                Issue.record("cell \(cell) band \(band) was not refused")
            } catch let GeoError.overMemoryBudget(what, count, estimated, budgetBytes, change) {
                #expect(count > 1e9, "\(count)")
                #expect(estimated == count * NeighborGraph.peakBytesPerPair)
                #expect(budgetBytes == 8 * 1_073_741_824)
                #expect(what.contains("neighbour pairs"))
                #expect(change.contains("--cell") && change.contains("--band") && change.contains("--max-memory"))
                let message = GeoError.overMemoryBudget(what: what, count: count, estimatedBytes: estimated, budgetBytes: budgetBytes,
                                                        change: change).description
                #expect(message.contains("billion") && message.contains("GB") && message.contains("8.0 GB"), "\(message)")
            }
        }
        // The default analysis of the same area (500 m cells, 2 km band) fits easily.
        _ = try NeighborGraph(centers: lattice(side: 98, cell: 500), bandMeters: 2000, memoryBudget: budget)
    }

    @Test func budgetParsing() throws {
        #expect(try MemoryBudget(parsing: "8GB").bytes == 8 * 1_073_741_824)
        #expect(try MemoryBudget(parsing: "512m").bytes == 512 * 1_048_576)
        #expect(try MemoryBudget(parsing: "1.5 GiB").bytes == 1.5 * 1_073_741_824)
        #expect(try MemoryBudget(parsing: "2000").bytes == 2000)
        #expect(try MemoryBudget(parsing: "50%").bytes == Double(ProcessInfo.processInfo.physicalMemory) / 2)
        for bad in ["", "-1GB", "0", "lots", "150%", "nanGB", "8TB"] {
            #expect(throws: GeoError.self, "\(bad)") { try MemoryBudget(parsing: bad) }
        }
        #expect(MemoryBudget.machineDefault.bytes == Double(ProcessInfo.processInfo.physicalMemory) * MemoryBudget.defaultShare)
    }
}
