//! Which lines of a web page's text are the article: everything else is marked as an excluded
//! range (kept in the document, greyed in the Reader, skipped by extraction).
//!
//! The decision comes from `rs-trafilatura` (a Rust port of trafilatura: the best of the Rust
//! extractors we compared on the article-extraction benchmark), aligned back onto our own text:
//! a line is article text when most of its word triples occur in the extractor's output. Our own
//! rules then go past it: lists of link lines (teasers, "most popular", video rails, categories
//! with their counts), a lone link line inside the story, a "You may also like" heading in the
//! last part of the article with the teasers after it (an inline "Related articles" box only
//! loses its heading and links), byline, dateline, tag, photo-credit and promotion lines, and
//! captions or teasers printed twice are excluded even when the extractor kept them. Byline and
//! date lines are handed back so that the metadata reader still finds the author and date in
//! them. When the extractor finds nothing, or cannot run (a page nested deeper than it can walk),
//! the fallback is our structural reading: the `<article>`/`<main>` that holds the headline or
//! most text, minus asides, footers and furniture class names.

use super::html_walk::Rendered;
use crate::model::TextRange;
use regex::Regex;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

/// Deeper pages are not handed to the extractor, whose DOM walks recurse.
const MAX_EXTRACTOR_DEPTH: usize = 600;
/// Stack for the extractor's thread, so that its recursion never depends on the caller's stack.
const EXTRACTOR_STACK: usize = 64 * 1024 * 1024;
/// A line is article text when at least this share of its word triples is in the extractor's text.
const MIN_COVER: f64 = 0.5;
/// Extractor output shorter than this many words is joined with our structural reading.
const SHORT_PAGE: usize = 60;
/// Furniture elements (ads, bylines with biographies, share bars) up to this many words are
/// excluded even inside the extractor's article.
const SMALL_FURNITURE: usize = 40;
/// The extractor's text must share this many words with ours for its decision to be used.
const MIN_ALIGNED_WORDS: usize = 25;

/// One line of the text.
#[derive(Clone, Debug)]
struct Line {
    /// Byte range of the line's text (without its newline).
    span: Range<usize>,
    /// Word count.
    words: usize,
}

/// What of `r.text` is not the article.
pub fn excluded(html: &str, r: &Rendered) -> Decision {
    let lines = lines(&r.text);
    if lines.is_empty() {
        return Decision::default();
    }
    let content = if r.depth <= MAX_EXTRACTOR_DEPTH {
        run_extractor(html)
    } else {
        None
    };
    let structure = by_structure(&r.text, &lines, r);
    let mut keep = match content
        .as_deref()
        .and_then(|c| by_extractor(&r.text, &lines, c))
    {
        // On a short page the extractor's scores rest on little evidence: our structural
        // reading adds what it left out.
        Some(mut k)
            if content
                .as_deref()
                .is_some_and(|c| c.split_whitespace().count() < SHORT_PAGE) =>
        {
            k.iter_mut().zip(&structure).for_each(|(k, s)| *k |= *s);
            k
        }
        Some(k) => k,
        None => structure,
    };
    drop_small_furniture(&r.text, &lines, &r.furniture, &mut keep);
    let share = link_share(&r.text, &lines, &r.links);
    drop_link_lists(&r.text, &lines, &share, &mut keep);
    drop_lone_links(&r.text, &lines, &share, &mut keep);
    drop_after_related_heading(&r.text, &lines, &share, &mut keep);
    drop_repeated_lines(&r.text, &lines, &mut keep);
    let mut meta_lines = drop_furniture_lines(&r.text, &lines, &mut keep);
    meta_lines.extend(byline_before_article(&r.text, &lines, &keep));
    if !keep.iter().any(|k| *k) {
        // Never exclude a whole page: the reader decides what to do with it.
        return Decision::default();
    }
    Decision {
        excluded: ranges(&r.text, &lines, &keep),
        meta_lines,
    }
}

/// What is not the article, and which of it are byline and time-stamp lines.
#[derive(Debug, Default)]
pub struct Decision {
    /// Excluded ranges of the text (sorted, disjoint).
    pub excluded: Vec<TextRange>,
    /// Byline and time-stamp lines among them, for the metadata reader.
    pub meta_lines: Vec<Range<usize>>,
}

/// The extractor's article text, or `None` when it finds nothing or fails. It runs on a thread of
/// its own, with a large stack and its panics caught.
fn run_extractor(html: &str) -> Option<String> {
    std::thread::scope(|s| {
        std::thread::Builder::new()
            .name("article-extractor".into())
            .stack_size(EXTRACTOR_STACK)
            .spawn_scoped(s, || rs_trafilatura::extract(html).ok())
            .ok()?
            .join()
            .ok()
            .flatten()
    })
    .map(|res| res.content_text)
    .filter(|t| !t.trim().is_empty())
}

fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut pos = 0;
    for raw in text.split_inclusive('\n') {
        let body = raw.trim_end_matches('\n');
        let words = body.split_whitespace().count();
        if words > 0 {
            out.push(Line {
                span: pos..pos + body.len(),
                words,
            });
        }
        pos += raw.len();
    }
    out
}

fn norm_words(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn triples(words: &[String]) -> Vec<u64> {
    use std::hash::{Hash, Hasher};
    words
        .windows(3)
        .map(|w| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect()
}

/// Lines the extractor's text covers; short lines (under three words) follow their neighbours
/// when the extractor has them too. `None` when the two texts do not line up at all.
fn by_extractor(text: &str, lines: &[Line], content: &str) -> Option<Vec<bool>> {
    let cw = norm_words(content);
    let set: HashSet<u64> = triples(&cw).into_iter().collect();
    let joined = format!(" {} ", cw.join(" "));
    let mut keep = vec![false; lines.len()];
    let mut short = vec![false; lines.len()];
    let mut aligned = 0;
    for (i, l) in lines.iter().enumerate() {
        let w = norm_words(&text[l.span.clone()]);
        if w.len() < 3 {
            short[i] = !w.is_empty() && joined.contains(&format!(" {} ", w.join(" ")));
            continue;
        }
        let t = triples(&w);
        let hit = t.iter().filter(|h| set.contains(h)).count();
        if hit as f64 >= MIN_COVER * t.len() as f64 {
            keep[i] = true;
            aligned += w.len();
        }
    }
    if aligned < MIN_ALIGNED_WORDS.min(cw.len() / 2) || aligned == 0 {
        return None;
    }
    // Short lines (a subheading, "Photo: X") between or beside kept lines.
    for i in 0..lines.len() {
        if short[i] {
            let before = i > 0 && keep[i - 1];
            let after = i + 1 < lines.len() && keep[i + 1];
            keep[i] = before || after;
        }
    }
    Some(keep)
}

/// Our own reading when no extractor decision is available: the `<article>`/`<main>` holding the
/// first `<h1>` (else the longest one, else the whole body), minus furniture.
fn by_structure(text: &str, lines: &[Line], r: &Rendered) -> Vec<bool> {
    let words = |x: &Range<usize>| text[x.clone()].split_whitespace().count();
    let h1 = r.headings.first();
    let holding_h1 = r
        .articles
        .iter()
        .filter(|a| h1.is_some_and(|h| a.start <= h.start && h.end <= a.end))
        .filter(|a| words(a) >= 50)
        .min_by_key(|a| a.len());
    let root = holding_h1
        .or_else(|| r.articles.iter().max_by_key(|a| words(a)))
        .filter(|a| words(a) * 4 >= text.split_whitespace().count())
        .cloned()
        .unwrap_or(0..text.len());
    let total: usize = lines.iter().map(|l| l.words).sum();
    lines
        .iter()
        .map(|l| {
            let inside = root.start <= l.span.start && l.span.end <= root.end;
            let furniture = r
                .furniture
                .iter()
                .any(|f| f.start <= l.span.start && l.span.end <= f.end && words(f) * 2 < total);
            inside && !furniture
        })
        .collect()
}

/// Lines inside a small furniture element (an ad slot, a byline box, a paywall notice) are not
/// article text; a large one (a content column whose class says `sidebar`) is left to the
/// extractor.
fn drop_small_furniture(text: &str, lines: &[Line], furniture: &[Range<usize>], keep: &mut [bool]) {
    for f in furniture {
        if text[f.clone()].split_whitespace().count() > SMALL_FURNITURE {
            continue;
        }
        for (i, l) in lines.iter().enumerate() {
            if f.start <= l.span.start && l.span.end <= f.end {
                keep[i] = false;
            }
        }
    }
}

/// The share of each line's letters that lie inside link text (digits, bullets and brackets do
/// not count, so `- Markets (48)` with `Markets` linked is all link). Linear in the text.
fn link_share(text: &str, lines: &[Line], links: &[Range<usize>]) -> Vec<f64> {
    let mut in_link = vec![false; text.len()];
    for x in links {
        let end = x.end.min(text.len());
        if x.start < end {
            in_link[x.start..end].iter_mut().for_each(|b| *b = true);
        }
    }
    lines
        .iter()
        .map(|l| {
            let (mut letters, mut linked) = (0usize, 0usize);
            for (at, c) in text[l.span.clone()].char_indices() {
                if c.is_alphabetic() {
                    letters += 1;
                    linked += usize::from(in_link[l.span.start + at]);
                }
            }
            if letters == 0 {
                0.0
            } else {
                linked as f64 / letters as f64
            }
        })
        .collect()
}

/// Runs of three or more lines that are almost all link text (a "most popular" list, teasers, a
/// video rail, a list of categories with their counts) are not the article, whatever the
/// extractor said.
fn drop_link_lists(text: &str, lines: &[Line], share: &[f64], keep: &mut [bool]) {
    let linky: Vec<bool> = lines
        .iter()
        .zip(share)
        .map(|(l, s)| *s >= 0.8 && l.words <= 25)
        .collect();
    let mut i = 0;
    while i < lines.len() {
        if !linky[i] {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < lines.len() && (linky[j] || is_teaser_meta(&text[lines[j].span.clone()])) {
            j += 1;
        }
        if (i..j).filter(|&k| linky[k]).count() >= 3 {
            keep[i..j].iter_mut().for_each(|k| *k = false);
        }
        i = j.max(i + 1);
    }
}

/// A line that is a link and nothing else, inside the article (`READ MORE: OTHER STORY`, a
/// teaser headline between two paragraphs), points elsewhere: not article text.
fn drop_lone_links(text: &str, lines: &[Line], share: &[f64], keep: &mut [bool]) {
    for (i, l) in lines.iter().enumerate() {
        let t = text[l.span.clone()].trim();
        if keep[i]
            && share[i] >= 0.9
            && (3..=25).contains(&l.words)
            && !t.ends_with(['.', '!', '?', ':', ';', ','])
        {
            keep[i] = false;
        }
    }
}

/// Headings that open a box of other stories at the end of an article ("You may also like",
/// "More from the Ledger"), in the languages of the pages we read. A short line like this in the
/// last part of the article ends it: what follows is teasers, however long their summaries.
static END_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(you (may|might) (also )?(like|enjoy|be interested( in)?)|recommended( (for you|stories|articles|reading))?|more (stories|articles|news|headlines)( .{0,30})?|more (from|on|in) .{1,40}|more \p{Lu}\S*( \S+){0,3}|what to read next|(editor'?s|our) picks?|trending( now| stories)?|most (popular|read|viewed)|popular (now|posts|stories)|você (também )?pode gostar|mais lidas|das könnte sie auch interessieren|ähnliche artikel|vous aimerez aussi|articles similaires|sur le même sujet|(también )?te puede interesar|potrebbe interessarti|articoli correlati|похожие (статьи|записи|новости)|самые популярные.{0,20})[\s.:…!]*$",
    )
    .expect("static regex: end heading")
});
/// Headings of a box of links inside an article ("Related articles", "Read also"): the heading
/// and the link lines right after it are not article text; the article goes on after them.
static INLINE_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(related( (articles?|stories|posts|news|content|coverage|reading))?|don'?t miss|read (also|next|more)|(also|further) read|see also|leia também|veja também|(posts|artigos|notícias) relacionad[oa]s|lesen sie auch|mehr zum thema|à lire aussi|lire aussi|lee también|(artículos|noticias) relacionad[oa]s|leggi anche|читайте также|baca juga|artikel terkait|berita terkait)[\s.:…!]*$",
    )
    .expect("static regex: inline heading")
});
/// The share of the article's words that must come before a related-stories heading for it to
/// end the article (one near the top is a box inside the story, dropped by the other rules).
const RELATED_AFTER: f64 = 0.5;

/// Article words before an end-of-article heading that are enough, whatever follows (teasers
/// with long summaries can outweigh a short article).
const MIN_BEFORE_END: usize = 100;
/// Lines after an end-of-article heading in which two teaser links must appear.
const TEASER_WINDOW: usize = 12;
/// The most link lines after an inline related-links heading that go with it.
const INLINE_LINKS: usize = 6;

/// From an end-of-article heading in the last part of the kept text to the end, and an inline
/// related-links heading with its links: not article.
fn drop_after_related_heading(text: &str, lines: &[Line], share: &[f64], keep: &mut [bool]) {
    let total: usize = lines
        .iter()
        .zip(keep.iter())
        .filter(|(_, k)| **k)
        .map(|(l, _)| l.words)
        .sum();
    let mut before = 0;
    for i in 0..lines.len() {
        let l = &lines[i];
        let t = text[l.span.clone()].trim();
        let window = i + 1..(i + 1 + TEASER_WINDOW).min(lines.len());
        // Teasers: lines that are links, or carry one, follow the heading; and the box is in
        // the article's flow (the heading or the teasers' summaries were kept), not a sidebar.
        let links_follow = share[window.clone()].iter().filter(|s| **s >= 0.3).count() >= 2;
        let in_flow = keep[i] || window.filter(|&j| keep[j] && lines[j].words >= 8).count() >= 2;
        if l.words <= 8
            && (before >= MIN_BEFORE_END || before as f64 >= RELATED_AFTER * total as f64)
            && END_HEADING.is_match(t)
            && links_follow
            && in_flow
        {
            keep[i..].iter_mut().for_each(|k| *k = false);
            return;
        }
        if !keep[i] {
            continue;
        }
        if l.words <= 8 && INLINE_HEADING.is_match(t) {
            keep[i] = false;
            let mut j = i + 1;
            while j < lines.len() && j <= i + INLINE_LINKS && share[j] >= 0.8 {
                keep[j] = false;
                j += 1;
            }
            continue;
        }
        before += l.words;
    }
}

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(by|von|par|por|door)\s+\S.{0,90}$").expect("static regex: byline")
});
static STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\d/.:\- ]+(am|pm)?$|^(first |last )?(updated|published|posted|publicado|publicada|atualizado|actualizado|veröffentlicht|aktualisiert|publié|mis à jour|pubblicato|aggiornato|diterbitkan|dipublikasikan)\b.{0,80}$")
        .expect("static regex: time stamp")
});
/// Words a date line is made of, in the languages of the pages we read: month and weekday names
/// and the little words between them (`segunda-feira, 22 de janeiro de 2018 às 0:13`).
static DATE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|enero|febrero|marzo|mayo|junio|julio|septiembre|octubre|noviembre|diciembre|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|sábado|domingo|lunes|martes|miércoles|jueves|viernes|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|de|del|às|as|a|at|on|um|le|el|am|pm|a\.m|p\.m|et|est|edt|gmt|utc|ist|pt|pst|ct|cet|cest|uhr|h|hrs|th|st|nd|rd|updated|published|posted|min|mins|read|•|\d+(st|nd|rd|th)?|\d+[:.]\d+([:.]\d+)?|\d+[/.-]\d+[/.-]\d+)$")
        .expect("static regex: date word")
});

/// A line that is only a date and time (`Fri 6:45 PM, Feb 16, 2018`, `22 de janeiro de 2018 às
/// 0:13`): a year, and nothing but date words around it.
fn is_date_line(t: &str) -> bool {
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '(' | ')' | '–' | '—'))
        .map(|w| w.trim_matches(|c: char| matches!(c, '.' | ':' | '-' | '•' | '·')))
        .filter(|w| !w.is_empty())
        .collect();
    let has_year = words.iter().any(|w| {
        w.len() >= 4
            && w.split(|c: char| !c.is_ascii_digit())
                .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")))
    });
    has_year && words.len() <= 12 && words.iter().all(|w| DATE_WORD.is_match(w))
}
/// Lines that list the story's tags or categories (`Tags: chips, cloud`, `Filed under: Markets`).
static TAGS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(tags?|tagged|topics?|filed under|categor(y|ies|ia|ías)|etiquetas|schlagwörter|themen|related roundup|buyer'?s guide|tag)(\s*:|\s*$|\s+\p{Lu})")
        .expect("static regex: tags line")
});
/// Photo and image credits (`© Jo Park`, `Photo: Getty Images`).
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(©|\(c\) |photo:|photos:|image:|images:|credit:|photograph:|foto:|\(image: |\(photo: |source: getty).{0,100}$")
        .expect("static regex: credit")
});
static PROMO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(advertisement|advert|advertising|ads?|anzeige|werbung|publicidad|publicidade|publicité|pubblicità|iklan|реклама|\[\w+[^\]]*\].*\[/\w+\]|sponsored( links?| content| stories)?|read more|continue reading|share this( (article|story))?|subscribe( now)?|sign up.*newsletter.*|(please )?donate.*|support (our|independent) journalism.*|this (article|content) is (for|only available to) subscribers.*|already a subscriber\??.*|.{0,60}\bclick(ing)? here\b.{0,60}|this slideshow requires javascript\.?|tell us what you think.*|leave a (comment|reply)|(comments?|responses?) \(\d+\)|you (may|might) (also )?(like|enjoy|be interested( in)?)|(\d+ )?comments?|print( this( article| page)?)?|e-?mail( this( article)?)?|back to top)[\s.:…!]*$",
    )
    .expect("static regex: promotion line")
});

/// Whether a line is a byline (`By Jo Park`, `Von Jo Park publiziert am …`).
pub fn is_byline(line: &str) -> bool {
    BYLINE.is_match(unbullet(line))
}

/// A line without the `- ` our text gives list items (a byline set as a list).
pub fn unbullet(line: &str) -> &str {
    let t = line.trim();
    t.strip_prefix("- ").unwrap_or(t).trim()
}

/// Lines between teaser links: a byline or a time stamp.
fn is_teaser_meta(line: &str) -> bool {
    let l = line.trim();
    l.split_whitespace().count() <= 8 && (BYLINE.is_match(l) || STAMP.is_match(l))
}

/// Short promotion lines ("Advertisement", "Subscribe now", donation prompts) and the byline
/// and time-stamp lines of the story (`By Jo Park - 2019-04-10`, `Updated 10:48 GMT`) are
/// excluded; the latter are returned, so that the metadata reader can still find the author and
/// date in them.
fn drop_furniture_lines(text: &str, lines: &[Line], keep: &mut [bool]) -> Vec<Range<usize>> {
    let mut meta = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if !keep[i] || l.words > 30 {
            continue;
        }
        let t = unbullet(&text[l.span.clone()]);
        if PROMO.is_match(t)
            || (TAGS.is_match(t) && !t.ends_with('.'))
            || (l.words <= 12 && CREDIT.is_match(t))
        {
            keep[i] = false;
        } else if l.words <= 14
            && (((!t.ends_with('.') || t.contains(|c: char| c.is_ascii_digit()))
                && BYLINE.is_match(t))
                || STAMP.is_match(t)
                || is_date_line(t))
        {
            keep[i] = false;
            meta.push(l.span.clone());
        }
    }
    meta
}

/// Shorter lines may repeat in an article (the same question to each guest of an interview, a
/// recipe step for each day).
const MIN_REPEATED_WORDS: usize = 8;

/// A kept line of eight words or more, not a sentence, that repeats an earlier kept line word
/// for word (a caption
/// under every photo of a gallery, a teaser list printed twice) is kept once.
fn drop_repeated_lines(text: &str, lines: &[Line], keep: &mut [bool]) {
    let mut seen: HashSet<&str> = HashSet::new();
    for (i, l) in lines.iter().enumerate() {
        let t = text[l.span.clone()].trim();
        // A sentence may be repeated on purpose; a caption or a cut teaser has no full stop.
        let sentence = t.ends_with(['.', '!', '?']) && !t.ends_with("...");
        if keep[i] && l.words >= MIN_REPEATED_WORDS && !sentence && !seen.insert(t) {
            keep[i] = false;
        }
    }
}

/// Lines just above the article's first kept line that are a byline or a time stamp (the story's
/// own, left out by the extractor), for the metadata reader.
fn byline_before_article(text: &str, lines: &[Line], keep: &[bool]) -> Vec<Range<usize>> {
    let Some(first) = keep.iter().position(|k| *k) else {
        return Vec::new();
    };
    lines[first.saturating_sub(BYLINE_REACH)..first]
        .iter()
        .filter(|l| {
            let t = unbullet(&text[l.span.clone()]);
            l.words <= 14 && (BYLINE.is_match(t) || STAMP.is_match(t) || is_date_line(t))
        })
        .map(|l| l.span.clone())
        .collect()
}

/// How many lines above the article a byline or time stamp is looked for.
const BYLINE_REACH: usize = 10;

/// Excluded byte ranges: runs of lines not kept, with the white space up to the next kept line.
fn ranges(text: &str, lines: &[Line], keep: &[bool]) -> Vec<TextRange> {
    let mut out: Vec<TextRange> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if keep[i] {
            i += 1;
            continue;
        }
        let start = lines[i].span.start;
        let mut j = i;
        while j < lines.len() && !keep[j] {
            j += 1;
        }
        let end = if j < lines.len() {
            lines[j].span.start
        } else {
            text.len()
        };
        out.push(TextRange { start, end });
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(text: &str, keep: &[bool]) -> Vec<String> {
        lines(text)
            .iter()
            .zip(keep)
            .filter(|(_, k)| **k)
            .map(|(l, _)| text[l.span.clone()].to_owned())
            .collect()
    }

    #[test]
    fn aligns_extractor_text_onto_lines() {
        let text = "Menu line here now\nThe first paragraph of the story has several words in it.\nPhoto: A\nThe second paragraph, also long enough to count as prose.\nFooter links go here";
        let content = "The first paragraph of the story has several words in it.\n\nPhoto: A\nThe second paragraph, also long enough to count as prose.";
        let ls = lines(text);
        let keep = by_extractor(text, &ls, content).unwrap();
        assert_eq!(
            kept(text, &keep),
            vec![
                "The first paragraph of the story has several words in it.",
                "Photo: A",
                "The second paragraph, also long enough to count as prose."
            ]
        );
        assert!(by_extractor(text, &ls, "nothing in common at all with it").is_none());
    }

    #[test]
    fn furniture_lines_in_other_languages_and_shortcodes() {
        let text = "Anzeige\nThe story goes on with a sentence of its own here.\n[button link=\"/tip\"] Send us a tip[/button]\nIklan\nVon Jonas Weber | 04.05.2025\nsegunda-feira, 22 de janeiro de 2018 às 0:13";
        let ls = lines(text);
        let mut keep = vec![true; ls.len()];
        let meta = drop_furniture_lines(text, &ls, &mut keep);
        assert_eq!(
            kept(text, &keep),
            vec!["The story goes on with a sentence of its own here."]
        );
        let meta: Vec<&str> = meta.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            meta,
            vec![
                "Von Jonas Weber | 04.05.2025",
                "segunda-feira, 22 de janeiro de 2018 às 0:13"
            ]
        );
    }

    #[test]
    fn link_lists_with_bylines_are_dropped() {
        let text = "Story one\nBy Staff\nStory two\n10:08 AM\nStory three\nA real paragraph.";
        let ls = lines(text);
        let links: Vec<Range<usize>> = ["Story one", "Story two", "Story three"]
            .iter()
            .map(|s| {
                let at = text.find(s).unwrap();
                at..at + s.len()
            })
            .collect();
        let mut keep = vec![true; ls.len()];
        let share = link_share(text, &ls, &links);
        drop_link_lists(text, &ls, &share, &mut keep);
        assert_eq!(kept(text, &keep), vec!["A real paragraph."]);
    }
}
