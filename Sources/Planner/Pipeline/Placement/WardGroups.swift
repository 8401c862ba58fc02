import Foundation
import GeoKit

/// The groups (districts) of a ward set, sorted by name, and the group of each ward.
struct WardGroups {
    let names: [String]
    /// Index into `names` of each ward's group.
    let ofWard: [Int]

    init(_ wards: [Ward]) {
        names = Array(Set(wards.map(\.group))).sorted()
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        // Every ward's group is in `names` (made from the same wards), so the fallback is
        // never taken.
        ofWard = wards.map { index[$0.group] ?? 0 }
    }

    /// The group index of `name`, or `nil` when no ward has it.
    func index(of name: String) -> Int? { names.firstIndex(of: name) }
}
