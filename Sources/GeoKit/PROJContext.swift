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

    /// What PROJ said about the last call: the logged messages (deduplicated), else the
    /// errno text, with a hint when its database is missing.
    func message(_ call: String) -> String {
        defer { log.messages.removeAll() }
        let errno = proj_context_errno(handle)
        var parts = [String]()
        for m in log.messages {
            // PROJ prefixes messages with the function name, sometimes twice.
            var text = m
            while text.hasPrefix("\(call): ") { text.removeFirst(call.count + 2) }
            if !parts.contains(text) { parts.append(text) }
        }
        if parts.isEmpty, errno != 0, let s = proj_context_errno_string(handle, errno) { parts.append(String(cString: s)) }
        var text = parts.isEmpty ? "\(call) failed" : "\(call): \(parts.joined(separator: "; "))"
        if text.contains("proj.db") { text += " (install proj-data with scripts/bootstrap, or set PROJ_DATA)" }
        return text
    }

    /// The PROJ error for the last call (see ``message(_:)``).
    func error(_ call: String) -> GeoError {
        .projection(message(call))
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
