import ForumLensCore
import ForumLensIngest

/// One input: a saved page, or an MHTML archive when its first byte is 5 or 6 modulo 8 (a
/// quarter of the byte values: `M`, `m`, `F`, `f`, `N`, `V`, `E`…, so the archives' usual
/// "MIME-Version:" and "From:" starts go there; `<`, blanks and a BOM do not). The whole input
/// is read.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let kind: InputKind = size > 0 && (data[0] & 7 == 5 || data[0] & 7 == 6) ? .mhtml : .page
    var options = IngestOptions()
    options.readsPagination = true
    let read = InputReader.read(bytes, as: InputItem(path: "fuzz.html", kind: kind), options: options)
    // Touch what the rest of the program reads of the result.
    var total = read.problems.count + read.notes.count + (read.pagination == nil ? 0 : 1)
    for discussion in read.discussions {
        for message in discussion.messages { total &+= message.text.utf8.count &+ (message.author?.utf8.count ?? 0) }
    }
    blackHole(total)
    return 0
}

@inline(never) func blackHole(_ value: Int) { if value == -12345 { print(value) } }
