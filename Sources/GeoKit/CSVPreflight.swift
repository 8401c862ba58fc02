import CGDAL
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks a delimited text file before GDAL reads it, for the two faults GDAL passes over
/// silently:
///
/// - **Encoding.** GDAL hands CSV bytes through as they are; text in a legacy code page
///   (Windows-1258, latin-1) would come back as U+FFFD replacement characters, and
///   "trộm cắp tài sản" would then match nothing. A file that is not valid UTF-8 is refused
///   with the line of the first bad byte, unless an encoding is given: then it is converted
///   with iconv, normalised to NFC (Windows-1258 writes Vietnamese tone marks as combining
///   characters) and read from an in-memory copy.
/// - **Rows wider than the header.** GDAL drops the extra cells, so an unquoted decimal
///   comma (`106,36`) silently moves every later value one column on. A row with a non-empty
///   cell beyond the header is refused with its line (trailing empty cells are accepted).
enum CSVPreflight {
    /// Extensions GDAL's CSV driver opens (delimited text).
    static let extensions: Set<String> = ["csv", "tsv", "psv"]

    static func applies(to file: String) -> Bool {
        extensions.contains((file as NSString).pathExtension.lowercased())
    }

    /// The path GDAL should open for `file`: the file itself when it is valid UTF-8 (or
    /// `encoding` is UTF-8), else an in-memory UTF-8 copy converted from `encoding`.
    /// - Throws: ``GeoError/encoding(file:line:detail:)`` for invalid UTF-8 without an
    ///   encoding, ``GeoError/unreadable(file:reason:)`` for an encoding iconv does not know or
    ///   bytes that are not in it, ``GeoError/malformedTable(file:line:reason:)`` for a row
    ///   wider than the header.
    static func prepare(_ file: String, encoding: String?) throws(GeoError) -> PreparedCSV {
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            throw .unreadable(file: file, reason: error.localizedDescription)
        }
        let utf8Names: Set<String> = ["utf-8", "utf8"]
        if let encoding, !utf8Names.contains(encoding.lowercased()) {
            let text = try transcode(bytes, from: encoding, file: file)
            try checkFieldCounts(text, file: file)
            return try PreparedCSV(inMemory: text, for: file)
        }
        if let bad = firstInvalidUTF8(bytes) {
            let line = 1 + bytes[..<bad].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw .encoding(file: file, line: line, detail: String(format: "byte 0x%02X at offset %d", bytes[bad], bad))
        }
        try checkFieldCounts(bytes, file: file)
        return PreparedCSV(file: file)
    }

    /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence
    /// (overlong forms, surrogates and code points above U+10FFFF are ill-formed), or `nil`.
    static func firstInvalidUTF8(_ b: [UInt8]) -> Int? {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            guard (low...high).contains(b[i + 1]) else { return i }
            for k in 2 ..< length where !(0x80...0xBF).contains(b[i + k]) { return i }
            i += length
        }
        return nil
    }

    /// `bytes` converted from `encoding` to UTF-8 with iconv, in Unicode NFC.
    static func transcode(_ bytes: [UInt8], from encoding: String, file: String) throws(GeoError) -> [UInt8] {
        // (iconv_t)-1 = the conversion is not supported.
        let cd = iconv_open("UTF-8", encoding)
        guard let cd, cd != iconv_t(bitPattern: -1) else {
            throw .unreadable(file: file, reason: "unknown encoding '\(encoding)' (try windows-1258, cp1252, latin1 or utf-16; `iconv -l` lists them)")
        }
        defer { iconv_close(cd) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 4 + 16)
        let produced: Int
        let failedAt: Int?
        (produced, failedAt) = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr = inBuf.baseAddress, outPtr = outBuf.baseAddress
                var inLeft = inBuf.count, outLeft = outBuf.count
                // (size_t)-1 = error (errno EILSEQ/EINVAL: a byte not in the encoding, or a
                // truncated sequence at the end).
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                return (outBuf.count - outLeft, r == -1 ? inBuf.count - inLeft : nil)
            }
        }
        if let failedAt {
            let line = 1 + bytes[..<failedAt].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw .unreadable(file: file, reason: "line \(line): byte offset \(failedAt) is not valid \(encoding)")
        }
        let text = String(decoding: output[..<produced].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return Array(text.precomposedStringWithCanonicalMapping.utf8)
    }

    /// Refuses a row with a non-empty cell beyond the header's columns (quotes respected,
    /// also across lines). The separator is the one GDAL picks from the header: `;` or tab
    /// when the header has more of them than commas, else `,`.
    static func checkFieldCounts(_ b: [UInt8], file: String) throws(GeoError) {
        let comma = UInt8(ascii: ","), semicolon = UInt8(ascii: ";"), tab = UInt8(ascii: "\t")
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let headerEnd = b.firstIndex(of: newline) ?? b.count
        let header = b[..<headerEnd]
        let counts = [comma, semicolon, tab].map { s in header.reduce(0) { $0 + ($1 == s ? 1 : 0) } }
        let separator = counts[1] > counts[0] && counts[1] >= counts[2] ? semicolon : counts[2] > counts[0] ? tab : comma

        var line = 1, recordLine = 1
        var field = 0, headerFields = -1
        var inQuotes = false, cellHasText = false, extraText = false
        var firstBad: (line: Int, fields: Int)?
        var badRows = 0
        var i = 0
        func endRecord() {
            if headerFields < 0 {
                headerFields = field + 1
            } else if extraText {
                badRows += 1
                if firstBad == nil { firstBad = (recordLine, field + 1) }
            }
            field = 0
            extraText = false
            cellHasText = false
        }
        while i < b.count {
            let c = b[i]
            if inQuotes {
                if c == quote {
                    if i + 1 < b.count, b[i + 1] == quote { i += 2; continue }
                    inQuotes = false
                } else if c == newline {
                    line += 1
                }
                i += 1
                continue
            }
            switch c {
            case quote:
                inQuotes = true
                cellHasText = true
                if headerFields >= 0, field >= headerFields { extraText = true }
            case separator:
                field += 1
                cellHasText = false
            case newline:
                endRecord()
                line += 1
                recordLine = line
            case cr, UInt8(ascii: " "):
                break
            default:
                if !cellHasText { cellHasText = true }
                if headerFields >= 0, field >= headerFields { extraText = true }
            }
            i += 1
        }
        if field > 0 || cellHasText { endRecord() }
        guard let bad = firstBad else { return }
        let name = separator == comma ? "comma" : separator == semicolon ? "semicolon" : "tab"
        var reason = "\(bad.fields) cells where the header has \(headerFields) (\(badRows) such row\(badRows == 1 ? "" : "s")); GDAL would drop the extra cells and shift nothing back"
        if separator == comma {
            reason += "; a decimal comma in an unquoted number (e.g. 106,36) splits it in two: quote such values (\"106,36\"), write 106.36, or separate the fields with ';'"
        } else {
            reason += "; check for a stray \(name) inside a value (quote the value)"
        }
        throw .malformedTable(file: file, line: bad.line, reason: reason)
    }
}

/// What GDAL opens for a checked CSV: the file itself or an in-memory UTF-8 copy in
/// `/vsimem/` (with its `.prj` and `.csvt` sidecars), removed (`VSIUnlink`) when this
/// object goes away.
final class PreparedCSV {
    /// The path to give `GDALOpenEx`.
    let path: String
    private var memoryFiles: [String] = []
    private var buffers: [UnsafeMutablePointer<UInt8>] = []
    nonisolated(unsafe) private static var counter = 0
    private static let lock = NSLock()

    /// The file read in place.
    init(file: String) {
        path = file
    }

    /// A `/vsimem/` copy of `text` named like `file`, with the sidecars copied beside it.
    init(inMemory text: [UInt8], for file: String) throws(GeoError) {
        let n = Self.lock.withLock { () -> Int in Self.counter += 1; return Self.counter }
        let directory = "/vsimem/camplan-\(getpid())-\(n)"
        let base = (file as NSString).lastPathComponent
        path = "\(directory)/\(base)"
        try add(text, at: path, file: file)
        let stem = (file as NSString).deletingPathExtension
        for sidecar in ["prj", "csvt"] {
            let side = "\(stem).\(sidecar)"
            guard let data = FileManager.default.contents(atPath: side) else { continue }
            try add([UInt8](data), at: "\(directory)/\((side as NSString).lastPathComponent)", file: file)
        }
    }

    private func add(_ bytes: [UInt8], at memoryPath: String, file: String) throws(GeoError) {
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        buffer.initialize(from: bytes, count: bytes.count)
        // NULL = failure. FALSE = GDAL does not take the buffer: we free it after VSIUnlink.
        guard let handle = VSIFileFromMemBuffer(memoryPath, buffer, vsi_l_offset(bytes.count), 0) else {
            buffer.deallocate()
            throw .unreadable(file: file, reason: "cannot make the in-memory UTF-8 copy")
        }
        // 0 = success; the handle only registers the file.
        _ = VSIFCloseL(handle)
        memoryFiles.append(memoryPath)
        buffers.append(buffer)
    }

    deinit {
        // 0 = success; the buffers are ours (not owned by GDAL), freed after the unlink.
        for f in memoryFiles { _ = VSIUnlink(f) }
        for b in buffers { b.deallocate() }
    }
}
