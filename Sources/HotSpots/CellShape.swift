/// Shape of the analysis lattice.
///
/// - square: a fishnet of squares of side `cellSizeMeters`, rows from south to north.
/// - hexagon: pointy-top hexagons (a vertex at north and south, rows offset by half a cell,
///   "odd-r" layout) of the same area as the square, so that switching shape keeps the cell
///   area: circumradius `R = cellSizeMeters * sqrt(2 / (3 sqrt 3))`, centres `sqrt 3 R` apart
///   in a row and rows `1.5 R` apart.
public enum CellShape: String, Sendable, CaseIterable {
    case square
    case hexagon
}
