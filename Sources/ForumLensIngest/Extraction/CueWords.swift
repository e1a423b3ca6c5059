/// What class words, ids and links say about an element (lowercased words; substrings where
/// engines compose names: `postauthor`, `message-username`, `bbp-reply-post-date`).
enum CueWords {


    /// A quote itself, not one of its parts (`ipsQuote_citation` is its header, `ipsQuote_open`
    /// its state, `bbCodeBlock-expandContent` and Vanilla's `QuoteText` its body) nor a quote button.
    static func isQuoteWord(_ word: String) -> Bool {
        if word == "citation" || word == "oldcitation" || word == "quotebox" || word == "replied-comment" { return true }
        guard word.contains("quote") else { return false }
        return !["button", "btn", "multiquote", "link", "container", "title", "head", "author", "cite", "citation",
                 "content", "expand", "footer", "meta", "message", "icon", "reply", "select", "tooltip", "action",
                 "slice", "postedby", "posted-by", "posted_by", "arrow", "open", "text"]
            .contains(where: word.contains)
    }

    /// A quote's title line: `quoteheader`, `bbCodeBlock-title`, `ipsQuote_citation`,
    /// `bbcode_postedby`.
    static func isQuoteTitleWord(_ word: String) -> Bool {
        (word.contains("quote") || word.contains("citation") || word.contains("bbcode"))
            && ["head", "title", "author", "cite", "postedby", "posted-by", "posted_by"].contains(where: word.contains)
    }

    static func isAuthorWord(_ word: String) -> Bool {
        (word.contains("author") && !word.contains("authority") && !word.contains("comment-author-") && !word.contains("bypostauthor"))
            || word.contains("username") || word.contains("user-name") || word.contains("user_name")
            || word.contains("poster") || word == "name" || word == "fn" || word.hasSuffix("-name") && word.contains("user")
            || word.contains("nickname") || word == "nick" || word.contains("membername") || word.contains("member-name")
            || word == "creator" || word == "uname" || word == "by"
            || (word.contains("profile") || word.contains("user") || word.contains("member")) && word.contains("link")
    }

    static func isDateWord(_ word: String) -> Bool {
        (word.contains("date") && !word.contains("update") && !word.contains("validate"))
            || word == "time" || word.hasSuffix("-time") || word.hasSuffix("_time") || word.hasPrefix("time")
            || word.contains("timestamp") || word.contains("posted") || word.contains("published")
            || word.contains("timeago") || word.contains("relativetime") || word == "ts"
    }

    static func isBodyWord(_ word: String) -> Bool {
        ["content", "body", "message", "msg", "text", "entry", "bbwrapper", "richtext", "prose", "usertext",
         "postbody", "post_message", "postmsg", "md", "cooked"].contains { word == $0 || word.contains($0) }
            && !word.contains("header") && !word.contains("footer") && !word.contains("meta")
    }

    static func isSignatureWord(_ word: String) -> Bool {
        word.contains("signature") || word == "sig" || word == "ksig" || word == "sign" || word == "postsig"
            || word.hasSuffix("-sig") || word.hasSuffix("_sig") || word.contains("sigline")
    }

    static func isEditWord(_ word: String) -> Bool {
        word == "edit" || word.contains("lastedit") || word.contains("last-edit") || word.contains("edited") || word == "modified"
            || word.contains("postedit") || word.contains("edit-notice") || word.contains("editnote")
    }

    static func isChromeWord(_ word: String) -> Bool {
        // `expandLink` (XenForo 2), `quoteExpand` (XenForo 1): "Click to expand..." under long quotes.
        ["button", "btn", "toolbar", "actions", "share", "reaction", "likes", "vote", "controls", "report",
         "menu", "dropdown", "tooltip", "modal", "popup", "pagination", "breadcrumb", "expandlink", "expand-link",
         "quoteexpand"]
            .contains { word.contains($0) }
    }

    static func isPageChromeWord(_ word: String) -> Bool {
        ["navbar", "sidebar", "breadcrumb", "site-header", "site-footer", "cookie", "masthead", "footer-", "-footer", "header-nav"]
            .contains { word.contains($0) } || word == "footer" || word == "header" || word == "nav"
    }

    static func isProfileLink(_ href: String) -> Bool {
        let lower = href.lowercased()
        return ["/member", "/members/", "/user/", "/users/", "/u/", "profile", "memberlist.php", "/author/",
                "userid=", "user_id=", "showuser=", "action=profile", "/profil", "/people/", "/usr/", "uid=", "/space/",
                "viewprofile", "/membres/", "/utilisateur", "/benutzer", "/account/"]
            .contains { lower.contains($0) }
            && !["logout", "login", "regist", "signup", "sign-up", "sign_up", "lost", "password", "/content", "tab=", "&do=content"]
                .contains(where: lower.contains)
    }

    /// Ids such as `p1234`, `post_42`, `post-42`, `comment-17`, `msg_9`, `answer-12345`,
    /// `elComment_5`, `thing_t1_abc`: a prefix and a number or a short code.
    static func isPostID(_ identifier: String) -> Bool {
        let hints = ["post", "comment", "msg", "message", "reply", "answer", "entry", "thing_t", "p", "pid", "r"]
        let lower = identifier
        // A number, or `#` where an id pattern stands for one.
        guard lower.contains(where: { $0.isNumber || $0 == "#" }) else { return false }
        var stem = Substring(lower.prefix { !$0.isNumber && $0 != "#" })
        while let last = stem.last, last == "_" || last == "-" || last == "#" { stem.removeLast() }
        return hints.contains { stem == $0 || stem.hasSuffix($0) || stem.hasPrefix($0) }
    }

    /// Class tokens as a record's signature: per-record variants (`bg1`/`bg2`, `post-1234`,
    /// `odd`/`even`, states) reduced so that all posts of a list share one signature.
    static func normalizedClasses(_ tokens: [String]) -> [String] {
        var result: [String] = []
        for token in tokens {
            let (reduced, numbers) = numbersReduced(token)
            if noiseClasses.contains(token) || token.hasPrefix("comment-author-") || token.hasPrefix("author-")
                || token.hasPrefix("user-") || token.hasPrefix("member-") || token.hasPrefix("js-") && numbers > 0
            {
                continue
            }
            // Per-record ids in classes (`id-t1_jb4f2mx`): several digit runs, or an `id-` prefix.
            if token.hasPrefix("id-") || numbers >= 2 { continue }
            if !result.contains(reduced) { result.append(reduced) }
        }
        return result
    }

    /// The token with each run of digits as `#`, and how many runs there were (ASCII tokens,
    /// nearly all class words, on bytes).
    private static func numbersReduced(_ token: String) -> (String, Int) {
        var runs = 0
        var inRun = false
        if token.utf8.allSatisfy({ $0 < 0x80 }) {
            var reduced: [UInt8] = []
            reduced.reserveCapacity(token.utf8.count)
            for byte in token.utf8 {
                if byte >= 0x30, byte <= 0x39 {
                    if !inRun { reduced.append(UInt8(ascii: "#")); runs += 1 }
                    inRun = true
                } else {
                    reduced.append(byte)
                    inRun = false
                }
            }
            return (String(decoding: reduced, as: UTF8.self), runs)
        }
        var reduced = ""
        for character in token {
            if character.isNumber {
                if !inRun { reduced.append("#"); runs += 1 }
                inRun = true
            } else {
                reduced.append(character)
                inRun = false
            }
        }
        return (reduced, runs)
    }

    static let noiseClasses: Set<String> = [
        "odd", "even", "alt", "first", "last", "active", "selected", "new", "unread", "read", "online",
        "offline", "clearfix", "cf", "group", "bypostauthor", "byuser", "thread-odd", "thread-even",
        "thread-alt", "is-unread", "is-first", "is-last", "sticky", "highlight", "highlighted", "deleted",
        "has-profile", "has-avatar", "is-online", "is-mod", "is-staff", "moderator", "admin", "op",
        "is-op", "topic-owner", "current", "collapsed", "expanded", "unvoted", "likes", "noncollapsed",
    ]
}
