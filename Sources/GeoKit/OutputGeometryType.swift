/// The geometry type of a layer to write.
public enum OutputGeometryType: String, Sendable, Hashable, CaseIterable {
    case none, point, multiPoint, lineString, multiLineString, polygon, multiPolygon
}
