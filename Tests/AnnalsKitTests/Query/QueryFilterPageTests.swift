import Testing

@testable import AnnalsKit

/// `QueryFilter.page(limit:offset:)`: a page never reaches past the rows the filter keeps.
@Suite struct QueryFilterPageTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let limit: Int?
        let offset: Int
        let pageLimit: Int?
        let pageOffset: Int
        let expectedLimit: Int?
        let expectedOffset: Int
        var testDescription: String {
            "filter limit \(limit.map(String.init) ?? "all") offset \(offset), page \(pageLimit.map(String.init) ?? "all") from \(pageOffset)"
        }
    }

    static let cases: [Case] = [
        // Every row: the page is what was asked.
        Case(limit: nil, offset: 0, pageLimit: 50, pageOffset: 0, expectedLimit: 50, expectedOffset: 0),
        Case(limit: nil, offset: 0, pageLimit: 50, pageOffset: 100, expectedLimit: 50, expectedOffset: 100),
        Case(limit: nil, offset: 0, pageLimit: nil, pageOffset: 7, expectedLimit: nil, expectedOffset: 7),
        // "The 100 latest": pages within them, the last one short, past the end empty.
        Case(limit: 100, offset: 0, pageLimit: 50, pageOffset: 0, expectedLimit: 50, expectedOffset: 0),
        Case(limit: 100, offset: 0, pageLimit: 50, pageOffset: 80, expectedLimit: 20, expectedOffset: 80),
        Case(limit: 100, offset: 0, pageLimit: 50, pageOffset: 120, expectedLimit: 0, expectedOffset: 120),
        Case(limit: 100, offset: 0, pageLimit: nil, pageOffset: 30, expectedLimit: 70, expectedOffset: 30),
        // A filter that already skips rows: the page counts from its first row.
        Case(limit: 10, offset: 5, pageLimit: 4, pageOffset: 8, expectedLimit: 2, expectedOffset: 13),
        // Nothing to cut: the filter unchanged.
        Case(limit: 3, offset: 0, pageLimit: nil, pageOffset: 0, expectedLimit: 3, expectedOffset: 0),
    ]

    @Test(arguments: cases)
    func aPageStaysWithinTheFiltersRows(_ c: Case) {
        let filter = QueryFilter(topics: ["export-controls"], limit: c.limit, offset: c.offset)
        let page = filter.page(limit: c.pageLimit, offset: c.pageOffset)
        #expect(page.limit == c.expectedLimit)
        #expect(page.offset == c.expectedOffset)
        // Only the window changes.
        var window = page
        window.limit = filter.limit
        window.offset = filter.offset
        #expect(window == filter)
    }
}
