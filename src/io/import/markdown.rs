//! Markdown (`.md`): parsed with `pulldown-cmark` (CommonMark) and flattened to readable text:
//! emphasis, links and code marks are dropped, headings and paragraphs become blocks, list items
//! lines starting with `- `, images and raw HTML are left out. The first heading (an H1 if there
//! is one) is the title; a YAML-style front matter block (`title:`, `author:`, `date:`,
//! `source:`, `url:`) fills the metadata and is not part of the text.

use super::text::TextBuilder;
use super::{Extracted, ImportError, decode_text, finish_text, meta};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::path::Path;

/// Reads Markdown into text and metadata.
pub fn import(_path: &Path, bytes: &[u8]) -> Result<Extracted, ImportError> {
    let mut ex = Extracted::default();
    let source = decode_text(bytes, &mut ex.warnings);
    let body = front_matter(&source, &mut ex);
    let (text, heading) = render(body);
    ex.text = finish_text(text);
    if ex.title.is_none() {
        ex.title = heading;
    }
    meta::fill_from_text(&mut ex);
    Ok(ex)
}

/// Reads a leading `---` … `---` block of `key: value` lines into `ex`; returns the rest.
fn front_matter<'a>(source: &'a str, ex: &mut Extracted) -> &'a str {
    let Some(rest) = source.strip_prefix("---\n") else {
        return source;
    };
    let Some(end) = rest
        .find("\n---\n")
        .or_else(|| rest.strip_suffix("\n---").map(str::len))
    else {
        return source;
    };
    for line in rest[..end].lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).trim();
        if value.is_empty() {
            continue;
        }
        let v = Some(value.to_owned());
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => ex.title = v,
            "author" | "by" => ex.author = v,
            "source" | "outlet" | "publisher" | "site" => ex.outlet = v,
            "url" | "link" | "canonical" => ex.url = v,
            "date" | "published" => ex.published = meta::parse_machine_date(value),
            _ => {}
        }
    }
    rest.get(end + 5..).unwrap_or("")
}

/// Flattens Markdown to text; also returns the first heading (H1 preferred).
fn render(md: &str) -> (String, Option<String>) {
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    let mut b = TextBuilder::default();
    let mut heading: Option<(HeadingLevel, String)> = None;
    let mut current: Option<(HeadingLevel, String)> = None;
    let mut image_depth = 0usize;
    let mut lists: Vec<Option<u64>> = Vec::new();
    for event in Parser::new_ext(md, opts) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                b.block_break();
                current = Some((level, String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                b.block_break();
                if let Some((level, text)) = current.take() {
                    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    let better = match &heading {
                        None => true,
                        Some((l, _)) => *l != HeadingLevel::H1 && level == HeadingLevel::H1,
                    };
                    if better && !text.is_empty() {
                        heading = Some((level, text));
                    }
                }
            }
            Event::Start(Tag::Paragraph | Tag::BlockQuote(_) | Tag::Table(_))
            | Event::End(TagEnd::Paragraph | TagEnd::BlockQuote(_) | TagEnd::Table)
            | Event::Rule => b.block_break(),
            Event::Start(Tag::List(first)) => {
                b.block_break();
                lists.push(first);
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
                b.block_break();
            }
            Event::Start(Tag::Item) => {
                b.line_break();
                let marker = match lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}.", *n - 1)
                    }
                    _ => "-".to_owned(),
                };
                b.text(&marker);
                b.text(" ");
            }
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => b.line_break(),
            Event::End(TagEnd::TableCell) => b.text(" | "),
            Event::Start(Tag::Image { .. }) => image_depth += 1,
            Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
            Event::Start(Tag::CodeBlock(_)) => b.block_break(),
            Event::End(TagEnd::CodeBlock) => b.block_break(),
            Event::Text(t) | Event::Code(t) if image_depth == 0 => {
                if let Some((_, h)) = current.as_mut() {
                    h.push_str(&t);
                }
                if t.contains('\n') && !t.trim().is_empty() && current.is_none() {
                    b.preformatted(&t);
                    b.line_break();
                } else {
                    b.text(&t);
                }
            }
            Event::SoftBreak => b.text(" "),
            Event::HardBreak => b.line_break(),
            _ => {}
        }
    }
    (b.finish(), heading.map(|(_, t)| t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_syntax_and_keeps_the_first_heading() {
        let md = "Intro line\n\n## Sub first\n\n# The **Real** Title\n\nSome *em* text with a [link](http://x.example) and `code`.\n\n- one\n- two\n\n1. first\n2. second\n\n![alt text](img.png)\n\n<div>raw html</div>\n";
        let ex = import(Path::new("a.md"), md.as_bytes()).unwrap();
        assert_eq!(ex.title.as_deref(), Some("The Real Title"));
        assert!(
            ex.text.contains("Some em text with a link and code."),
            "{}",
            ex.text
        );
        assert!(ex.text.contains("- one\n- two"), "{}", ex.text);
        assert!(ex.text.contains("1. first\n2. second"), "{}", ex.text);
        for gone in ["**", "](", "`", "alt text", "<div>", "#"] {
            assert!(!ex.text.contains(gone), "{gone:?} left in {}", ex.text);
        }
    }

    #[test]
    fn front_matter_fills_metadata() {
        let md = "---\ntitle: \"Deal Watch\"\nauthor: A. Writer\ndate: 2025-12-16\nsource: Example Post\n---\n# Other heading\n\nBody.\n";
        let ex = import(Path::new("a.md"), md.as_bytes()).unwrap();
        assert_eq!(ex.title.as_deref(), Some("Deal Watch"));
        assert_eq!(ex.author.as_deref(), Some("A. Writer"));
        assert_eq!(ex.outlet.as_deref(), Some("Example Post"));
        assert_eq!(
            ex.published.map(|d| d.to_string()).as_deref(),
            Some("2025-12-16")
        );
        assert!(!ex.text.contains("title:"), "{}", ex.text);
    }
}
