// Names and unplaced words in a question: topics, entities and sources the vocabulary
// knows, and near misses of them refused as misspellings.

extension QuestionScanner {
    /// Places the longest run of words at `position` the vocabulary knows.
    mutating func placeVocabulary() throws -> Bool {
        let available = tokens.count - position
        for count in stride(from: min(longestPhrase, available), through: 1, by: -1) {
            let span = tokens[position..<(position + count)]
            if span.contains(where: { $0.quoted || $0.isPunctuation }) { continue }
            let phrase = span.map(\.text).joined(separator: " ")
            let topic = vocabulary.topic(phrase)
            let entity = vocabulary.entity(phrase)
            let source = vocabulary.source(phrase)
            if preferSource, let source {
                add(source, to: &sources)
            } else if let topic {
                if let last = lastTopic, last.end == position, last.slug != topic {
                    add(last.slug, to: &allTopics)
                    add(topic, to: &allTopics)
                } else {
                    add(topic, to: &topics)
                }
                lastTopic = (topic, position + count)
            } else if let entity {
                if orAfterEntity, let previous = lastPlacedEntity {
                    // "Nvidia or AMD": either one, besides every entity joined by "and".
                    add(previous, to: &anyEntities)
                    add(entity, to: &anyEntities)
                }
                add(entity, to: &entities)
                position += count
                preferSource = false
                orAfterEntity = false
                lastPlacedEntity = entity
                return true
            } else if let source {
                add(source, to: &sources)
            } else {
                continue
            }
            placed(next: position + count)
            return true
        }
        return false
    }

    private func add(_ value: String, to list: inout [String]) {
        if !list.contains(value) { list.append(value) }
    }

    /// Whether a run of words at `index` names a topic, entity or source.
    func startsVocabulary(at index: Int) -> Bool {
        let available = tokens.count - index
        guard available > 0 else { return false }
        for count in stride(from: min(longestPhrase, available), through: 1, by: -1) {
            let span = tokens[index..<(index + count)]
            if span.contains(where: { $0.quoted || $0.isPunctuation }) { continue }
            let phrase = span.map(\.text).joined(separator: " ")
            if vocabulary.topic(phrase) != nil || vocabulary.entity(phrase) != nil || vocabulary.source(phrase) != nil {
                return true
            }
        }
        return false
    }

    /// A word nothing else placed: refused when it is a near miss of a topic or entity,
    /// else a search term.
    mutating func placeUnplaced() throws {
        let token = tokens[position]
        if sourceExpected, !searching, let first = token.text.first, first.isUppercase || token.text.contains(where: \.isUppercase) {
            // The capitalized run is the name asked for ("from Foo News").
            var end = position + 1
            while end < tokens.count, isPlain(at: end), tokens[end].text.first?.isUppercase == true { end += 1 }
            let name = tokens[position..<end].map(\.text).joined(separator: " ")
            throw QueryError.unknownSource(name, suggestion: vocabulary.suggestSource(name))
        }
        if !searching {
            var run = 1
            while run < longestPhrase, position + run < tokens.count, isPlain(at: position + run) { run += 1 }
            for count in stride(from: run, through: 1, by: -1) {
                let text = tokens[position..<(position + count)].map(\.text).joined(separator: " ")
                guard text.filter({ $0.isLetter }).count >= 4, !occurs(text) else { continue }
                if let suggestion = vocabulary.suggestTopic(text), isNear(text, suggestion, in: vocabulary.topics) {
                    throw QueryError.unplacedWord(text, suggestion: suggestion)
                }
                if let suggestion = vocabulary.suggestEntity(text), isNear(text, suggestion, in: vocabulary.entities) {
                    throw QueryError.unplacedWord(text, suggestion: suggestion)
                }
            }
        }
        if searching { searchTerms.append(token.text) } else { looseWords.append(token.text) }
        placed(next: position + 1)
    }

    /// Whether `text` is a near miss of one of `canonical`'s names of four letters or more,
    /// by the Vocabulary's own distance limits. Short names (BIS, USA, FT) are one edit
    /// away from too many plain words ("bias", "use") to be suggested.
    private func isNear(_ text: String, _ canonical: String, in terms: [Vocabulary.Term]) -> Bool {
        guard let term = terms.first(where: { $0.canonical == canonical }) else { return true }
        let wanted = Array(Vocabulary.key(text))
        let limit = wanted.count <= 5 ? 1 : (wanted.count <= 9 ? 2 : 3)
        return ([term.canonical] + term.aliases).contains { name in
            let key = Array(Vocabulary.key(name))
            return key.count >= 4 && Vocabulary.editDistance(wanted, key, limit: limit) <= limit
        }
    }

    /// Whether the word at `index` is one no rule would place (a candidate misspelling).
    private func isPlain(at index: Int) -> Bool {
        let token = tokens[index]
        let word = token.word
        return !token.quoted && !token.isPunctuation && !Self.negations.contains(word)
            && !Self.searchWords.contains(word) && word != "mentions" && Self.kindWords[word] == nil
            && Self.strictTimeWords[word] == nil && Self.softTimeWords[word] == nil && !Self.sortWords.contains(word)
            && !Self.connectives.contains(word) && !Self.fillers.contains(word)
            && !["today", "yesterday", "now", "last", "past", "previous", "current", "limit", "count", "counts"].contains(word)
            && Self.groupingAdverbs[word] == nil
            && !Self.isDateShaped(token) && !Self.monthNames.contains(word) && !startsVocabulary(at: index)
    }
}
