import Foundation

/// The administrative kind of a ward-level unit in Vietnam.
public enum WardType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Urban ward.
    case phuong = "phường"
    /// Rural commune.
    case xa = "xã"
    /// Township (before 2025).
    case thiTran = "thị trấn"
    /// Not recognised.
    case other

    /// Recognises "phường", "Phường Đạo Thạnh", "xa", "Xã Tân Phú", "thị trấn", ... with or
    /// without diacritics; `nil` when the text names none of them.
    public init?(recognizing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        let plain = t.folding(options: [.diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "đ", with: "d")
        if t.hasPrefix("phường") || plain.hasPrefix("phuong") { self = .phuong }
        else if t.hasPrefix("thị trấn") || plain.hasPrefix("thi tran") { self = .thiTran }
        else if t == "xã" || t.hasPrefix("xã ") || plain == "xa" || plain.hasPrefix("xa ") { self = .xa }
        else { return nil }
    }
}
