import Testing
@testable import ForumLensIngest

@Suite struct PaginationTests {
    @Test(arguments: [
        ("Trois pages - Page 2 sur 3 - Forum exemple", Pagination(page: 2, count: 3)),
        ("Remote work - Page 1 of 12", Pagination(page: 1, count: 12)),
        ("Thema – Seite 3 von 4", Pagination(page: 3, count: 4)),
        ("PAGE\u{A0}2 / 5", Pagination(page: 2, count: 5)),
        ("Página 2 de 7", nil),  // not read: the accented word is left out
        ("Pagina 2 di 7", Pagination(page: 2, count: 7)),
    ])
    func readsWhereThePageSits(_ text: String, _ expected: Pagination?) {
        #expect(Pagination.parse(Array(text.utf8)[...]) == expected)
    }

    @Test(arguments: ["Pages : 1 2 3", "Page 2", "Page 4 sur 3", "Page 0 sur 3", "12 pages sur 40", "Aller à la page"])
    func readsNothingWhereTheCountIsNotSaid(_ text: String) {
        #expect(Pagination.parse(Array(text.utf8)[...]) == nil)
    }

    /// phpBB's pagination: the numbers in their own elements.
    @Test func readsAcrossTheElementsOfOnePaginationLine() {
        let html = #"<title>Sujet</title><div class="pagination">12 messages &bull; Page <strong>2</strong> sur <strong>3</strong></div><p>Page suivante</p>"#
        let tree = HTMLParsing.parse(Array(html.utf8), encoding: "UTF-8")
        #expect(Pagination.read(tree: tree, title: "Sujet") == Pagination(page: 2, count: 3))
        let none = HTMLParsing.parse(Array("<p>Page suivante</p><p>2 sur 3</p>".utf8), encoding: "UTF-8")
        #expect(Pagination.read(tree: none, title: nil) == nil)
    }
}
