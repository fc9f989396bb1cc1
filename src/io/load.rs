//! Loading a workspace: read, check the version, parse RON, migrate, validate.
//!
//! Errors carry `file:line:column`. Loading never executes, fetches or follows anything outside
//! the file: the RON is plain data and no path inside it is opened.

use super::LoadError;
use crate::model::workspace::{Locator, Problem};
use crate::model::{CURRENT_VERSION, Workspace};
use regex::Regex;
use std::path::Path;
use std::sync::LazyLock;

static VERSION_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*version[ \t]*:[ \t]*([^\s,)]*)").expect("static regex")
});

/// A `version:` field anywhere (also in a one-line file, which [`VERSION_RE`] does not look at).
static ANY_VERSION_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bversion\s*:").expect("static regex"));

/// Reads and parses the workspace at `path`, migrating older versions and validating invariants.
pub fn load_workspace(path: &Path) -> Result<Workspace, LoadError> {
    let bytes = read_workspace_bytes(path)?;
    load_workspace_bytes(&bytes, path)
}

/// Reads a workspace file's bytes: only a regular file, at most
/// [`super::read::WORKSPACE_LIMIT`] bytes (a FIFO, a device or a huge sparse file is refused
/// before anything is read).
pub fn read_workspace_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    super::read::read_regular(path, super::read::WORKSPACE_LIMIT).map_err(|e| read_error(path, e))
}

/// A refused or failed read of a workspace file as a load error.
pub fn read_error(path: &Path, e: super::read::ReadError) -> LoadError {
    match e {
        super::read::ReadError::Io(source) => LoadError::Io {
            path: path.to_owned(),
            source,
        },
        super::read::ReadError::Directory => LoadError::Io {
            path: path.to_owned(),
            source: std::io::Error::new(std::io::ErrorKind::IsADirectory, "Is a directory"),
        },
        why => LoadError::Refused {
            path: path.to_owned(),
            why,
        },
    }
}

/// Loads a workspace without checking its invariants, for `check` and `report`, which list every
/// problem themselves: `(the text as parsed, the workspace)`. The text is the file's with a BOM
/// dropped and CRLF line ends turned into LF, so positions found in it match the file's lines.
pub fn load_unvalidated(path: &Path) -> Result<(String, Workspace), LoadError> {
    let bytes = read_workspace_bytes(path)?;
    let text = decode(&bytes, path)?;
    let text = normalize(text).into_owned();
    let ws = parse_checked(&text, path, parse_known)?;
    Ok((text, ws))
}

/// The bytes as UTF-8 text, or where they stop being UTF-8.
fn decode<'a>(bytes: &'a [u8], path: &Path) -> Result<&'a str, LoadError> {
    match std::str::from_utf8(bytes) {
        Ok(t) => Ok(t),
        Err(e) => {
            let byte = e.valid_up_to();
            let valid = std::str::from_utf8(&bytes[..byte]).unwrap_or_default();
            let (line, col) = line_col(valid, valid.len());
            Err(LoadError::NotUtf8 {
                path: path.to_owned(),
                line,
                col,
                byte,
            })
        }
    }
}

/// The text as if it had been written by claimbench: without a UTF-8 byte-order mark, and with
/// LF line ends where an editor or git (`core.autocrlf`) turned every line end into CRLF.
/// Document texts are kept with LF only, so evidence anchors (byte offsets) fit again. A file
/// with any bare LF was not converted (claimbench writes LF; a CR in a note is the analyst's) and
/// is left as it is.
pub fn normalize(text: &str) -> std::borrow::Cow<'_, str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bytes = text.as_bytes();
    let converted = text.contains("\r\n") && every_lf_after_cr(bytes);
    if converted {
        std::borrow::Cow::Owned(text.replace("\r\n", "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Whether every LF in `bytes` follows a CR.
fn every_lf_after_cr(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .enumerate()
        .all(|(i, &b)| b != b'\n' || (i > 0 && bytes[i - 1] == b'\r'))
}

/// ron's parse, refusing fields this build does not know instead of silently dropping them
/// (a save would lose them).
fn parse_known(text: &str) -> Result<Workspace, ron::error::SpannedError> {
    let options = ron::Options::default();
    let mut de = ron::Deserializer::from_str_with_options(text, &options)?;
    let mut unknown: Option<String> = None;
    let ws = serde_ignored::deserialize(&mut de, |p| {
        unknown.get_or_insert_with(|| p.to_string());
    })
    .map_err(|e| de.span_error(e))?;
    de.end().map_err(|e| de.span_error(e))?;
    match unknown {
        Some(field) => Err(unknown_field_error(text, &field)),
        None => Ok(ws),
    }
}

/// The error for a field this build does not know (`field` as `serde_ignored` writes it:
/// `documents.3.summary`), pointing at the first place the field's name appears as a field.
pub fn unknown_field_error(text: &str, field: &str) -> ron::error::SpannedError {
    let name = field.rsplit('.').next().unwrap_or(field);
    let at = Regex::new(&format!(r"\b{}\s*:", regex::escape(name)))
        .ok()
        .and_then(|re| re.find(text).map(|m| m.start()))
        .unwrap_or(0);
    let (line, col) = line_col(text, at);
    let pos = ron::error::Position { line, col };
    ron::error::SpannedError {
        code: ron::Error::Message(format!(
            "unknown field `{name}` (at {}): the file was written by a newer claimbench or edited by hand; it is not opened, since saving it here would drop that field",
            field.replace(".?", "")
        )),
        span: ron::error::Span {
            start: pos,
            end: pos,
        },
    }
}

/// Loads a workspace from the bytes of a file already in memory: the same UTF-8 check, version
/// check, parse, migration and validation as [`load_workspace`], which reads the file and calls
/// this. `path` is only used in messages; nothing is read from disk.
pub fn load_workspace_bytes(bytes: &[u8], path: &Path) -> Result<Workspace, LoadError> {
    parse_workspace(decode(bytes, path)?, path)
}

/// Parses workspace text; `path` is only used in messages.
pub fn parse_workspace(text: &str, path: &Path) -> Result<Workspace, LoadError> {
    parse_workspace_with(text, path, parse_known)
}

/// [`parse_workspace`] with the RON parse step supplied by the caller: `parse` must behave like
/// `ron::Options::default().from_str` and refuse unknown fields with [`unknown_field_error`]
/// (the background open passes one that also reports how far it has got). The checks before and
/// the validation after are the same.
pub fn parse_workspace_with(
    text: &str,
    path: &Path,
    parse: impl FnOnce(&str) -> Result<Workspace, ron::error::SpannedError>,
) -> Result<Workspace, LoadError> {
    let text = &*normalize(text);
    let ws = parse_checked(text, path, parse)?;
    let problems = ws.validate();
    if let Some(first) = problems.first() {
        return Err(invalid(text, path, first, problems.len() - 1));
    }
    Ok(ws)
}

/// Everything of [`parse_workspace_with`] but the validation, on normalised text.
fn parse_checked(
    text: &str,
    path: &Path,
    parse: impl FnOnce(&str) -> Result<Workspace, ron::error::SpannedError>,
) -> Result<Workspace, LoadError> {
    if text.trim().is_empty() {
        return Err(LoadError::Syntax {
            path: path.to_owned(),
            line: 1,
            col: 1,
            message: "the file is empty; a claimbench workspace starts with `(` and `format: \"claimbench\"`".into(),
        });
    }
    let first = text.trim_start();
    if !(first.starts_with('(')
        || first.starts_with("//")
        || first.starts_with("/*")
        || first.starts_with("Workspace")
        || first.starts_with("#!"))
    {
        let (line, col) = line_col(text, text.len() - first.len());
        return Err(LoadError::Syntax {
            path: path.to_owned(),
            line,
            col,
            message: "not a claimbench workspace: the file does not start with `(` (is it an article? use `claimbench import`)".into(),
        });
    }
    // The header comes first in every file we write; check the version before a full parse so a
    // newer file is refused with a clear message rather than a confusing field error.
    let head = &text[..crate::model::anchor::floor_boundary(text, 64 * 1024)];
    if let Some(c) = VERSION_RE.captures(head) {
        let m = c.get(1).expect("group 1");
        let (line, col) = line_col(text, m.start());
        let syntax = |message: String| LoadError::Syntax {
            path: path.to_owned(),
            line,
            col,
            message,
        };
        let digits = m.as_str();
        if digits.is_empty() {
            return Err(syntax(format!(
                "the `version` field has no value; expected version: {CURRENT_VERSION}"
            )));
        }
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(syntax(format!(
                "the version is `{digits}`, not a whole number; this claimbench reads versions 1 to {CURRENT_VERSION}"
            )));
        }
        let Ok(found) = digits.parse::<u32>() else {
            return Err(syntax(format!(
                "workspace version {digits} is newer than this claimbench supports (up to {CURRENT_VERSION}); update claimbench to open it"
            )));
        };
        if found > CURRENT_VERSION {
            let (line, col) = line_col(text, m.start());
            return Err(LoadError::TooNew {
                path: path.to_owned(),
                line,
                col,
                found,
                supported: CURRENT_VERSION,
            });
        }
        if found < 1 {
            return Err(not_released(text, found, path));
        }
    } else if text.trim_end().ends_with(')')
        && head.contains("format")
        && !ANY_VERSION_RE.is_match(head)
    {
        // A whole file without a version: say so rather than the parser's "missing field".
        let (line, col) = locate(text, &Locator::Header);
        return Err(LoadError::Syntax {
            path: path.to_owned(),
            line,
            col,
            message: format!(
                "the header has no `version` field; a claimbench workspace starts with `format: \"claimbench\", version: {CURRENT_VERSION},`"
            ),
        });
    }
    let mut ws: Workspace = parse(text).map_err(|e| {
        let (line, col) = skip_blank(text, e.span.start.line, e.span.start.col);
        // The parser stopped on the file's last token: say the file ends early, since the
        // position alone (somewhere on the last line) hides it.
        let at_end = offset_of(text, e.span.start.line, e.span.start.col)
            .is_none_or(|off| !text[off..].trim().contains(char::is_whitespace));
        let code = ron_message(&e.code);
        let message = if matches!(e.code, ron::Error::ExceededRecursionLimit) {
            code
        } else if at_end {
            format!("the file ends early (truncated?): {code}")
        } else if let Some(field) = field_at(text, line, col) {
            format!("in field `{field}`: {code}")
        } else {
            code
        };
        LoadError::Syntax {
            path: path.to_owned(),
            line,
            col,
            message,
        }
    })?;
    if ws.version > CURRENT_VERSION {
        let (line, col) = locate(text, &Locator::Header);
        return Err(LoadError::TooNew {
            path: path.to_owned(),
            line,
            col,
            found: ws.version,
            supported: CURRENT_VERSION,
        });
    }
    migrate(&mut ws);
    Ok(ws)
}

/// ron's message in our words where it speaks of its own internals.
fn ron_message(code: &ron::Error) -> String {
    match code {
        ron::Error::ExceededRecursionLimit => {
            "values are nested too deeply (more than 128 levels); a claimbench workspace is never nested that deep".into()
        }
        other => other.to_string(),
    }
}

/// Brings a parsed workspace of an older format version up to [`CURRENT_VERSION`], one step per
/// version, so a file users still have on disk keeps opening (fixtures in
/// `tests/fixtures/versions/`, one per version).
///
/// - v1 → v2: version 2 only added things (the `less_than` qualifier, `conflicts`, `feeds`), so a
///   version-1 file parses as version 2 unchanged and the step renumbers it.
///
/// A later step that renames or reshapes a field must run before the typed parse (on
/// `ron::Value`); none has yet.
fn migrate(ws: &mut Workspace) {
    if ws.version == 1 {
        ws.version = 2;
    }
}

/// A version number below the first released format (1).
fn not_released(text: &str, found: u32, path: &Path) -> LoadError {
    let m = VERSION_RE
        .captures(text)
        .and_then(|c| c.get(1))
        .map_or(0, |m| m.start());
    let (line, col) = line_col(text, m);
    LoadError::Syntax {
        path: path.to_owned(),
        line,
        col,
        message: format!(
            "workspace version {found} is not a released claimbench format (the first is 1); expected version: {CURRENT_VERSION}"
        ),
    }
}

fn invalid(text: &str, path: &Path, p: &Problem, more: usize) -> LoadError {
    let (line, col) = locate(text, &p.at);
    LoadError::Invalid {
        path: path.to_owned(),
        line,
        col,
        message: p.message.clone(),
        more,
    }
}

/// The 1-based `(line, column)` in `text` of the item a problem points at: the `id: "…"` field of
/// the document, entity or claim, the n-th item of a list, or the header. Falls back to 1:1.
pub fn locate(text: &str, at: &Locator) -> (usize, usize) {
    let find_id = |id: &str, nth: usize| -> Option<usize> {
        let re = Regex::new(&format!(r#"\bid\s*:\s*"{}""#, regex::escape(id))).ok()?;
        re.find_iter(text).nth(nth).map(|m| m.start())
    };
    let offset = match at {
        Locator::Document(id) => find_id(id.as_str(), 0),
        Locator::Entity(id) => find_id(id.as_str(), 0),
        Locator::Claim(id) => find_id(id.as_str(), 0),
        Locator::Duplicate { id, occurrence } => find_id(id, *occurrence),
        Locator::Resolution(finding) => {
            Regex::new(&format!(r#"\bfinding\s*:\s*"{}""#, regex::escape(finding)))
                .ok()
                .and_then(|re| re.find(text).map(|m| m.start()))
        }
        Locator::Header => VERSION_RE
            .find(text)
            .map(|m| m.start() + m.as_str().len() - m.as_str().trim_start().len()),
    };
    line_col(text, offset.unwrap_or(0))
}

/// [`locate`] for many problems at once, in one pass over the text: a workspace with 100,000
/// dangling references used to be searched once per problem (quadratic).
pub fn locate_all(text: &str, problems: &[Problem]) -> Vec<(usize, usize)> {
    static ID_RE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#"\b(id|finding)\s*:\s*"([^"\n]*)""#).expect("static regex"));
    let mut ids: std::collections::HashMap<(bool, &str), Vec<usize>> = Default::default();
    for c in ID_RE.captures_iter(text) {
        let (Some(all), Some(kind), Some(id)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        ids.entry((kind.as_str() == "id", id.as_str()))
            .or_default()
            .push(all.start());
    }
    let header = VERSION_RE
        .find(text)
        .map(|m| m.start() + m.as_str().len() - m.as_str().trim_start().len());
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let find = |key: (bool, &str), nth: usize| ids.get(&key).and_then(|v| v.get(nth).copied());
    problems
        .iter()
        .map(|p| {
            let offset = match &p.at {
                Locator::Document(id) => find((true, id.as_str()), 0),
                Locator::Entity(id) => find((true, id.as_str()), 0),
                Locator::Claim(id) => find((true, id.as_str()), 0),
                Locator::Duplicate { id, occurrence } => find((true, id), *occurrence),
                Locator::Resolution(f) => find((false, f), 0),
                Locator::Header => header,
            }
            .unwrap_or(0);
            let line = line_starts.partition_point(|&s| s <= offset);
            let start = line_starts[line - 1];
            let col = text.get(start..offset).map_or(1, |s| s.chars().count() + 1);
            (line, col)
        })
        .collect()
}

/// ron points at the blank before an offending value; move to the value itself so the column
/// names what is wrong (`title: 5` → the `5`).
fn skip_blank(text: &str, line: usize, col: usize) -> (usize, usize) {
    let Some(line_start) = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .reduce(|a, b| a + b)
        .or(Some(0))
    else {
        return (line, col);
    };
    let Some(rest) = text.get(line_start..) else {
        return (line, col);
    };
    let Some((off, _)) = rest.char_indices().nth(col.saturating_sub(1)) else {
        return (line, col);
    };
    let from = line_start + off;
    let skipped = text[from..].len() - text[from..].trim_start_matches([' ', '\t']).len();
    if skipped == 0 {
        (line, col)
    } else {
        line_col(text, from + skipped)
    }
}

static FIELD_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(Some\(\s*)?$").expect("static regex")
});

/// The field whose value starts at `(line, col)` (`title: 5` → `title`), if the line says.
fn field_at(text: &str, line: usize, col: usize) -> Option<String> {
    let off = offset_of(text, line, col)?;
    let line_start = text[..off].rfind('\n').map_or(0, |i| i + 1);
    FIELD_RE
        .captures(&text[line_start..off])
        .map(|c| c[1].to_owned())
}

/// The byte offset of a 1-based `(line, column in characters)`, if it lies in the text.
fn offset_of(text: &str, line: usize, col: usize) -> Option<usize> {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2).map(|(i, _)| i + 1)?
    };
    let rest = text.get(line_start..)?;
    if col <= 1 {
        return Some(line_start);
    }
    rest.char_indices()
        .take_while(|(_, c)| *c != '\n')
        .nth(col - 1)
        .map(|(i, _)| line_start + i)
        .or_else(|| {
            let len = rest.find('\n').unwrap_or(rest.len());
            (rest[..len].chars().count() == col - 1).then_some(line_start + len)
        })
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = crate::model::anchor::floor_boundary(text, offset);
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_chars() {
        let t = "ab\ncd’e\nf";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 3), (2, 1));
        assert_eq!(line_col(t, t.find('e').unwrap()), (2, 4));
    }

    #[test]
    fn newer_version_is_refused_with_position() {
        let t = "(\n    format: \"claimbench\",\n    version: 99,\n    title: \"x\",\n)";
        let e = parse_workspace(t, Path::new("w.ron")).unwrap_err();
        assert!(
            matches!(
                e,
                LoadError::TooNew {
                    found: 99,
                    line: 3,
                    col: 14,
                    ..
                }
            ),
            "{e}"
        );
        assert!(
            e.to_string()
                .starts_with("w.ron:3:14: workspace version 99 is newer"),
            "{e}"
        );
    }

    #[test]
    fn offsets_invert_line_col() {
        let t = "ab\ncd’e\nf";
        for off in [0, 1, 2, 3, 4, t.find('e').unwrap(), t.len() - 1, t.len()] {
            let (l, c) = line_col(t, off);
            assert_eq!(offset_of(t, l, c), Some(off), "{off}");
        }
        assert_eq!(offset_of(t, 9, 1), None);
    }

    #[test]
    fn empty_and_truncated_files_say_so() {
        let e = parse_workspace(" \n", Path::new("w.ron")).unwrap_err();
        assert!(
            e.to_string().starts_with("w.ron:1:1: the file is empty"),
            "{e}"
        );
        let t =
            "(\n    format: \"claimbench\",\n    version: 1,\n    title: \"x\",\n    entities: [";
        let e = parse_workspace(t, Path::new("w.ron")).unwrap_err();
        assert!(
            e.to_string().contains("the file ends early (truncated?)"),
            "{e}"
        );
        let e = parse_workspace("Hello world", Path::new("a.txt")).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("a.txt:1:1: not a claimbench workspace"),
            "{e}"
        );
    }

    #[test]
    fn syntax_errors_have_positions() {
        let t = "(\n    format: \"claimbench\",\n    version: 1,\n    title: 5,\n)";
        let e = parse_workspace(t, Path::new("w.ron")).unwrap_err();
        assert_eq!(e.position(), Some((4, 12)), "{e}");
        assert!(
            e.to_string().contains("in field `title`: Expected string"),
            "{e}"
        );
    }
}
