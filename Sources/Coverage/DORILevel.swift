/// The DORI levels of EN 62676-4 / IEC 62676-4:2014 (Detect, Observe, Recognise, Identify)
/// with their pixel-density thresholds, plus the 2025 edition's stricter identification.
public enum DORILevel: String, Sendable, Hashable, CaseIterable {
    /// 25 px/m: a person can be detected.
    case detect
    /// 62.5 px/m: characteristic details (clothing) can be observed.
    case observe
    /// 125 px/m: a known person can be recognised.
    case recognize
    /// 250 px/m: a person can be identified (IEC 62676-4:2014).
    case identify
    /// 500 px/m: identification as moved by IEC 62676-4:2025.
    case identify2025 = "identify-2025"

    /// Required horizontal pixel density at the target, pixels per metre.
    public var pixelsPerMeter: Double {
        switch self {
        case .detect: 25
        case .observe: 62.5
        case .recognize: 125
        case .identify: 250
        case .identify2025: 500
        }
    }
}
