//! Reading a document from the web: one HTTP(S) GET with timeouts, redirects and a size limit.
//!
//! `ureq` 3 does the work: a blocking client (no async runtime to carry in a desktop app and a
//! CLI), TLS in pure Rust (rustls, so neither CI nor a user needs a system OpenSSL), redirects
//! and per-phase timeouts built in. Compared with `reqwest` (blocking mode still runs tokio) and
//! `attohttpc` (no global timeout, fewer users), it is the smallest well-kept fit. Nothing here
//! runs when a workspace is opened: only an explicit import or a feed check calls [`fetch`].

use std::io::Read;
use std::time::Duration;
use ureq::ResponseExt;

/// How to fetch.
#[derive(Clone, Debug)]
pub struct FetchOptions {
    /// Bodies larger than this many bytes are refused (checked while reading).
    pub max_bytes: u64,
    /// The whole request, connection to last byte, must finish within this time.
    pub timeout: Duration,
    /// Redirects followed before giving up.
    pub max_redirects: u32,
}

impl Default for FetchOptions {
    fn default() -> Self {
        Self {
            max_bytes: crate::io::import::DEFAULT_MAX_BYTES,
            timeout: Duration::from_secs(30),
            max_redirects: 10,
        }
    }
}

/// A response body and what the server said about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Fetched {
    /// The address asked for.
    pub requested: String,
    /// The address the body came from, after redirects.
    pub url: String,
    /// The media type (`text/html`), lowercase, without parameters.
    pub media_type: Option<String>,
    /// The `charset` parameter of `Content-Type`, if given.
    pub charset: Option<String>,
    /// The body, decompressed.
    pub bytes: Vec<u8>,
    /// When the body was received (RFC 3339 UTC).
    pub retrieved_at: String,
}

/// Why a fetch failed. Every message names the address.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// Not an http or https address.
    #[error("{url}: not a web address ({why})")]
    BadUrl {
        /// The address as given.
        url: String,
        /// What is wrong with it.
        why: String,
    },
    /// The server answered with an error status.
    #[error("{url}: the server answered {status}{}", reason_suffix(*.status))]
    Status {
        /// The address.
        url: String,
        /// The HTTP status code.
        status: u16,
    },
    /// No answer in time.
    #[error("{url}: no complete answer within {secs} seconds (timed out)")]
    Timeout {
        /// The address.
        url: String,
        /// The time limit.
        secs: u64,
    },
    /// The secure connection could not be set up.
    #[error("{url}: secure connection (TLS) failed: {why}")]
    Tls {
        /// The address.
        url: String,
        /// The TLS library's reason.
        why: String,
    },
    /// The host name is unknown or nothing listens there.
    #[error("{url}: cannot connect: {why}")]
    Connect {
        /// The address.
        url: String,
        /// Why.
        why: String,
    },
    /// The body is over the size limit.
    #[error("{url}: the page is over the {limit}-byte import limit")]
    TooLarge {
        /// The address.
        url: String,
        /// The limit in bytes.
        limit: u64,
    },
    /// Redirected too often (or in a loop).
    #[error("{url}: too many redirects (more than {max})")]
    TooManyRedirects {
        /// The address.
        url: String,
        /// The limit.
        max: u32,
    },
    /// Anything else the client reported.
    #[error("{url}: download failed: {why}")]
    Other {
        /// The address.
        url: String,
        /// The client's message.
        why: String,
    },
}

fn reason_suffix(status: u16) -> String {
    let reason = match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        410 => "Gone",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => return String::new(),
    };
    format!(" {reason}")
}

/// Whether `s` is an http or https address (what the CLI treats as a URL rather than a file).
pub fn is_web_address(s: &str) -> bool {
    let l = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    l.starts_with("http://") || l.starts_with("https://")
}

/// Fetches `url` with a GET request.
pub fn fetch(url: &str, opts: &FetchOptions) -> Result<Fetched, FetchError> {
    if !is_web_address(url) {
        return Err(FetchError::BadUrl {
            url: url.to_owned(),
            why: "it must start with http:// or https://".into(),
        });
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(opts.timeout))
        .max_redirects(opts.max_redirects)
        .http_status_as_error(false)
        .user_agent(concat!("claimbench/", env!("CARGO_PKG_VERSION")))
        .accept("text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.5")
        .build()
        .into();
    let err = |e: ureq::Error| classify(url, opts, e);
    let mut resp = agent.get(url).call().map_err(err)?;
    let status = resp.status().as_u16();
    if !(200..300).contains(&status) {
        return Err(FetchError::Status {
            url: url.to_owned(),
            status,
        });
    }
    let final_url = resp.get_uri().to_string();
    let body = resp.body_mut();
    let media_type = body.mime_type().map(|m| m.trim().to_ascii_lowercase());
    let charset = body.charset().map(|c| c.trim().to_ascii_lowercase());
    let mut bytes = Vec::new();
    // One byte over the limit tells "too large" apart from "exactly at the limit".
    body.with_config()
        .limit(u64::MAX)
        .reader()
        .take(opts.max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| match e.into_inner() {
            Some(inner) => match inner.downcast::<ureq::Error>() {
                Ok(ue) => err(*ue),
                Err(other) => FetchError::Other {
                    url: url.to_owned(),
                    why: other.to_string(),
                },
            },
            None => FetchError::Other {
                url: url.to_owned(),
                why: "the connection broke while reading".into(),
            },
        })?;
    if bytes.len() as u64 > opts.max_bytes {
        return Err(FetchError::TooLarge {
            url: url.to_owned(),
            limit: opts.max_bytes,
        });
    }
    Ok(Fetched {
        requested: url.to_owned(),
        url: final_url,
        media_type,
        charset,
        bytes,
        retrieved_at: crate::io::import::now_rfc3339(),
    })
}

fn classify(url: &str, opts: &FetchOptions, e: ureq::Error) -> FetchError {
    let url = url.to_owned();
    match e {
        ureq::Error::StatusCode(status) => FetchError::Status { url, status },
        ureq::Error::Timeout(_) => FetchError::Timeout {
            url,
            secs: opts.timeout.as_secs().max(1),
        },
        ureq::Error::Tls(why) => FetchError::Tls {
            url,
            why: why.to_owned(),
        },
        ureq::Error::Rustls(e) => FetchError::Tls {
            url,
            why: e.to_string(),
        },
        ureq::Error::HostNotFound => FetchError::Connect {
            url,
            why: "host not found".into(),
        },
        ureq::Error::ConnectionFailed => FetchError::Connect {
            url,
            why: "connection refused or unreachable".into(),
        },
        ureq::Error::TooManyRedirects | ureq::Error::RedirectFailed => {
            FetchError::TooManyRedirects {
                url,
                max: opts.max_redirects,
            }
        }
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge {
            url,
            limit: opts.max_bytes,
        },
        ureq::Error::BadUri(why) => FetchError::BadUrl { url, why },
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => FetchError::Timeout {
            url,
            secs: opts.timeout.as_secs().max(1),
        },
        // A plain-HTTP or broken server behind an https address ends or garbles the handshake.
        ureq::Error::Io(io)
            if url.to_ascii_lowercase().starts_with("https://")
                && matches!(
                    io.kind(),
                    std::io::ErrorKind::UnexpectedEof | std::io::ErrorKind::InvalidData
                ) =>
        {
            FetchError::Tls {
                url,
                why: format!("the server did not complete the handshake ({io})"),
            }
        }
        ureq::Error::Io(io) => FetchError::Connect {
            url,
            why: io.to_string(),
        },
        other => FetchError::Other {
            url,
            why: other.to_string(),
        },
    }
}
