import Foundation
import TestSupport

/// The property names of a schema in the vendored contract (reference/), to check an answer has
/// every one of them, nulls included, and nothing else.
enum ContractSchema {
    static func properties(_ name: String) throws -> Set<String> {
        let url = RepositoryRoot.url().appendingPathComponent("reference/twilio_api_v2010_conferences.json")
        let spec = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let schemas = (spec?["components"] as? [String: Any])?["schemas"] as? [String: Any]
        let properties = (schemas?[name] as? [String: Any])?["properties"] as? [String: Any]
        guard let properties else { throw MissingSchema(name: name) }
        return Set(properties.keys)
    }

    struct MissingSchema: Error { var name: String }
}
