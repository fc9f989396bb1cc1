//! Format detection: by extension, checked against the content's first bytes so that a binary
//! file with a text extension (or a PDF saved as `.txt`) gets a specific message.

use super::ImportError;
use std::path::Path;

/// A supported document format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text (`.txt`, `.text`, or no extension with text content).
    Text,
    /// Markdown (`.md`, `.markdown`).
    Markdown,
    /// A saved web page (`.html`, `.htm`, `.xhtml`).
    Html,
    /// A PDF with a text layer.
    Pdf,
}

impl Format {
    /// A short lowercase name (`txt`, `md`, `html`, `pdf`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Pdf => "pdf",
        }
    }
}

/// Known binary signatures and what they are.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG", "PNG image"),
    (b"\xFF\xD8\xFF", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive (or .docx/.xlsx/.epub)"),
    (b"\x1F\x8B", "gzip archive"),
    (b"\x7FELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"\xD0\xCF\x11\xE0", "legacy Office document"),
    (b"{\\rtf", "RTF document"),
    (b"7z\xBC\xAF", "7-Zip archive"),
];

/// The format to read `bytes` as, or why they cannot be imported.
pub fn detect(path: &Path, bytes: &[u8]) -> Result<Format, ImportError> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    let by_ext = match ext.as_deref() {
        Some("txt" | "text") => Some(Format::Text),
        Some("md" | "markdown" | "mdown") => Some(Format::Markdown),
        Some("html" | "htm" | "xhtml") => Some(Format::Html),
        Some("pdf") => Some(Format::Pdf),
        None | Some("") => None,
        Some(other) => {
            return Err(ImportError::UnknownFormat {
                path: path.to_owned(),
                extension: other.to_owned(),
            });
        }
    };
    let is_pdf = bytes.len() >= 5 && find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_some();
    if is_pdf {
        return Ok(Format::Pdf);
    }
    if by_ext == Some(Format::Pdf) {
        // Let the PDF reader say what is wrong with it (truncated header, not a PDF…).
        return Ok(Format::Pdf);
    }
    if let Some(what) = binary_kind(bytes) {
        return Err(ImportError::Binary {
            path: path.to_owned(),
            what,
        });
    }
    Ok(by_ext.unwrap_or_else(|| {
        if looks_like_html(bytes) {
            Format::Html
        } else {
            Format::Text
        }
    }))
}

/// What makes `bytes` binary: a known signature, a NUL byte, or many control characters.
pub fn binary_kind(bytes: &[u8]) -> Option<String> {
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Some((*what).to_owned());
        }
    }
    let head = &bytes[..bytes.len().min(8192)];
    // UTF-16 text has NUL bytes too; say so rather than "binary".
    if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        return Some("UTF-16 text; save it as UTF-8".into());
    }
    if let Some(i) = head.iter().position(|&b| b == 0) {
        return Some(format!("NUL byte at offset {i}"));
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    if control * 10 > head.len() {
        return Some(format!(
            "{control} control bytes in the first {} bytes",
            head.len()
        ));
    }
    None
}

fn looks_like_html(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let head = head.trim_start();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_decides_unless_content_disagrees() {
        let p = |s: &str| Path::new(s).to_owned();
        assert_eq!(detect(&p("a.md"), b"# Hi").unwrap(), Format::Markdown);
        assert_eq!(detect(&p("a.HTM"), b"<p>x</p>").unwrap(), Format::Html);
        assert_eq!(detect(&p("a.txt"), b"%PDF-1.4\n").unwrap(), Format::Pdf);
        assert_eq!(
            detect(&p("noext"), b"<!DOCTYPE html><p>").unwrap(),
            Format::Html
        );
        assert_eq!(detect(&p("noext"), b"plain words").unwrap(), Format::Text);
        assert!(matches!(
            detect(&p("a.docx"), b"PK\x03\x04"),
            Err(ImportError::UnknownFormat { .. })
        ));
        match detect(&p("a.txt"), b"\x89PNG\r\n\x1a\n") {
            Err(ImportError::Binary { what, .. }) => assert_eq!(what, "PNG image"),
            other => panic!("{other:?}"),
        }
        match detect(&p("a.txt"), b"abc\0def") {
            Err(ImportError::Binary { what, .. }) => assert!(what.contains("offset 3"), "{what}"),
            other => panic!("{other:?}"),
        }
    }
}
