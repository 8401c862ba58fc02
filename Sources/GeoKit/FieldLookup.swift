/// Layers whose fields can be looked up by name (``VectorLayer``, ``VectorTable``).
protocol FieldLookup {
    var file: String { get }
    var fields: [FieldDefinition] { get }
    func field(named name: String) -> FieldDefinition?
}

extension VectorLayer: FieldLookup {}
extension VectorTable: FieldLookup {}
