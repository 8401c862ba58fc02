import CGEOS

/// Owner of one reentrant GEOS context (`GEOSContextHandle_t`) and of the last error message
/// GEOS reported on it. GEOS objects are not thread-safe: a context, and every geometry made
/// with it, belongs to one owner; parallel work makes its own contexts.
///
/// Wraps `GEOS_init_r`, `GEOSContext_setErrorMessageHandler_r` and `GEOS_finish_r`.
final class GEOSContext {
    /// The C handle; valid for the lifetime of this object.
    let handle: GEOSContextHandle_t
    /// Messages GEOS sent to the error handler since the last `takeError()`.
    private let messages: MessageBox

    /// Collects messages from the C callback (passed as the handler's user data).
    final class MessageBox {
        var last: String?
    }

    init() throws(GeoError) {
        // GEOS_init_r returns NULL on allocation failure.
        guard let h = GEOS_init_r() else { throw .geometry("GEOS_init_r failed") }
        handle = h
        messages = MessageBox()
        // The box outlives the handler: it is released only after GEOS_finish_r in deinit.
        let userData = Unmanaged.passUnretained(messages).toOpaque()
        _ = GEOSContext_setErrorMessageHandler_r(h, { message, userData in
            guard let message, let userData else { return }
            let box = Unmanaged<GEOSContext.MessageBox>.fromOpaque(userData).takeUnretainedValue()
            box.last = String(cString: message)
        }, userData)
    }

    deinit {
        GEOS_finish_r(handle)
    }

    /// The last GEOS error message (cleared), or `fallback` when GEOS said nothing.
    func takeError(_ fallback: String) -> String {
        defer { messages.last = nil }
        if let m = messages.last { return "\(fallback): \(m)" }
        return fallback
    }

    /// A GeoError for a failed call named `call`.
    func error(_ call: String) -> GeoError {
        .geometry(takeError("\(call) failed"))
    }
}

/// Owner of one `GEOSGeometry` made on `context`; `deinit` calls `GEOSGeom_destroy_r`
/// unless ownership was handed to GEOS with ``release()``. Keeps its context alive, so a
/// geometry never outlives the context that made it.
final class GEOSGeometryHandle {
    let context: GEOSContext
    private var owned: OpaquePointer?

    /// Takes ownership of `pointer` (the caller must not destroy it).
    init(context: GEOSContext, owning pointer: OpaquePointer) {
        self.context = context
        self.owned = pointer
    }

    /// The geometry; valid while this handle is alive and not released.
    var pointer: OpaquePointer {
        // Invariant: only `release()` clears `owned`, and released handles are never read.
        guard let owned else { preconditionFailure("GEOS geometry used after release") }
        return owned
    }

    /// Gives up ownership when a GEOS call takes the geometry over (a ring into a polygon, a
    /// polygon into a collection). The handle must not be used afterwards.
    func release() -> OpaquePointer {
        let p = pointer
        owned = nil
        return p
    }

    deinit {
        if let owned { GEOSGeom_destroy_r(context.handle, owned) }
    }
}
