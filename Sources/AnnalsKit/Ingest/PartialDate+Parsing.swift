// TEMP STUB
extension PartialDate { public init(parsing text: String) { self.init(text: text, normalized: nil, precision: .unknown, start: nil, end: nil) } }
