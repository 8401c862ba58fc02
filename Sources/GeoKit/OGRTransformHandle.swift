import CGDAL

/// Owns an OGR coordinate transformation (`OCTNewCoordinateTransformation`), destroyed with
/// `OCTDestroyCoordinateTransformation`. Used by ``VectorWriter`` to write layers in a CRS
/// other than WGS 84 (`--out-crs`).
final class OGRTransformHandle {
    let handle: OGRCoordinateTransformationH

    /// - Throws: what `fail` makes of GDAL's message when PROJ cannot build the transform.
    init(from source: OGRSpatialReferenceHandle, to target: OGRSpatialReferenceHandle,
         _ fail: (String) -> GeoError) throws(GeoError) {
        // NULL = no transformation between the two systems; the result is ours.
        guard let h = OCTNewCoordinateTransformation(source.handle, target.handle) else {
            throw fail("no coordinate transformation to the output CRS")
        }
        handle = h
    }

    deinit { OCTDestroyCoordinateTransformation(handle) }
}
