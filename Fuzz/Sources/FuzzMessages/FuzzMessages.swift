import ForumLensCore
import ForumLensIngest

@inline(never) func blackHole(_ value: Int) { if value == -12345 { print(value) } }

func touch(_ read: (discussions: [Discussion], problems: [Problem])) -> Int {
    var total = read.problems.count
    for discussion in read.discussions {
        total &+= discussion.messages.count
        for message in discussion.messages { total &+= message.text.utf8.count &+ (message.replyTo?.utf8.count ?? 0) }
    }
    return total
}

/// One input: a message file, read as JSONL, as CSV and as TSV.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var total = touch(MessageFiles.readJSONL(bytes, path: "fuzz.jsonl"))
    total &+= touch(MessageFiles.readCSV(bytes, separator: UInt8(ascii: ","), path: "fuzz.csv"))
    total &+= touch(MessageFiles.readCSV(bytes, separator: UInt8(ascii: "\t"), path: "fuzz.tsv"))
    blackHole(total)
    return 0
}
