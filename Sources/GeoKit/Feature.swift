import Foundation

/// A typed attribute value, as OGR field types map to it. GeoJSON properties stay flat and
/// typed: integers stay integers, reals stay reals, and `null` is explicit.
public enum FieldValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case string(String)
    case bool(Bool)

    public var doubleValue: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .real(let d): d
        case .string(let s): Double(s.trimmingCharacters(in: .whitespaces))
        case .bool(let b): b ? 1 : 0
        case .null: nil
        }
    }

    /// The value when it is stored as a number (integer or real); `nil` otherwise.
    public var number: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .real(let d): d
        default: nil
        }
    }

    public var stringValue: String? {
        switch self {
        case .integer(let i): String(i)
        case .real(let d): String(d)
        case .string(let s): s
        case .bool(let b): b ? "true" : "false"
        case .null: nil
        }
    }
}

/// The type of an attribute column when writing a layer.
public enum FieldType: String, Sendable, Hashable {
    case integer, real, string, bool
}

/// One column of a layer's schema.
public struct FieldDefinition: Sendable, Hashable {
    public var name: String
    public var type: FieldType
    public init(_ name: String, _ type: FieldType) {
        self.name = name
        self.type = type
    }
}

/// A geometry with ordered attributes, in the frame of `C`.
public struct Feature<C: Coordinate>: Sendable, Hashable {
    /// The feature's position in its source layer (0-based), for messages that name a row.
    public var index: Int
    public var geometry: Geometry<C>?
    /// Attribute values by field name.
    public var attributes: [String: FieldValue]

    public init(index: Int, geometry: Geometry<C>?, attributes: [String: FieldValue]) {
        self.index = index
        self.geometry = geometry
        self.attributes = attributes
    }

    public subscript(field: String) -> FieldValue { attributes[field] ?? .null }
}

