//! Importing a document straight from a web address: fetch it ([`crate::io::fetch`]), decide
//! its format from the server's media type (HTML, PDF, plain text, Markdown; the content's first
//! bytes when the type says nothing), decode a declared charset, and hand it to the same readers
//! as a saved file. The document keeps the page's canonical address (else the address it was
//! read from after redirects) and the retrieval time.

use super::sniff::{self, Format};
use super::{ImportError, ImportOptions, Imported, import_as};
use crate::io::fetch::{self, FetchOptions, Fetched};
use std::path::PathBuf;

/// Fetches `url` and imports it. Nothing is written anywhere.
pub fn import_url(
    url: &str,
    opts: &ImportOptions,
    fetch_opts: &FetchOptions,
) -> Result<Imported, ImportError> {
    let path = PathBuf::from(url);
    if opts.cancelled() {
        return Err(ImportError::Cancelled { path });
    }
    let fetched = fetch::fetch(url, fetch_opts).map_err(|source| ImportError::Fetch {
        path: path.clone(),
        source,
    })?;
    import_fetched(&fetched, opts)
}

/// Imports a body already fetched (also used for feed entries).
pub fn import_fetched(f: &Fetched, opts: &ImportOptions) -> Result<Imported, ImportError> {
    let path = PathBuf::from(&f.requested);
    let format = format_of(&path, f)?;
    let bytes = transcode(f, format);
    let mut opts = opts.clone();
    if opts.imported_at.is_none() {
        opts.imported_at = Some(f.retrieved_at.clone());
    }
    let mut imported = import_as(&path, format, &bytes, &opts)?;
    let canonical = imported
        .document
        .url
        .take()
        .filter(|u| fetch::is_web_address(u));
    imported.document.url = Some(canonical.unwrap_or_else(|| f.url.clone()));
    Ok(imported)
}

/// The format from the media type; the content decides when the type is missing or generic.
fn format_of(path: &std::path::Path, f: &Fetched) -> Result<Format, ImportError> {
    let by_type = match f.media_type.as_deref() {
        Some("text/html" | "application/xhtml+xml") => Some(Format::Html),
        Some("application/pdf" | "application/x-pdf") => Some(Format::Pdf),
        Some("text/plain") => Some(Format::Text),
        Some("text/markdown" | "text/x-markdown") => Some(Format::Markdown),
        None | Some("application/octet-stream" | "binary/octet-stream") => None,
        Some(other) if other.starts_with("text/") => Some(Format::Text),
        Some(other) => {
            return Err(ImportError::Binary {
                path: path.to_owned(),
                what: format!("the server sent {other}"),
            });
        }
    };
    if f.bytes.starts_with(b"%PDF-") {
        return Ok(Format::Pdf);
    }
    match by_type {
        Some(t) => Ok(t),
        // No usable type: read the content as a file without an extension would be.
        None => sniff::detect(std::path::Path::new("download"), &f.bytes),
    }
}

/// Text in a charset other than UTF-8 (declared by the server) as UTF-8 bytes.
fn transcode(f: &Fetched, format: Format) -> Vec<u8> {
    if format == Format::Pdf {
        return f.bytes.clone();
    }
    let enc = f
        .charset
        .as_deref()
        .and_then(|c| encoding_rs::Encoding::for_label(c.as_bytes()));
    match enc {
        Some(enc) if enc != encoding_rs::UTF_8 && std::str::from_utf8(&f.bytes).is_err() => {
            enc.decode(&f.bytes).0.into_owned().into_bytes()
        }
        _ => f.bytes.clone(),
    }
}
