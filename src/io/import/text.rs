//! Plain text (`.txt`): the text as written (UTF-8, line endings normalised), with metadata from
//! the header lines (see [`super::meta`]).

use super::{Extracted, ImportError, decode_text, finish_text, meta};
use std::path::Path;

/// Reads plain text; invalid UTF-8 is replaced with a warning.
pub fn import(_path: &Path, bytes: &[u8]) -> Result<Extracted, ImportError> {
    let mut ex = Extracted::default();
    ex.text = finish_text(decode_text(bytes, &mut ex.warnings));
    meta::fill_from_text(&mut ex);
    Ok(ex)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::import::ImportWarning;

    #[test]
    fn crlf_bom_and_bad_bytes() {
        let ex = import(
            Path::new("a.txt"),
            b"\xEF\xBB\xBFTitle\r\n\r\nCaf\xE9 body.\r\n\r\n\r\n",
        )
        .unwrap();
        assert_eq!(ex.text, "Title\n\nCaf\u{FFFD} body.\n");
        assert_eq!(ex.title.as_deref(), Some("Title"));
        assert_eq!(
            ex.warnings,
            vec![ImportWarning::NotUtf8 {
                replaced: 1,
                first_at: 15
            }]
        );
    }
}

/// Builds readable text from a stream of inline text and block boundaries (used by the Markdown
/// and HTML readers): runs of white space collapse to one space, blocks are separated by a blank
/// line, and line breaks inside a block are kept.
#[derive(Debug, Default)]
pub struct TextBuilder {
    out: String,
    /// 0: nothing pending, 1: a newline, 2: a blank line.
    pending_break: u8,
    pending_space: bool,
}

impl TextBuilder {
    /// Appends inline text, collapsing white space.
    pub fn text(&mut self, s: &str) {
        if s.starts_with(char::is_whitespace) {
            self.pending_space = true;
        }
        for (i, word) in s.split_whitespace().enumerate() {
            if i > 0 {
                self.pending_space = true;
            }
            self.word(word);
        }
        if s.ends_with(char::is_whitespace) {
            self.pending_space = true;
        }
    }

    /// Appends preformatted text as it is (code blocks, `<pre>`).
    pub fn preformatted(&mut self, s: &str) {
        let s = s.trim_end_matches('\n');
        if s.is_empty() {
            return;
        }
        self.flush_break();
        self.out.push_str(s);
    }

    fn word(&mut self, w: &str) {
        if self.pending_break > 0 && !self.out.is_empty() {
            self.flush_break();
        } else if self.pending_space && !self.out.is_empty() && !self.out.ends_with(['\n', ' ']) {
            self.out.push(' ');
        }
        self.pending_break = 0;
        self.pending_space = false;
        self.out.push_str(w);
    }

    fn flush_break(&mut self) {
        if !self.out.is_empty() {
            let n = usize::from(self.pending_break);
            let have = self.out.len() - self.out.trim_end_matches('\n').len();
            for _ in have..n {
                self.out.push('\n');
            }
        }
        self.pending_break = 0;
        self.pending_space = false;
    }

    /// Ends the current line (a `<br>`, a list item).
    pub fn line_break(&mut self) {
        self.pending_break = self.pending_break.max(1);
    }

    /// Ends the current block (paragraph, heading); the next text starts after a blank line.
    pub fn block_break(&mut self) {
        self.pending_break = 2;
    }

    /// Whether nothing has been written since the last line or block break.
    pub fn at_line_start(&self) -> bool {
        self.out.is_empty() || self.pending_break > 0 || self.out.ends_with('\n')
    }

    /// Bytes written so far (pending breaks not counted): where the next text will start, give
    /// or take the break before it.
    pub fn len(&self) -> usize {
        self.out.len()
    }

    /// Whether nothing has been written yet.
    pub fn is_empty(&self) -> bool {
        self.out.is_empty()
    }

    /// The text built so far.
    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod builder_tests {
    use super::TextBuilder;

    #[test]
    fn collapses_spaces_and_separates_blocks() {
        let mut b = TextBuilder::default();
        b.text("  Hello \n  world");
        b.text("!");
        b.block_break();
        b.text("Next");
        b.text(" para");
        b.line_break();
        b.text("line two");
        assert_eq!(b.finish(), "Hello world!\n\nNext para\nline two");
    }
}
