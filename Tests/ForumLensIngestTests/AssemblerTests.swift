import ForumLensCore
import Testing
@testable import ForumLensIngest

@Suite struct AssemblerTests {
    /// What reading one page gives: a discussion with these messages (ids made up by the
    /// extractor when `generated`).
    private func page(
        _ path: String, url: String?, title: String? = nil, engine: String? = nil,
        _ messages: [(id: String, author: String, text: String)], generated: Bool = false,
        quoting: [Int: String] = [:]
    ) -> ReadInput {
        var read = ReadInput()
        let made = messages.enumerated().map { index, message in
            Message(
                id: message.id, position: index + 1, author: message.author, text: message.text,
                quotes: quoting[index].map { [Quote(author: $0, text: "…")] } ?? [])
        }
        read.discussions = [Discussion(
            id: DiscussionAssembler.discussionID(url: url, path: path), title: title, url: url, sources: [path],
            engine: engine, messages: made,
            extraction: [Extraction(source: path, extractor: "generic", confidence: 1, messages: made.count)])]
        read.generatedIDs = [generated ? Set(messages.map(\.id)) : []]
        return read
    }

    private let thread = "https://forum.example.fr/viewtopic.php?f=12&t=4521"

    @Test func pagesOfOneThreadMergeInPageOrderWhateverTheirOrder() {
        var assembler = DiscussionAssembler(mode: .url)
        let second = page("p2.html", url: thread + "&start=10", [("p30", "Marc", "trois"), ("p31", "Eva", "quatre")], quoting: [0: "Ann"])
        let first = page("p1.html", url: thread + "#p10", [("p10", "Ann", "un"), ("p20", "Bob", "deux")])
        #expect(assembler.add(second, order: 0).isEmpty, "a thread page is held until the run ends")
        #expect(assembler.add(first, order: 1).isEmpty)
        let merged = assembler.finish()
        #expect(merged.count == 1)
        #expect(merged.first?.sources == ["p1.html", "p2.html"])
        #expect(merged.first?.messages.map(\.id) == ["p10", "p20", "p30", "p31"])
        #expect(merged.first?.messages.map(\.position) == [1, 2, 3, 4])
        #expect(merged.first?.extraction.map(\.source) == ["p1.html", "p2.html"])
        // A quote on page 2 of an author of page 1 answers that message once merged.
        #expect(merged.first?.messages[2].replyTo == "p10")
        #expect(merged.first?.messages[2].depth == 1)
        #expect(assembler.finish().isEmpty)
    }

    @Test func madeUpIdsAreRenumberedAndRepeatedOnesMadeUnique() {
        var assembler = DiscussionAssembler(mode: .url)
        _ = assembler.add(page("a.html", url: thread, [("m1", "A", "x"), ("m2", "B", "y")], generated: true), order: 0)
        _ = assembler.add(page("b.html", url: thread + "&start=2", [("m1", "C", "z"), ("post-9", "D", "w")], generated: true), order: 1)
        _ = assembler.add(page("c.html", url: thread + "&start=4", [("post-9", "E", "again")]), order: 2)
        let messages = assembler.finish().first?.messages ?? []
        #expect(messages.map(\.text) == ["x", "y", "z", "w", "again"])
        #expect(messages.map(\.id).prefix(4) == ["m1", "m2", "m3", "m4"])
        #expect(Set(messages.map(\.id)).count == messages.count, "\(messages.map(\.id))")
    }

    /// Pages 2 and 3 open with the last message of the page before ("Reprise du message
    /// précédent", as forum.hardware.fr shows it): under its own id, or without ids by its
    /// author and text. Given out of order; kept once, in place.
    @Test func aMessageRepeatedFromThePageBeforeIsKeptOnce() {
        let repeated = "Reprise du message précédent :\n\n"
        let withIDs = [
            page("p3.html", url: thread + "&start=20", [("t50", "Bob", repeated + "cinq"), ("t60", "Eva", "six")]),
            page("p1.html", url: thread, [("t10", "Ann", "un"), ("t20", "Bob", "deux")]),
            page("p2.html", url: thread + "&start=10", [("t20", "Bob", repeated + "deux"), ("t30", "Cy", "trois"), ("t50", "Bob", "cinq")]),
        ]
        let long = "Un message assez long pour être reconnu"
        let withoutIDs = [
            page("q1.html", url: thread + "&x=1", [("m1", "Ann", "un"), ("m2", "Bob", long)], generated: true),
            page("q2.html", url: thread + "&x=1&start=10", [("m1", "Bob", repeated + long), ("m2", "Cy", "trois")], generated: true),
            page("q3.html", url: thread + "&x=1&start=20", [("m1", "Cy", "merci"), ("m2", "Cy", "merci")], generated: true),
        ]
        for (pages, texts) in [(withIDs, ["un", "deux", "trois", "cinq", "six"]), (withoutIDs, ["un", long, "trois", "merci", "merci"])] {
            var assembler = DiscussionAssembler(mode: .url)
            for (order, page) in pages.enumerated() { _ = assembler.add(page, order: order) }
            let merged = assembler.finish()
            #expect(merged.count == 1)
            #expect(merged.first?.messages.map(\.text) == texts)
            #expect(merged.first?.messages.map(\.position) == Array(1 ... texts.count))
        }
        // Without the page it repeats, the repeat is a message like any other.
        var alone = DiscussionAssembler(mode: .url)
        _ = alone.add(withIDs[2], order: 0)
        #expect(alone.finish().first?.messages.map(\.id) == ["t20", "t30", "t50"])
    }

    /// Streaming: a thread whose pages say how many there are is written when its last
    /// page is read, not at the end of the run; a later copy of one of its pages stands alone.
    @Test func aThreadIsWrittenAsSoonAsAllItsPagesAreRead() {
        func paged(_ path: String, _ start: Int, _ number: Int, count: Int = 3) -> ReadInput {
            var read = page(path, url: thread + "&start=\(start)", [("t\(number)", "A", "page \(number)")])
            read.pagination = Pagination(page: number, count: count)
            return read
        }
        var assembler = DiscussionAssembler(mode: .url)
        #expect(assembler.add(paged("p3.html", 20, 3), order: 0).isEmpty)
        #expect(assembler.add(paged("p1.html", 0, 1), order: 1).isEmpty)
        let written = assembler.add(paged("p2.html", 10, 2), order: 2)
        #expect(written.map { $0.messages.map(\.text) } == [["page 1", "page 2", "page 3"]])
        let copy = assembler.add(paged("copie/p2.html", 10, 2), order: 3)
        #expect(copy.map(\.sources) == [["copie/p2.html"]])
        #expect(copy.first?.id != written.first?.id)
        #expect(assembler.finish().isEmpty)

        // A page that does not say where it sits keeps its thread open to the end.
        var unsure = DiscussionAssembler(mode: .url)
        _ = unsure.add(paged("p1.html", 0, 1, count: 2), order: 0)
        _ = unsure.add(page("p2.html", url: thread + "&start=10", [("t2", "A", "deux")]), order: 1)
        #expect(unsure.finish().first?.messages.count == 2)
    }

    @Test func mergeNoneAndPagesWithoutAURLComeOutAtOnce() {
        var none = DiscussionAssembler(mode: .none)
        #expect(none.add(page("p1.html", url: thread, [("p1", "A", "x")]), order: 0).count == 1)
        #expect(none.add(page("p2.html", url: thread + "&start=10", [("p2", "B", "y")]), order: 1).count == 1)
        #expect(none.finish().isEmpty)

        var byURL = DiscussionAssembler(mode: .url)
        #expect(byURL.add(page("loose.html", url: nil, title: "Titre", [("p1", "A", "x")]), order: 0).count == 1)
        #expect(byURL.finish().isEmpty)
    }

    @Test func filesKeptApartGetTheirOwnIds() {
        // Two copies of one page (same thread URL) given with --merge none.
        var none = DiscussionAssembler(mode: .none)
        let first = none.add(page("a/t.html", url: thread, [("p1", "A", "x")]), order: 0)
        let second = none.add(page("b/t.html", url: thread, [("p1", "A", "x")]), order: 1)
        #expect(first.count == 1 && second.count == 1)
        #expect(first.first?.id != second.first?.id)
    }

    @Test func mergeTitleJoinsPagedTitlesOfOneEngine() {
        var assembler = DiscussionAssembler(mode: .title)
        _ = assembler.add(page("a.html", url: nil, title: "Réseaux sociaux", engine: "phpbb3", [("p1", "A", "x")]), order: 0)
        _ = assembler.add(page("b.html", url: nil, title: "Re: Réseaux sociaux - Page 2", engine: "phpbb3", [("p2", "B", "y")]), order: 1)
        _ = assembler.add(page("c.html", url: nil, title: "Réseaux sociaux", engine: "smf", [("p3", "C", "z")]), order: 2)
        let discussions = assembler.finish()
        #expect(discussions.map { $0.messages.map(\.id) } == [["p1", "p2"], ["p3"]])
    }

    @Test(arguments: [
        ("https://f.example/viewtopic.php?f=1&t=9&start=20#p5", "https://f.example/viewtopic.php?f=1&t=9"),
        ("https://f.example/viewtopic.php?t=9&f=1&sid=abc", "https://f.example/viewtopic.php?f=1&t=9"),
        ("https://f.example/threads/topic.123/page-3", "https://f.example/threads/topic.123"),
        ("https://f.example/showthread.php?tid=55&page=2", "https://f.example/showthread.php?tid=55"),
        // Parameters without a name: fuzzing found `?=` crashing the split.
        ("https://forum.example.org/viewtopic.php?=", "https://forum.example.org/viewtopic.php?="),
        ("https://f.example/viewtopic.php?t=9&=x&start=20", "https://f.example/viewtopic.php?=x&t=9"),
    ])
    func threadURLIsTheSameForEveryPage(_ url: String, _ thread: String) {
        #expect(DiscussionAssembler.threadURL(url) == thread)
    }

    /// Page 2 of a thread as each engine writes its address, with page 1's.
    static let mergedEnginePages: [(engine: String, first: String, second: String)] = [
        ("phpBB", "https://f.example/viewtopic.php?f=12&t=4521", "https://f.example/viewtopic.php?f=12&t=4521&start=10"),
        ("XenForo", "https://f.example/threads/a-topic.48213/", "https://f.example/threads/a-topic.48213/page-2"),
        ("vBulletin 3", "https://f.example/showthread.php?t=48213", "https://f.example/showthread.php?t=48213&page=2"),
        ("MyBB", "https://f.example/showthread.php?tid=55", "https://f.example/showthread.php?tid=55&page=2"),
        ("Discourse", "https://f.example/t/some-topic/4821", "https://f.example/t/some-topic/4821?page=2"),
    ]

    @Test(arguments: mergedEnginePages)
    func secondPageHasTheThreadURLOfTheFirst(_ engine: String, _ first: String, _ second: String) {
        #expect(DiscussionAssembler.threadURL(second) == DiscussionAssembler.threadURL(first), "\(engine)")
        #expect(DiscussionAssembler.pageNumber(second) > DiscussionAssembler.pageNumber(first), "\(engine)")
    }

    /// More engines' page addresses: page 1 as the corpus pages have it, page 2 as each
    /// engine writes it (the Invision page even links its `/page/2/`).
    static let unmergedEnginePages: [(engine: String, first: String, second: String)] = [
        ("vBulletin 4", "https://f.example/showthread.php?4521-Going-freelance", "https://f.example/showthread.php?4521-Going-freelance/page2"),
        ("Invision", "https://f.example/topic/4412-a-topic/", "https://f.example/topic/4412-a-topic/page/2/"),
        ("SMF", "https://f.example/forum/index.php?topic=2231.0", "https://f.example/forum/index.php?topic=2231.15"),
        ("FluxBB", "https://f.example/viewtopic.php?id=1043", "https://f.example/viewtopic.php?id=1043&p=2"),
        ("Forumactif", "https://f.example/t1287-a-topic", "https://f.example/t1287p15-a-topic"),
    ]

    @Test(arguments: unmergedEnginePages)
    func secondPageHasTheThreadURLOfTheFirstOnMoreEngines(_ engine: String, _ first: String, _ second: String) {
        #expect(DiscussionAssembler.threadURL(second) == DiscussionAssembler.threadURL(first), "\(engine)")
        #expect(DiscussionAssembler.pageNumber(second) > DiscussionAssembler.pageNumber(first), "\(engine)")
    }

    @Test func pageNumbersOrderPages() {
        #expect(DiscussionAssembler.pageNumber(nil) == 0)
        #expect(DiscussionAssembler.pageNumber("https://f.example/viewtopic.php?t=9") == 0)
        #expect(DiscussionAssembler.pageNumber("https://f.example/viewtopic.php?t=9&start=10") == 10)
        #expect(DiscussionAssembler.pageNumber("https://f.example/threads/topic.123/page-3") == 3)
        #expect(DiscussionAssembler.pageNumber("https://f.example/showthread.php?tid=5&page=2") == 2)
        // `restart=` is not `start=`.
        #expect(DiscussionAssembler.pageNumber("https://f.example/x.php?restart=40") == 0)
    }
}
