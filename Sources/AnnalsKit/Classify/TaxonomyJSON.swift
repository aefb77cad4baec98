/// Reads a ``Taxonomy`` from parsed JSON, naming the path of any field of the wrong
/// shape. Semantic checks are ``Taxonomy/validate()``'s.
enum TaxonomyReader {
    static func taxonomy(_ json: TaxonomyJSONValue) throws(TaxonomyError) -> Taxonomy {
        let root = try members(json, path: "(top level)", allowed: ["version", "topics", "entities"])
        guard let versionValue = root["version"] else { throw .missingField(path: "version") }
        guard case .number(let text) = versionValue else { throw .wrongType(path: "version", expected: "a number") }
        guard let version = Int(text) else { throw .invalidVersion(path: "version") }
        let topics = try list(root["topics"], path: "topics") { (value, path) throws(TaxonomyError) in try topic(value, path: path) }
        let entities = try list(root["entities"], path: "entities") { (value, path) throws(TaxonomyError) in try entity(value, path: path) }
        return Taxonomy(version: version, topics: topics, entities: entities)
    }

    static func topic(_ json: TaxonomyJSONValue, path: String) throws(TaxonomyError) -> Topic {
        let fields = try members(json, path: path, allowed: ["slug", "name", "description", "aliases", "rules"])
        guard let rulesValue = fields["rules"] else { throw .missingField(path: "\(path).rules") }
        let rulesPath = "\(path).rules"
        let rules = try members(rulesValue, path: rulesPath, allowed: ["phrases", "patterns", "exclude"])
        return Topic(
            slug: try requiredString(fields["slug"], path: "\(path).slug"),
            name: try requiredString(fields["name"], path: "\(path).name"),
            description: try optionalString(fields["description"], path: "\(path).description") ?? "",
            aliases: try strings(fields["aliases"], path: "\(path).aliases"),
            rules: Topic.Rules(
                phrases: try strings(rules["phrases"], path: "\(rulesPath).phrases"),
                patterns: try strings(rules["patterns"], path: "\(rulesPath).patterns"),
                exclude: try strings(rules["exclude"], path: "\(rulesPath).exclude")))
    }

    static func entity(_ json: TaxonomyJSONValue, path: String) throws(TaxonomyError) -> Entity {
        let fields = try members(json, path: path, allowed: ["name", "kind", "aliases", "exclude", "partOf"])
        let name = try requiredString(fields["name"], path: "\(path).name")
        let kindText = try requiredString(fields["kind"], path: "\(path).kind")
        guard let kind = Entity.Kind(rawValue: kindText) else { throw .unknownKind(path: "\(path).kind", value: kindText) }
        return Entity(
            name: name, kind: kind,
            aliases: try strings(fields["aliases"], path: "\(path).aliases"),
            exclude: try strings(fields["exclude"], path: "\(path).exclude"),
            partOf: try optionalString(fields["partOf"], path: "\(path).partOf"))
    }

    static func members(_ json: TaxonomyJSONValue, path: String, allowed: [String]) throws(TaxonomyError) -> [String: TaxonomyJSONValue] {
        guard case .object(let pairs) = json else { throw .wrongType(path: path, expected: "an object") }
        var result: [String: TaxonomyJSONValue] = [:]
        for (key, value) in pairs {
            guard allowed.contains(key) else {
                throw .unknownField(path: path == "(top level)" ? key : "\(path).\(key)", allowed: allowed)
            }
            result[key] = value
        }
        return result
    }

    static func list<T>(_ json: TaxonomyJSONValue?, path: String, _ element: (TaxonomyJSONValue, String) throws(TaxonomyError) -> T) throws(TaxonomyError) -> [T] {
        guard let json, json != .null else { return [] }
        guard case .array(let values) = json else { throw .wrongType(path: path, expected: "an array") }
        var result: [T] = []
        result.reserveCapacity(values.count)
        for (i, value) in values.enumerated() { result.append(try element(value, "\(path)[\(i)]")) }
        return result
    }

    static func strings(_ json: TaxonomyJSONValue?, path: String) throws(TaxonomyError) -> [String] {
        try list(json, path: path) { (value, path) throws(TaxonomyError) in
            guard case .string(let text) = value else { throw .wrongType(path: path, expected: "a string") }
            return text
        }
    }

    static func requiredString(_ json: TaxonomyJSONValue?, path: String) throws(TaxonomyError) -> String {
        guard let json else { throw .missingField(path: path) }
        guard case .string(let text) = json else { throw .wrongType(path: path, expected: "a string") }
        return text
    }

    static func optionalString(_ json: TaxonomyJSONValue?, path: String) throws(TaxonomyError) -> String? {
        guard let json, json != .null else { return nil }
        guard case .string(let text) = json else { throw .wrongType(path: path, expected: "a string") }
        return text
    }
}

/// Writes a ``Taxonomy`` in its one canonical JSON form (see ``Taxonomy/jsonData()``).
enum TaxonomyWriter {
    static let width = 100

    static func write(_ taxonomy: Taxonomy) -> String {
        var out = "{\n  \"version\": \(taxonomy.version),\n  \"topics\": ["
        for (i, topic) in taxonomy.topics.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            out += "    {\n"
            out += "      \"slug\": \(quote(topic.slug)),\n"
            out += "      \"name\": \(quote(topic.name)),\n"
            out += "      \"description\": \(quote(topic.description)),\n"
            out += "      \"aliases\": \(array(topic.aliases, indent: 6, key: "aliases")),\n"
            out += "      \"rules\": {\n"
            out += "        \"phrases\": \(array(topic.rules.phrases, indent: 8, key: "phrases")),\n"
            out += "        \"patterns\": \(array(topic.rules.patterns, indent: 8, key: "patterns")),\n"
            out += "        \"exclude\": \(array(topic.rules.exclude, indent: 8, key: "exclude"))\n"
            out += "      }\n"
            out += "    }"
        }
        out += taxonomy.topics.isEmpty ? "],\n" : "\n  ],\n"
        out += "  \"entities\": ["
        for (i, entity) in taxonomy.entities.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            var fields = [
                "\"name\": \(quote(entity.name))",
                "\"kind\": \(quote(entity.kind.rawValue))",
                "\"aliases\": \(array(entity.aliases, indent: 6, key: "aliases"))",
            ]
            if !entity.exclude.isEmpty { fields.append("\"exclude\": \(array(entity.exclude, indent: 6, key: "exclude"))") }
            if let parent = entity.partOf { fields.append("\"partOf\": \(quote(parent))") }
            let oneLine = "    {" + fields.joined(separator: ", ") + "}"
            if oneLine.count <= width && !oneLine.contains("\n") {
                out += oneLine
            } else {
                out += "    {\n" + fields.map { "      " + $0 }.joined(separator: ",\n") + "\n    }"
            }
        }
        out += taxonomy.entities.isEmpty ? "]\n" : "\n  ]\n"
        return out + "}\n"
    }

    /// `["a", "b"]` on one line when `indent + key + it` fits the width, else one
    /// element-packed line after another.
    static func array(_ items: [String], indent: Int, key: String) -> String {
        if items.isEmpty { return "[]" }
        let quoted = items.map(quote)
        let inline = "[" + quoted.joined(separator: ", ") + "]"
        if indent + key.count + 4 + inline.count + 1 <= width { return inline }
        let pad = String(repeating: " ", count: indent + 2)
        var lines: [String] = []
        var line = ""
        for item in quoted {
            if line.isEmpty {
                line = pad + item
            } else if line.count + 2 + item.count + 1 <= width {
                line += ", " + item
            } else {
                lines.append(line + ",")
                line = pad + item
            }
        }
        lines.append(line)
        return "[\n" + lines.joined(separator: "\n") + "\n" + String(repeating: " ", count: indent) + "]"
    }

    static func quote(_ text: String) -> String {
        JSONWriter().string(.string(text))
    }
}
