import CGDAL

/// A NULL-terminated C string list (`char **`) built with `CSLAddString` and freed with
/// `CSLDestroy`, for GDAL open, creation and layer options.
final class GDALStringList {
    private(set) var pointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?

    init(_ items: [String]) {
        for s in items {
            // CSLAddString returns the (possibly reallocated) list; never NULL for a valid string.
            pointer = CSLAddString(pointer, s)
        }
    }

    /// The list as `const char *const *`, for APIs that take it read-only.
    var constPointer: UnsafePointer<UnsafePointer<CChar>?>? {
        UnsafeRawPointer(pointer)?.assumingMemoryBound(to: UnsafePointer<CChar>?.self)
    }

    deinit { CSLDestroy(pointer) }
}

/// Owner of a `GDALDatasetH` (closed with `GDALClose`, which also flushes writes).
final class GDALDatasetHandle {
    private(set) var handle: GDALDatasetH?

    init(owning handle: GDALDatasetH) { self.handle = handle }

    /// Closes (and flushes) now; safe to call twice.
    func close() {
        if let handle { GDALClose(handle) }
        handle = nil
    }

    deinit { close() }
}

/// Owner of an `OGRFeatureH` (destroyed with `OGR_F_Destroy`).
final class OGRFeatureHandle {
    let handle: OGRFeatureH
    init(owning handle: OGRFeatureH) { self.handle = handle }
    deinit { OGR_F_Destroy(handle) }
}

/// Owner of an `OGRSpatialReferenceH` (released with `OSRRelease`; reference counted).
final class OGRSpatialReferenceHandle {
    let handle: OGRSpatialReferenceH
    init(owning handle: OGRSpatialReferenceH) { self.handle = handle }
    deinit { OSRRelease(handle) }
}
