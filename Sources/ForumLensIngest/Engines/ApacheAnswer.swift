extension Engine {
    /// Apache Answer (Q&A): the question page and its `div.answer-item`s, nested in it so
    /// that they answer it; the author and time of the last card of a post's footer (an "edited
    /// by" card comes before the "asked"/"answered" one), `article.fmt` text, comments left out.
    /// Checked against the real page ../shared/data/forums-dev/answer-en-1.html; no corpus page yet.
    static let apacheAnswer = Engine("answer", yaml: """
        name: Apache Answer
        match:
          generator: ["answer "]
          page: ".questionDetailPage article.fmt"
        post: ".questionDetailPage, .questionDetailPage div.answer-item[id]"
        author: "div:last-child > div.d-flex > div > div > .text-break"
        date: "div:last-child > div.d-flex > div > time, div:last-child > div.d-flex > div > a > time"
        body: "article.fmt"
        quote: "article.fmt blockquote"
        first_post: question
        """)
}
