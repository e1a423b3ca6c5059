import CLibXML2

/// gzip inflation with zlib, bounded: the output never grows past a limit, so a gzip bomb is
/// a problem, not an out-of-memory.
enum Gzip {
    enum Failure: Error, Equatable {
        case overLimit
        case truncated
        case corrupt(String)
        case zlib(Int32)

        var reason: String {
            switch self {
            case .overLimit: "gzip data inflates past the size limit"
            case .truncated: "truncated gzip data: the file ends inside the compressed stream"
            case .corrupt(let detail): "corrupt gzip data (\(detail))"
            case .zlib(let code): "zlib failed (code \(code))"
            }
        }
    }

    static func hasMagic(_ bytes: some Collection<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        return iterator.next() == 0x1F && iterator.next() == 0x8B
    }

    /// Inflates every gzip member of `input` (members may be concatenated, as `cat a.gz b.gz`
    /// makes). Bytes after the last member that do not start another member are ignored, as
    /// `gzip -d` does (tar and some tools pad with zeros).
    static func inflate(_ input: UnsafeRawBufferPointer, maxBytes: Int) -> Result<[UInt8], Failure> {
        run(input, maxBytes: maxBytes, prefixOnly: false)
    }

    /// At most the first `count` inflated bytes, whatever follows: enough to sniff a type.
    static func inflatedPrefix(_ input: UnsafeRawBufferPointer, count: Int) -> [UInt8] {
        (try? run(input, maxBytes: count, prefixOnly: true).get()) ?? []
    }

    private static func run(_ input: UnsafeRawBufferPointer, maxBytes: Int, prefixOnly: Bool) -> Result<[UInt8], Failure> {
        guard let inputBase = input.baseAddress, input.count > 0 else { return .success([]) }
        var stream = z_stream()
        // 16 + MAX_WBITS: gzip wrapper only.
        let initialized = inflateInit2_(&stream, 16 + 15, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard initialized == Z_OK else { return .failure(.zlib(initialized)) }
        defer { inflateEnd(&stream) }

        var output = [UInt8]()
        output.reserveCapacity(min(maxBytes, input.count.multipliedReportingOverflow(by: 4).partialValue) + 1)
        let chunkSize = 1 << 18
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        stream.next_in = UnsafeMutablePointer(mutating: inputBase.assumingMemoryBound(to: Bytef.self))
        var remaining = input.count

        while true {
            stream.avail_in = UInt32(min(remaining, Int(UInt32.max)))
            let offered = Int(stream.avail_in)
            let (status, produced) = chunk.withUnsafeMutableBytes { buffer -> (Int32, Int) in
                stream.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.avail_out = UInt32(chunkSize)
                let status = CLibXML2.inflate(&stream, Z_NO_FLUSH)
                return (status, chunkSize - Int(stream.avail_out))
            }
            remaining -= offered - Int(stream.avail_in)
            if output.count + produced > maxBytes {
                if prefixOnly {
                    output.append(contentsOf: chunk[0 ..< (maxBytes - output.count)])
                    return .success(output)
                }
                return .failure(.overLimit)
            }
            output.append(contentsOf: chunk[0 ..< produced])

            switch status {
            case Z_OK:
                continue
            case Z_STREAM_END:
                // Another member follows only if its magic does; anything else is trailing junk.
                let next = UnsafeRawBufferPointer(start: stream.next_in, count: remaining)
                guard remaining >= 2, hasMagic(next) else { return .success(output) }
                guard inflateReset(&stream) == Z_OK else { return .failure(.zlib(Z_STREAM_ERROR)) }
            case Z_BUF_ERROR:
                // No progress possible: the input ran out before the end of the stream.
                let stalled = produced == 0 && offered == Int(stream.avail_in)
                if remaining == 0 || stalled { return prefixOnly ? .success(output) : .failure(.truncated) }
                continue
            case Z_DATA_ERROR:
                if prefixOnly { return .success(output) }
                let detail = stream.msg.map { String(cString: $0) } ?? "invalid compressed data"
                return .failure(.corrupt(detail))
            case Z_MEM_ERROR:
                return .failure(.zlib(status))
            default:
                return .failure(.zlib(status))
            }
        }
    }
}
