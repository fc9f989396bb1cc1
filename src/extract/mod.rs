//! Extraction: text → candidate claims (figures, qualifiers, periods, dates, parties, kind,
//! status), for the analyst to accept or reject. No egui here; the GUI and the `extract` CLI
//! both call [`extract`].
//!
//! Pipeline: one regex pass finds figures and one Aho-Corasick pass finds parties over the whole
//! text; only paragraphs with figures are segmented into sentences and clauses, so cost grows
//! with the number of figures, not with the prose around them. On a long text (256 KB and more)
//! the figure scan runs beside the party scan and the paragraphs are read in two halves, each
//! on its own thread; the candidates are the same, in the same order, as on one thread. Paragraphs that are ads or
//! sidebars (see [`noise`]) and excluded ranges yield nothing; headings yield candidates marked
//! `in_heading`.

pub mod builtin;
pub mod cues;
pub mod dates;
pub mod figures;
pub mod gazetteer;
pub mod money;
pub mod noise;
pub mod orgs;
pub mod parties;
pub mod period;
pub mod relations;
pub mod segment;

pub use dates::{DateSource, find_published, find_published_in};
pub use gazetteer::{GazEntry, Gazetteer, Mention, Role};

use crate::model::{
    ClaimKind, ClaimStatus, Entity, Figure, FuzzyDate, Period, SourceDocument, TextRange, Unit,
};
use segment::Span;

/// How far back (bytes) a missing party is looked for.
const CONTEXT_BYTES: usize = 1500;

/// One proposed claim: a figure with the sentence that states it and what was read around it.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// Start byte offset of the quoted sentence.
    pub start: usize,
    /// End byte offset of the quoted sentence.
    pub end: usize,
    /// `text[start..end]`.
    pub quote: String,
    /// The figure as written (`$10 billion`), inside the quote.
    pub figure_text: String,
    /// Start byte offset of the figure text.
    pub figure_start: usize,
    /// End byte offset of the figure text.
    pub figure_end: usize,
    /// What sort of fact it states.
    pub kind: ClaimKind,
    /// Who acts (investor, buyer, valued company), canonical name.
    pub subject: Option<String>,
    /// The other party (investee, provider), canonical name.
    pub counterparty: Option<String>,
    /// The parsed figure with its qualifier and unit.
    pub figure: Figure,
    /// The time the figure covers.
    pub period: Option<Period>,
    /// The date stated in the sentence, resolved against the published date.
    pub date: Option<FuzzyDate>,
    /// How firm it is.
    pub status: ClaimStatus,
    /// 0–1: how complete and plain the reading is.
    pub confidence: f64,
    /// Whether the figure stands in a headline or section title.
    pub in_heading: bool,
    /// Where `date` came from: the figure's own words, its paragraph or the publication date.
    pub date_source: dates::DateSource,
    /// Why the reading may be wrong (currency or scale unclear), in words for the Suggestions
    /// list; any doubt keeps the confidence below the auto-accept threshold.
    pub doubts: Vec<String>,
    /// A relation stated without a figure ("runs on Microsoft's Azure"): `figure` is only a
    /// placeholder, `figure_text` is empty and accepting it makes a claim without a figure.
    pub relation_only: bool,
}

/// The highest confidence of a candidate whose reading is in doubt: below any sensible
/// "Accept all above" threshold, so a scale or currency slip is never accepted unseen.
pub const DOUBT_CONFIDENCE: f64 = 0.4;

/// How long the extraction of one document may take: past it, the rest of the document is not
/// read for claims and the caller says so ([`Stopped`]). Every shape of text we know of takes
/// well under a second per megabyte; the bound is there for the shapes we do not know yet.
pub const TIME_LIMIT: std::time::Duration = std::time::Duration::from_secs(20);

/// Where an extraction stopped because it ran out of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stopped {
    /// How long it had run.
    pub after: std::time::Duration,
    /// Byte offset of the first paragraph not read.
    pub at: usize,
}

impl Stopped {
    /// `extraction stopped after 20 s at character 1204113; the rest was not read for claims`.
    pub fn describe(&self, text: &str) -> String {
        let at = text.get(..self.at).map_or(self.at, |s| s.chars().count()) + 1;
        format!(
            "extraction stopped after {} s at character {}; the rest was not read for claims",
            self.after.as_secs(),
            at
        )
    }
}

/// Candidates of one document, and whether extraction stopped early.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extraction {
    /// The candidates found, in text order.
    pub candidates: Vec<Candidate>,
    /// Set when the time bound ended the extraction before the end of the text.
    pub stopped: Option<Stopped>,
}

/// Proposes candidate claims for `text`. `published` resolves relative dates; figures whose
/// start lies in an `excluded` range are skipped; `gazetteer` names the parties. Stops after
/// [`TIME_LIMIT`]; use [`extract_within`] to learn whether it did.
pub fn extract(
    text: &str,
    published: Option<FuzzyDate>,
    excluded: &[TextRange],
    gazetteer: &Gazetteer,
) -> Vec<Candidate> {
    extract_within(text, published, excluded, gazetteer, TIME_LIMIT).candidates
}

/// [`extract`] with a time bound: the clock is read before each paragraph, and past `limit` the
/// rest of the text is left unread (a zero limit reads nothing).
pub fn extract_within(
    text: &str,
    published: Option<FuzzyDate>,
    excluded: &[TextRange],
    gazetteer: &Gazetteer,
    limit: std::time::Duration,
) -> Extraction {
    let parallel = text.len() >= PARALLEL_BYTES;
    extract_on(text, published, excluded, gazetteer, limit, parallel)
}

/// [`extract_within`] on one thread or, when `parallel`, on two; the result is the same.
fn extract_on(
    text: &str,
    published: Option<FuzzyDate>,
    excluded: &[TextRange],
    gazetteer: &Gazetteer,
    limit: std::time::Duration,
    parallel: bool,
) -> Extraction {
    let started = std::time::Instant::now();
    let (figs, names) = if parallel {
        // The two whole-text passes do not depend on each other: on a long text the figure
        // scan runs on a second thread while this one reads the parties. Each pass is the same
        // call as below, so the result does not depend on which finishes first.
        std::thread::scope(|scope| {
            let figs = scope.spawn(|| figures::find_figures(text, 0));
            let names = parties_of(text, gazetteer);
            let figs = figs
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (figs, Some(names))
        })
    } else {
        (figures::find_figures(text, 0), None)
    };
    if figs.is_empty() && !relations::may_hold(text) {
        return Extraction::default();
    }
    let mentions = names.unwrap_or_else(|| parties_of(text, gazetteer));
    let topic = noise::Topic::from_mentions(&mentions);
    let doc = Doc {
        text,
        published,
        mentions: &mentions,
        topic: &topic,
    };
    // First the cheap walk that decides which paragraphs are read (sidebars, ads, widgets need
    // the paragraphs before them), then the reading of those paragraphs, which does not.
    let mut jobs: Vec<Job<'_>> = Vec::new();
    let mut fi = 0;
    let mut in_sidebar = false;
    let mut prev_para: Option<Span> = None;
    let mut stopped = None;
    for (pi, para) in segment::paragraphs(text).into_iter().enumerate() {
        let after = started.elapsed();
        if after >= limit {
            stopped = Some(Stopped {
                after,
                at: para.span.start,
            });
            break;
        }
        let ptext = &text[para.span.start..para.span.end];
        if noise::is_marker(ptext) {
            in_sidebar = true;
            continue;
        }
        while fi < figs.len() && figs[fi].start < para.span.start {
            fi += 1;
        }
        let first = fi;
        while fi < figs.len() && figs[fi].start < para.span.end {
            fi += 1;
        }
        let pf: Vec<&figures::FoundFigure> = figs[first..fi]
            .iter()
            .filter(|f| f.end <= para.span.end)
            .filter(|f| {
                !excluded
                    .iter()
                    .any(|r| r.start <= f.start && f.start < r.end)
            })
            .collect();
        let this_para = para.span;
        let prose = ptext.len() > 100 && ptext.ends_with(['.', '"', '”', '!', '?']);
        let names_main = || {
            doc.mentions_in(para.span)
                .iter()
                .any(|m| topic.is_main(&m.canonical))
        };
        if in_sidebar && prose && names_main() {
            // Prose about the document's parties again: the sidebar is over.
            in_sidebar = false;
        }
        let mut job = Job {
            para: this_para,
            relations: !in_sidebar && prose,
            figures: None,
        };
        if !pf.is_empty() {
            let names_main = names_main();
            // After a sidebar marker only article-like prose about the main parties survives;
            // headline-like lines there are other stories even when they name a main party.
            let sidebar_headline = in_sidebar && !prose;
            if !(sidebar_headline
                || noise::is_widget(ptext)
                || !names_main && (in_sidebar || noise::is_off_topic(ptext)))
            {
                let heading = segment::is_heading(ptext, pi == 0);
                job.figures = Some((heading, prev_para, pf));
            }
        }
        if job.relations || job.figures.is_some() {
            jobs.push(job);
        }
        prev_para = Some(this_para);
    }
    let (out, mut rels, late) = if parallel && jobs.len() > 1 {
        // Two halves of about equal work, each read on its own thread; the first half's
        // candidates come first, as one pass would have made them.
        let total: usize = jobs.iter().map(Job::weight).sum();
        let mut acc = 0;
        let cut = jobs
            .iter()
            .position(|j| {
                acc += j.weight();
                acc * 2 >= total
            })
            .map_or(jobs.len() / 2, |i| (i + 1).min(jobs.len() - 1));
        let (a, b) = jobs.split_at(cut);
        let (first, second) = std::thread::scope(|scope| {
            let second = scope.spawn(|| doc.read(b, started, limit));
            let first = doc.read(a, started, limit);
            let second = second
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (first, second)
        });
        match first {
            // The first half ran out of time: nothing after it counts.
            (out, rels, Some(late)) => (out, rels, Some(late)),
            (mut out, mut rels, None) => {
                let (o, r, late) = second;
                out.extend(o);
                rels.extend(r);
                (out, rels, late)
            }
        }
    } else {
        doc.read(&jobs, started, limit)
    };
    let stopped = late.or(stopped);
    // Like figures, a relation read from boilerplate (ads, sidebars marked excluded) is no claim.
    rels.retain(|c| {
        !excluded
            .iter()
            .any(|r| r.start <= c.figure_start && c.figure_start < r.end)
    });
    Extraction {
        candidates: merge_relations(out, rels),
        stopped,
    }
}

/// From this many bytes on, [`extract_within`] scans figures and parties on two threads (below
/// it a thread costs more than it saves).
const PARALLEL_BYTES: usize = 256 * 1024;

/// Every party named in `text`, in text order: those of `gazetteer` and the companies outside
/// the name list that news names the way [`orgs`] reads them.
fn parties_of(text: &str, gazetteer: &Gazetteer) -> Vec<Mention> {
    let found = orgs::find(text, gazetteer);
    if found.is_empty() {
        return gazetteer.find(text, 0);
    }
    let mut entries = gazetteer.entries().to_vec();
    entries.extend(found);
    Gazetteer::from_entries(entries).find(text, 0)
}

/// Adds the figure-less relations to the figure candidates, in text order, leaving out a
/// relation whose sentence already has a figure between the same two parties. Sorts even when
/// there are none to add: a paragraph's own "X and Y" relation is pushed after its figures.
fn merge_relations(mut out: Vec<Candidate>, rels: Vec<Candidate>) -> Vec<Candidate> {
    fn pair(c: &Candidate) -> [Option<&str>; 2] {
        let mut v = [c.subject.as_deref(), c.counterparty.as_deref()];
        v.sort();
        v
    }
    // One set of the figure candidates' sentences and parties: a scan of all candidates per
    // relation grew with the square of the text (12 MB of news took 10 s).
    let taken: std::collections::HashSet<(usize, usize, [Option<&str>; 2])> =
        out.iter().map(|c| (c.start, c.end, pair(c))).collect();
    let keep: Vec<Candidate> = rels
        .into_iter()
        .filter(|r| !taken.contains(&(r.start, r.end, pair(r))))
        .collect();
    drop(taken);
    out.extend(keep);
    out.sort_by_key(|c| (c.start, c.figure_start));
    out
}

/// Proposes candidates for a workspace document: its text, published date and excluded ranges,
/// with the built-in gazetteer merged with the workspace's `entities`. For many documents, build
/// the gazetteer once and call [`extract`] instead.
pub fn extract_document(doc: &SourceDocument, entities: &[Entity]) -> Vec<Candidate> {
    extract_document_within(doc, entities, TIME_LIMIT).candidates
}

/// [`extract_document`] with a time bound ([`extract_within`]).
pub fn extract_document_within(
    doc: &SourceDocument,
    entities: &[Entity],
    limit: std::time::Duration,
) -> Extraction {
    let mut gazetteer = Gazetteer::builtin();
    gazetteer.merge_entities(entities);
    // A document imported without a date still has its dateline, byline or URL path.
    let published = doc
        .published
        .or_else(|| find_published_in(&doc.text, doc.url.as_deref()));
    extract_within(&doc.text, published, &doc.excluded, &gazetteer, limit)
}

/// A paragraph to read: its figure-less relations (when it is article prose) and its figures
/// (with whether it is a heading and the paragraph before it).
struct Job<'a> {
    para: Span,
    relations: bool,
    figures: Option<(bool, Option<Span>, Vec<&'a figures::FoundFigure>)>,
}

impl Job<'_> {
    /// Roughly how long the job takes: figures cost most, a paragraph of prose a little.
    fn weight(&self) -> usize {
        1 + self.figures.as_ref().map_or(0, |f| 4 * f.2.len())
    }
}

/// Whole-document facts shared by all candidates.
struct Doc<'a> {
    text: &'a str,
    published: Option<FuzzyDate>,
    mentions: &'a [Mention],
    topic: &'a noise::Topic,
}

impl Doc<'_> {
    /// Reads `jobs` in order: the figure candidates, the figure-less relations, and where the
    /// time bound stopped the reading (the clock is read before each paragraph).
    fn read(
        &self,
        jobs: &[Job<'_>],
        started: std::time::Instant,
        limit: std::time::Duration,
    ) -> (Vec<Candidate>, Vec<Candidate>, Option<Stopped>) {
        let mut out = Vec::new();
        let mut rels = Vec::new();
        for job in jobs {
            let after = started.elapsed();
            if after >= limit {
                let at = job.para.start;
                return (out, rels, Some(Stopped { after, at }));
            }
            if job.relations && relations::may_hold(&self.text[job.para.start..job.para.end]) {
                self.relations(job.para, &mut rels);
            }
            if let Some((heading, prev_para, pf)) = &job.figures {
                self.paragraph(job.para, *heading, *prev_para, pf, &mut out);
            }
        }
        (out, rels, None)
    }

    fn mentions_in(&self, s: Span) -> &[Mention] {
        let a = self.mentions.partition_point(|m| m.start < s.start);
        let b = self.mentions.partition_point(|m| m.start < s.end);
        &self.mentions[a..b]
    }

    /// Figure-less relations in a paragraph's sentences ("runs on Azure").
    fn relations(&self, para: Span, out: &mut Vec<Candidate>) {
        let mut prev_first: Option<String> = None;
        for s in segment::sentences(self.text, para) {
            let ms: Vec<&Mention> = self.mentions_in(s).iter().collect();
            let stext = &self.text[s.start..s.end];
            // A relation needs a party named after its cue: a sentence naming none holds none.
            if !ms.is_empty() && relations::may_hold(stext) {
                let fallback = prev_first.as_deref().or_else(|| self.topic.pair().0);
                for r in relations::find(self.text, (s.start, s.end), &ms, fallback) {
                    let dates = dates::find_dates(stext, s.start, self.published);
                    let (date, date_source) = match dates.first() {
                        Some(d) => (Some(d.date), dates::DateSource::Own),
                        None => (
                            self.published,
                            if self.published.is_some() {
                                dates::DateSource::Published
                            } else {
                                dates::DateSource::None
                            },
                        ),
                    };
                    // Both parties named in the sentence: as firm as a plain figure reading.
                    let confidence = if r.named { 0.75 } else { 0.6 };
                    out.push(Candidate {
                        start: s.start,
                        end: s.end,
                        quote: stext.to_owned(),
                        figure_text: String::new(),
                        figure_start: r.start,
                        figure_end: r.start,
                        kind: r.kind,
                        subject: Some(r.payer),
                        counterparty: Some(r.payee),
                        figure: Figure::exact(0.0, Unit::Usd),
                        period: None,
                        date,
                        status: cues::status(stext),
                        confidence,
                        in_heading: false,
                        date_source,
                        doubts: Vec::new(),
                        relation_only: true,
                    });
                }
            }
            if let Some(m) = ms.first() {
                prev_first = Some(m.canonical.clone());
            }
        }
    }

    fn paragraph(
        &self,
        para: Span,
        heading: bool,
        prev_para: Option<Span>,
        figs: &[&figures::FoundFigure],
        out: &mut Vec<Candidate>,
    ) {
        let sentences = segment::sentences(self.text, para);
        // Dates of the paragraph, for figures whose sentence states none.
        let para_dates =
            dates::find_dates(&self.text[para.start..para.end], para.start, self.published);
        // Only the previous paragraph's last sentence matters: segment just its tail.
        let mut prev = prev_para.map(|p| {
            let tail = Span {
                start: figures::ceil(self.text, p.end.saturating_sub(400).max(p.start)),
                end: p.end,
            };
            segment::sentences(self.text, tail)
                .last()
                .copied()
                .unwrap_or(tail)
        });
        let mut fi = 0;
        for s in sentences {
            let start = fi;
            while fi < figs.len() && figs[fi].start < s.end {
                fi += 1;
            }
            if fi > start {
                let inherited = para_dates
                    .iter()
                    .rev()
                    .find(|d| d.end <= s.start)
                    .map(|d| d.date);
                self.sentence(s, heading, prev, inherited, &figs[start..fi], out);
            }
            prev = Some(s);
        }
    }

    fn sentence(
        &self,
        s: Span,
        heading: bool,
        prev: Option<Span>,
        para_date: Option<FuzzyDate>,
        figs: &[&figures::FoundFigure],
        out: &mut Vec<Candidate>,
    ) {
        let text = self.text;
        let stext = &text[s.start..s.end];
        let ms: Vec<&Mention> = self.mentions_in(s).iter().collect();
        let prev_ms: Vec<&Mention> =
            prev.map_or_else(Vec::new, |p| self.mentions_in(p).iter().collect());
        let context: Vec<&Mention> = self
            .mentions_in(Span {
                start: s.start.saturating_sub(CONTEXT_BYTES),
                end: s.start,
            })
            .iter()
            .collect();
        let dates = dates::find_dates(stext, s.start, self.published);
        let status = cues::status(stext);
        for f in figs {
            let cl = segment::clause(text, s, f.start);
            let ctext = &text[cl.start..cl.end];
            let others: Vec<(usize, usize)> = figs
                .iter()
                .filter(|o| o.start != f.start && cl.contains(o.start))
                .map(|o| (o.start, o.end))
                .collect();
            // Other figures compete for cue words, except a percentage and a sum ("27% of
            // OpenAI, a stake worth $135 billion": the stake is both).
            let rivals: Vec<(usize, usize)> = figs
                .iter()
                .filter(|o| o.start != f.start && cl.contains(o.start))
                .filter(|o| {
                    let pct = |u: &Unit| *u == Unit::Percent;
                    !(pct(&o.figure.unit) && f.figure.unit.is_money()
                        || pct(&f.figure.unit) && o.figure.unit.is_money())
                })
                .map(|o| (o.start, o.end))
                .filter(|&o| !grouped(text, (f.start, f.end), o))
                .collect();
            let masks: Vec<(usize, usize)> = ms
                .iter()
                .filter(|m| cl.contains(m.start))
                .map(|m| (m.start, m.end))
                .collect();
            let mut kind = cues::kind_masked(
                ctext,
                cl.start,
                (f.start, f.end),
                &rivals,
                &f.figure.unit,
                &masks,
            )
            .0;
            // "Microsoft's share is up to $5 billion": the kind was said in the sentence before.
            if kind == ClaimKind::Other
                && f.figure.unit.is_money()
                && let Some(p) = prev
            {
                let ptext = &text[p.start..p.end];
                let (k, score) =
                    cues::kind_scored(ptext, p.start, (p.end, p.end), &[], &f.figure.unit);
                if score >= 1.0 {
                    kind = k;
                }
            }
            // "invest RMB 380 billion in cloud and AI infrastructure": money put into things,
            // not into a party, is spending.
            if matches!(
                kind,
                ClaimKind::Investment | ClaimKind::ComputeCommitment | ClaimKind::Other
            ) && f.figure.unit.is_money()
                // A clause cut inside a long line may end before the figure does.
                && let Some(len) = cues::spent_on_things(text.get(f.end..cl.end).unwrap_or(""))
                && !masks.iter().any(|&(a, _)| f.end <= a && a < f.end + len)
            {
                kind = ClaimKind::Spend;
            }
            // A period belongs to the nearest figure: look no further than the next figure.
            let pend = others
                .iter()
                .map(|o| o.0)
                .filter(|&o| o > f.end)
                .min()
                .unwrap_or(cl.end);
            let period = period::find_period(
                &text[cl.start..pend],
                (f.start - cl.start, f.end - cl.start),
            );
            let sentence: Vec<&Mention> = ms.clone();
            let inp = parties::PartyInput {
                text,
                fig: (f.start, f.end),
                others: others.clone(),
                clause_start: cl.start,
                clause_end: cl.end,
                clause: sentence
                    .iter()
                    .copied()
                    .filter(|m| cl.contains(m.start))
                    .collect(),
                sentence,
                previous: prev_ms.clone(),
                context: context.clone(),
                kind,
                topic: self.topic,
            };
            let (subject, counterparty) = parties::parties(&inp);
            let (date, date_source) = match own_date(text, &dates, f, figs) {
                Some(d) => (Some(d), dates::DateSource::Own),
                // A date elsewhere in the sentence: the nearest one.
                None if !dates.is_empty() => (
                    dates
                        .iter()
                        .min_by_key(|d| cues::distance((d.start, d.end), (f.start, f.end)))
                        .map(|d| d.date),
                    dates::DateSource::Sentence,
                ),
                None => match para_date {
                    Some(d) => (Some(d), dates::DateSource::Paragraph),
                    None => match self.published {
                        Some(d) => (Some(d), dates::DateSource::Published),
                        None => (None, dates::DateSource::None),
                    },
                },
            };
            let mut confidence: f64 = 0.45;
            if kind != ClaimKind::Other {
                confidence += 0.2;
            }
            if subject.is_some() {
                confidence += 0.15;
            }
            if counterparty.is_some() || !kind.moves_money() {
                confidence += 0.1;
            }
            if ms.iter().any(|m| cl.contains(m.start)) {
                confidence += 0.05;
            }
            // Parties read from earlier sentences or the document's topic are guesses.
            let named_here = |p: &Option<String>| {
                p.as_ref()
                    .is_none_or(|n| ms.iter().any(|m| &m.canonical == n))
            };
            if !named_here(&subject) {
                confidence -= 0.1;
            }
            if !named_here(&counterparty) {
                confidence -= 0.05;
            }
            if heading {
                confidence -= 0.2;
            }
            // A share move is observed, not planned: "noted a 2.3% rise, attributing it to the
            // potential for …" is no forecast; only a forecast word before the figure or up to
            // the next comma after it makes it one.
            let status = if kind == ClaimKind::StockMove && status == ClaimStatus::Forecast {
                let stop = text
                    .get(f.end..cl.end)
                    .and_then(|t| t.find(','))
                    .map_or(cl.end, |i| f.end + i);
                cues::status(text.get(cl.start..stop).unwrap_or(ctext))
            } else {
                status
            };
            let doubts: Vec<String> = f.doubt.iter().cloned().collect();
            let mut confidence = confidence.clamp(0.05, 0.95);
            if !doubts.is_empty() {
                confidence = confidence.min(DOUBT_CONFIDENCE);
            }
            out.push(Candidate {
                start: s.start,
                end: s.end,
                quote: stext.to_owned(),
                figure_text: text[f.start..f.end].to_owned(),
                figure_start: f.start,
                figure_end: f.end,
                kind,
                subject,
                counterparty,
                figure: f.figure.clone(),
                period,
                date,
                status,
                confidence: (confidence * 100.0).round() / 100.0,
                in_heading: heading,
                date_source,
                doubts,
                relation_only: false,
            });
            // "RMB 380 billion, or about $53 billion": a sum restated in another currency is the
            // same claim, so it takes the kind and parties read for the first one.
            let last = out.len() - 1;
            if let Some(first) = restated(text, &out[..last], &out[last], s.start) {
                let (kind, subject, counterparty) = (
                    out[first].kind,
                    out[first].subject.clone(),
                    out[first].counterparty.clone(),
                );
                let c = &mut out[last];
                c.kind = kind;
                c.subject = subject;
                c.counterparty = counterparty;
            }
            // "SoftBank and Oracle have allocated $400 billion to OpenAI": the second payer of a
            // pair is proposed too, as a relation without a figure (the sum is shared).
            if let Some(extra) = coordinated_payer(text, &ms, &out[last]) {
                out.push(extra);
            }
        }
    }
}

/// The relation of the second party of "X and Y" when X is a candidate's payer.
fn coordinated_payer(text: &str, ms: &[&Mention], c: &Candidate) -> Option<Candidate> {
    if !matches!(
        c.kind,
        ClaimKind::Investment
            | ClaimKind::ComputeCommitment
            | ClaimKind::ChipSupply
            | ClaimKind::Spend
    ) {
        return None;
    }
    let (subject, counterparty) = (c.subject.as_deref()?, c.counterparty.as_deref()?);
    let i = ms
        .iter()
        .position(|m| m.canonical == subject && m.end <= c.figure_start)?;
    let (x, y) = (ms[i], ms.get(i + 1)?);
    let gap = text.get(x.end..y.start)?;
    if gap.trim() != "and" || y.canonical == counterparty || y.canonical == subject {
        return None;
    }
    Some(Candidate {
        figure_text: String::new(),
        figure_start: y.start,
        figure_end: y.start,
        subject: Some(y.canonical.clone()),
        doubts: Vec::new(),
        relation_only: true,
        ..c.clone()
    })
}

/// Whether two figures form one group ("from $13 billion to $20 billion", "$5B and $7B"), so
/// they share cues and dates instead of competing for them.
fn grouped(text: &str, a: (usize, usize), b: (usize, usize)) -> bool {
    let (x, y) = if a.0 <= b.0 { (a, b) } else { (b, a) };
    let gap = text.get(x.1..y.0).unwrap_or("x").trim();
    joined(text, a, b) || GROUP_GAP.is_match(gap)
}

/// The index in `earlier` of the figure that `c` restates or continues, so both are one deal's
/// reading: the nearest earlier money figure of the same sentence, in another currency when `c`
/// follows a comma and an approximation word ("RMB 380 billion, or about $53 billion"), or in the
/// same currency when only "that could rise to" stands between them.
fn restated(text: &str, earlier: &[Candidate], c: &Candidate, sentence: usize) -> Option<usize> {
    if !c.figure.unit.is_money() {
        return None;
    }
    // Candidates come in text order, so the sentence's own are the last ones: a search through
    // all earlier candidates made 12 MB of news take 10 s (quadratic in the figures).
    let base = earlier.len()
        - earlier
            .iter()
            .rev()
            .take_while(|e| e.start == c.start)
            .count();
    let i = base
        + earlier[base..]
            .iter()
            .rposition(|e| !e.relation_only && e.figure_end <= c.figure_start)?;
    let e = &earlier[i];
    if !e.figure.unit.is_money() {
        return None;
    }
    if e.figure.unit == c.figure.unit {
        let gap = text.get(e.figure_end..c.figure_start)?;
        return CONTINUED.is_match(gap).then_some(i);
    }
    let before = text.get(sentence..c.figure_start)?;
    RESTATED.is_match(before).then_some(i)
}

static CONTINUED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)^\s*,?\s*(?:that|which|and)?\s*(?:could|may|might|would|will|is\s+expected\s+to)?\s*(?:rise|grow|climb|increase|expand|reach)(?:s|d|ing)?\s+(?:to\s+)?(?:as\s+much\s+as\s+)?$",
    )
    .expect("static continuation regex is valid")
});

static RESTATED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i),\s*(?:or\s+)?(?:roughly|about|around|approximately|some|nearly|almost|or)\s*$",
    )
    .expect("static restatement regex is valid")
});

/// Whether two figures are joined directly ("from $13 billion to $20 billion this year"), so a
/// date stated for one holds for both; "$5 billion, up from $1 billion in January" is not.
fn joined(text: &str, a: (usize, usize), b: (usize, usize)) -> bool {
    let (x, y) = if a.0 <= b.0 { (a, b) } else { (b, a) };
    let gap = text.get(x.1..y.0).unwrap_or("x").trim();
    matches!(gap, "to" | "and" | "or" | "-" | "–" | "," | "")
}

static GROUP_GAP: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^,?\s*(?:up|down)?\s*from(?:\s+(?:roughly|about|nearly|around|some|a))?$")
        .expect("static group-gap regex is valid")
});

static ATTRIBUTION: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)(?-u:\b)(?:said|says|announced|reported|disclosed|confirmed|told)\b[^,.;]*$",
    )
    .expect("static attribution regex is valid")
});

/// The date of figure `f`: a date before the sentence's first figure applies to all figures;
/// any other date belongs only to the figure nearest to it.
fn own_date(
    text: &str,
    dates: &[dates::FoundDate],
    f: &figures::FoundFigure,
    figs: &[&figures::FoundFigure],
) -> Option<FuzzyDate> {
    let first = figs.iter().map(|g| g.start).min().unwrap_or(f.start);
    let span = |g: &figures::FoundFigure| (g.start, g.end);
    dates
        .iter()
        .filter(|d| d.end <= f.start || d.start >= f.end)
        .filter(|d| {
            let dist = cues::distance((d.start, d.end), span(f));
            // Only a figure of the same unit competes for a date ("$86 billion earlier this
            // year … a $500 billion valuation"); "24% last month … 6 GW" share it.
            let last = figs.iter().map(|g| g.end).max().unwrap_or(f.end);
            // "…, the company said on Tuesday.": an attribution date covers every figure.
            let attributed = d.start >= last
                && ATTRIBUTION
                    .is_match(&text[figures::ceil(text, d.start.saturating_sub(30))..d.start]);
            d.end <= first
                || attributed
                || !figs.iter().any(|g| {
                    (g.figure.unit == f.figure.unit
                        || g.figure.unit.is_money() && f.figure.unit.is_money())
                        && !joined(text, span(f), span(g))
                        && cues::distance((d.start, d.end), span(g)) < dist
                })
        })
        .min_by_key(|d| cues::distance((d.start, d.end), span(f)))
        .map(|d| d.date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Qualifier, Unit};

    fn run(text: &str) -> Vec<Candidate> {
        extract(text, "2025-12-17".parse().ok(), &[], &Gazetteer::builtin())
    }

    #[test]
    fn reads_a_talks_sentence_fully() {
        let t = "According to a December 16 report, Amazon is in talks to invest at least $10 billion in OpenAI.";
        let c = run(t);
        assert_eq!(c.len(), 1);
        let c = &c[0];
        assert_eq!(c.quote, &t[c.start..c.end]);
        assert_eq!(c.figure_text, "$10 billion");
        assert_eq!(c.figure.qualifier, Qualifier::AtLeast);
        assert_eq!(c.figure.unit, Unit::Usd);
        assert_eq!(c.kind, ClaimKind::Investment);
        assert_eq!(c.subject.as_deref(), Some("Amazon"));
        assert_eq!(c.counterparty.as_deref(), Some("OpenAI"));
        assert_eq!(c.date.map(|d| d.to_string()).as_deref(), Some("2025-12-16"));
        assert_eq!(c.status, ClaimStatus::InTalks);
    }

    #[test]
    fn excluded_ranges_and_sidebars_yield_nothing() {
        let t = "OpenAI signed a $38 billion deal with AWS. OpenAI again.\nplaceholder\nBitcoin may fall below $70,000.\n";
        let c = run(t);
        assert_eq!(c.len(), 1);
        let ex = [TextRange { start: 0, end: 20 }];
        assert!(extract(t, None, &ex, &Gazetteer::builtin()).is_empty());
    }

    #[test]
    fn documents_use_their_own_published_date_and_exclusions() {
        let text = "Acme Compute agreed last year to invest $2 billion in OpenAI.".to_owned();
        let doc = SourceDocument {
            id: crate::model::DocId::new("doc-0001"),
            title: "t".into(),
            outlet: String::new(),
            author: None,
            url: None,
            published: "2025-06-01".parse().ok(),
            imported_at: None,
            sha256: String::new(),
            cites: Vec::new(),
            text,
            excluded: Vec::new(),
            rejected: Vec::new(),
            import_notes: Vec::new(),
            import_marks: Default::default(),
        };
        let acme = Entity {
            id: crate::model::EntityId::new("acme"),
            name: "Acme Compute".into(),
            aliases: Vec::new(),
            kind: crate::model::EntityKind::Company,
            parent: None,
        };
        let c = extract_document(&doc, &[acme]);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].subject.as_deref(), Some("Acme Compute"));
        assert_eq!(c[0].counterparty.as_deref(), Some("OpenAI"));
        assert_eq!(c[0].date.map(|d| d.to_string()).as_deref(), Some("2024"));
    }

    #[test]
    fn article_prose_after_a_sidebar_marker_ends_the_sidebar() {
        let t = "Amazon may invest $10 billion in OpenAI, people said.\nSubscribe to our newsletter\n\
                 Apple weighs a $1 billion deal with Amazon\n\
                 OpenAI's revenue will reach about $13 billion this year, while Amazon keeps \
                 investing in the company.\nAmazon's $10B Bet: What It Means for OpenAI\n";
        let c = run(t);
        let figs: Vec<&str> = c.iter().map(|c| c.figure_text.as_str()).collect();
        assert_eq!(figs, ["$10 billion", "$13 billion", "$10B"]);
        assert!(c[2].in_heading);
    }

    /// The fixture articles and, when CLAIMBENCH_SEEDS names their folder, the seed articles,
    /// one after another until `bytes`, as the extraction benchmark feeds them.
    fn news_mix(bytes: usize) -> String {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/extract");
        let mut dirs = vec![
            root.clone(),
            root.join("news/tune"),
            root.join("news/unseen"),
        ];
        if let Some(seeds) = std::env::var_os("CLAIMBENCH_SEEDS") {
            dirs.push(seeds.into());
        }
        let mut articles = Vec::new();
        for dir in dirs {
            let mut files: Vec<_> = std::fs::read_dir(&dir)
                .unwrap_or_else(|e| panic!("{} is unreadable: {e}", dir.display()))
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect();
            files.sort();
            for f in files {
                articles.push(std::fs::read_to_string(f).expect("article is UTF-8"));
            }
        }
        let mut out = String::new();
        while out.len() < bytes {
            for a in &articles {
                out.push_str(a);
                out.push_str("\n\n");
            }
        }
        out
    }

    #[test]
    fn two_threads_read_exactly_what_one_reads() {
        let text = news_mix(2 * PARALLEL_BYTES);
        let gaz = Gazetteer::builtin();
        let published = "2025-12-17".parse().ok();
        let limit = std::time::Duration::from_secs(600);
        let one = extract_on(&text, published, &[], &gaz, limit, false);
        let two = extract_on(&text, published, &[], &gaz, limit, true);
        assert!(one.candidates.len() > 1000, "{}", one.candidates.len());
        assert!(one.stopped.is_none());
        assert_eq!(one, two);
        // With excluded ranges (one in each half) and no publication date too.
        let ex = [
            TextRange {
                start: 1000,
                end: 60_000,
            },
            TextRange {
                start: text.len() - 80_000,
                end: text.len() - 20_000,
            },
        ];
        let one = extract_on(&text, None, &ex, &gaz, limit, false);
        let two = extract_on(&text, None, &ex, &gaz, limit, true);
        assert_eq!(one, two);
        // The time bound holds on both paths: a zero limit reads nothing.
        let zero = std::time::Duration::ZERO;
        let none = extract_on(&text, published, &[], &gaz, zero, true);
        assert!(none.candidates.is_empty());
        assert_eq!(none.stopped.map(|s| s.at), Some(0));
        // One extraction of the whole mix proposes what the one-thread pass proposes for it,
        // and the public entry takes the two-thread path for it.
        assert_eq!(extract(&text, published, &[], &gaz), one_pass(&text, &gaz));
    }

    fn one_pass(text: &str, gaz: &Gazetteer) -> Vec<Candidate> {
        let limit = std::time::Duration::from_secs(600);
        extract_on(text, "2025-12-17".parse().ok(), &[], gaz, limit, false).candidates
    }

    #[test]
    fn subject_can_come_from_the_previous_sentence() {
        let t = "OpenAI has been raising money everywhere. The startup also committed to a $38 billion cloud deal with AWS.";
        let c = run(t);
        assert_eq!(c[0].subject.as_deref(), Some("OpenAI"));
        assert_eq!(c[0].counterparty.as_deref(), Some("Amazon"));
    }
}
