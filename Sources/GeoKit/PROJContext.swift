import CPROJ

/// Owner of one `PJ_CONTEXT` (wraps `proj_context_create` / `proj_context_destroy`) with
/// the messages PROJ logged on it, captured through `proj_log_func` because
/// `proj_context_errno_string` alone often says only "Unknown error".
final class PROJContext {
    let handle: OpaquePointer
    private let log: LogBox

    final class LogBox {
        var messages: [String] = []
    }

    init() throws(GeoError) {
        // NULL = allocation failure.
        guard let c = proj_context_create() else { throw .projection("proj_context_create failed") }
        handle = c
        log = LogBox()
        // The box lives as long as the context (released after proj_context_destroy).
        proj_log_func(c, Unmanaged.passUnretained(log).toOpaque()) { userData, level, message in
            guard let userData, let message else { return }
            let box = Unmanaged<PROJContext.LogBox>.fromOpaque(userData).takeUnretainedValue()
            box.messages.append(String(cString: message))
        }
    }

    deinit {
        proj_context_destroy(handle)
    }

    /// The PROJ error for the last call: the logged messages, else the errno text.
    func error(_ call: String) -> GeoError {
        defer { log.messages.removeAll() }
        let errno = proj_context_errno(handle)
        var parts = [String]()
        if !log.messages.isEmpty { parts.append(log.messages.joined(separator: "; ")) }
        if errno != 0, let s = proj_context_errno_string(handle, errno) { parts.append(String(cString: s)) }
        return .projection(parts.isEmpty ? "\(call) failed" : "\(call): \(parts.joined(separator: "; "))")
    }
}

/// Owner of one `PJ` object made on a ``PROJContext`` (destroyed with `proj_destroy`). Holds
/// its context strongly, so the object is always destroyed before its context.
final class PROJObject {
    let context: PROJContext
    let pointer: OpaquePointer

    /// Takes ownership of `pointer`.
    init(context: PROJContext, owning pointer: OpaquePointer) {
        self.context = context
        self.pointer = pointer
    }

    deinit {
        proj_destroy(pointer)
    }
}
