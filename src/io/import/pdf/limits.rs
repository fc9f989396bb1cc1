//! The inflated-size limit: a few megabytes of PDF can hold compressed streams that expand to
//! gigabytes (a compression bomb). Before any parser runs, every Flate-compressed stream that a
//! text reader may inflate (content streams, object streams, fonts, forms; not images, which it
//! leaves alone) is inflated into a counter, never into memory, and the file is refused with a
//! clear message if one stream or all of them together would pass the limits. The scan works on
//! the raw bytes (dictionary text before each `stream` keyword), so it also covers object streams
//! that a parser would inflate while loading the file.

use flate2::read::ZlibDecoder;
use std::io::Read;

/// The most one stream may inflate to: far above any real page's content stream or font.
pub const MAX_STREAM_BYTES: usize = 64 * 1024 * 1024;
/// The most all non-image streams of a file may inflate to together.
pub const MAX_INFLATED_BYTES: u64 = 256 * 1024 * 1024;

/// `Err(message)` if a stream or all of them would inflate past the limits.
pub fn check_inflated(bytes: &[u8]) -> Result<(), String> {
    let mut total: u64 = 0;
    let finder = memchr::memmem::Finder::new(b"stream");
    let mut from = 0;
    while let Some(at) = finder.find(&bytes[from..]) {
        let kw = from + at;
        from = kw + 6;
        // `endstream` and the word inside a dictionary are not stream starts.
        if kw >= 3 && &bytes[kw - 3..kw] == b"end" {
            continue;
        }
        let head = &bytes[kw.saturating_sub(2048)..kw];
        let Some(dict_at) = memchr::memmem::rfind(head, b"obj") else {
            continue;
        };
        let dict = &head[dict_at..];
        if !contains(dict, b"/FlateDecode") && !contains(dict, b"/Fl ") && !contains(dict, b"/Fl]")
        {
            continue;
        }
        if contains(dict, b"/Image") {
            continue;
        }
        let mut data = from;
        if bytes.get(data) == Some(&b'\r') {
            data += 1;
        }
        if bytes.get(data) == Some(&b'\n') {
            data += 1;
        }
        let size = inflated_size(&bytes[data.min(bytes.len())..], MAX_STREAM_BYTES as u64 + 1);
        if size > MAX_STREAM_BYTES as u64 {
            return Err(format!(
                "a compressed stream at byte {kw} inflates to more than {} MB, past the import limit (a compression bomb?)",
                MAX_STREAM_BYTES / (1024 * 1024)
            ));
        }
        total += size;
        if total > MAX_INFLATED_BYTES {
            return Err(format!(
                "its compressed text and font data inflate to more than {} MB, past the import limit (a compression bomb?)",
                MAX_INFLATED_BYTES / (1024 * 1024)
            ));
        }
    }
    Ok(())
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find(hay, needle).is_some()
}

/// How many bytes `data` inflates to, counting up to `cap` at most (a broken stream counts what
/// it gave before the error).
fn inflated_size(data: &[u8], cap: u64) -> u64 {
    let mut z = ZlibDecoder::new(data).take(cap);
    std::io::copy(&mut z, &mut std::io::sink()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::{Compression, write::ZlibEncoder};
    use std::io::Write;

    #[test]
    fn counts_without_keeping() {
        let mut e = ZlibEncoder::new(Vec::new(), Compression::best());
        e.write_all(&vec![b' '; 10_000_000]).unwrap();
        let z = e.finish().unwrap();
        assert!(z.len() < 20_000);
        assert_eq!(inflated_size(&z, u64::MAX), 10_000_000);
        assert_eq!(inflated_size(&z, 1000), 1000);
    }
}
