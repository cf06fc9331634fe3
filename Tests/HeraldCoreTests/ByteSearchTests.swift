import Testing

@testable import HeraldCore

@Suite struct ByteSearchTests {
    @Test func findsASubstringByItsBytes() {
        #expect(ByteSearch.contains("](", in: "see [the page](https://x)"))
        #expect(ByteSearch.contains("](", in: "]("))
        #expect(ByteSearch.contains("status.example.com", in: "a ]]status.example.co status.example.com"))
        #expect(ByteSearch.contains("é", in: "café"))
        #expect(ByteSearch.contains("", in: ""))
        #expect(!ByteSearch.contains("](", in: "] ( ]"))
        #expect(!ByteSearch.contains("](", in: "]"))
        #expect(!ByteSearch.contains("](", in: ""))
        #expect(!ByteSearch.contains("example.com", in: "example.co"))
    }
}
