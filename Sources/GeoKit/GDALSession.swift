import CGDAL
import Foundation

/// One GDAL operation's environment: drivers registered once, a thread-local error handler
/// (`CPLPushErrorHandlerEx` / `CPLPopErrorHandler`) that turns GDAL's messages into
/// ``GeoError`` text instead of stderr noise, and thread-local config options restored at
/// the end. Create one per read or write, on the thread doing it; call ``close()`` when done
/// (deinit closes as a fallback).
final class GDALSession {
    /// `GDALAllRegister` once per process (thread-safe lazy static initialisation).
    private static let registration: Bool = {
        GDALAllRegister()
        return true
    }()

    /// Messages captured by the handler (failures and warnings).
    final class MessageBox {
        var failures: [String] = []
        var warnings: [String] = []
    }

    private let box = MessageBox()
    private var configKeys: [String] = []
    private var open = true

    init(config: [String: String] = [:]) {
        _ = GDALSession.registration
        // The handler stays pushed until close(); the box outlives it (owned by self).
        CPLPushErrorHandlerEx({ errClass, _, message in
            // CPLGetErrorHandlerUserData returns the pointer given at push time.
            guard let raw = CPLGetErrorHandlerUserData() else { return }
            let box = Unmanaged<GDALSession.MessageBox>.fromOpaque(raw).takeUnretainedValue()
            let text = message.map { String(cString: $0) } ?? "unknown GDAL error"
            if errClass == CE_Failure || errClass == CE_Fatal {
                box.failures.append(text)
            } else if errClass == CE_Warning {
                box.warnings.append(text)
            }
        }, Unmanaged.passUnretained(box).toOpaque())
        for (k, v) in config.sorted(by: { $0.key < $1.key }) {
            CPLSetThreadLocalConfigOption(k, v)
            configKeys.append(k)
        }
    }

    /// Pops the error handler and restores the config options.
    func close() {
        guard open else { return }
        open = false
        for k in configKeys { CPLSetThreadLocalConfigOption(k, nil) }
        CPLPopErrorHandler()
    }

    deinit { close() }

    /// The failures GDAL reported so far (cleared), joined; `fallback` when there were none.
    func takeFailure(_ fallback: String) -> String {
        defer { box.failures.removeAll() }
        return box.failures.isEmpty ? fallback : box.failures.joined(separator: "; ")
    }

    var hasFailures: Bool { !box.failures.isEmpty }
    var warnings: [String] { box.warnings }
}

