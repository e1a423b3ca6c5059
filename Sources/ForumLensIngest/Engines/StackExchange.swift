extension Engine {
    /// Stack Exchange sites (Stack Overflow, Super User, …): the question and its answers;
    /// comments under them are not messages. The author is the last signature of a post (an
    /// edit by someone else shows a signature before it); dates are `span.relativetime` titles.
    /// Checked against corpora/en/stackexchange-workplace.html and the real page
    /// ../shared/data/forums-dev/stackexchange-en-1.html.
    static let stackExchange = Engine("stackexchange", yaml: """
        name: Stack Exchange
        match:
          page: "#question-header, div#question.question"
        post: div#question, div.answer
        author: .post-signature:last-child .user-details > a, .post-signature:last-child .user-details > [itemprop=name]
        date: .post-signature:last-child .relativetime
        body: .js-post-body, .post-text
        first_post: question
        """)
}
